#pragma once

#include "generation/samplingoptions.h"

#include <cstdint>
#include <random>
#include <span>
#include <utility>
#include <vector>

namespace llmos {

// Chooses next tokens from logits as SamplingOptions say. Plain C++ over a float span
// (the logits of one sequence, copied off the device), so it is identical on CPU and GPU
// and its randomness is ours: a 64-bit Mersenne Twister whose draws are turned into
// doubles by bit arithmetic, not by std::uniform_real_distribution, whose algorithm the
// standard leaves to each library. One sampler per sequence: the stream of draws is
// what makes a seed reproducible, whatever else runs in the same batch.
class TokenSampler {
public:
    // The seed is options.seed, or `fallbackSeed` when that is empty.
    TokenSampler(const SamplingOptions &options, std::uint64_t fallbackSeed);

    std::uint64_t seed() const noexcept { return m_seed; }

    // Picks a token. `logits` (vocabulary-sized) is modified in place by the penalty;
    // `history` is every token of the sequence so far (prompt and output), for the
    // repetition penalty.
    std::int32_t next(std::span<float> logits, std::span<const std::int32_t> history);

private:
    void applyRepetitionPenalty(std::span<float> logits, std::span<const std::int32_t> history) const;
    // A uniform draw in [0, 1).
    double uniform();

    SamplingOptions m_options;
    std::uint64_t m_seed;
    std::mt19937_64 m_random;
    std::vector<std::pair<float, std::int32_t>> m_candidates; // reused between calls
    std::vector<double> m_weights;
};

} // namespace llmos
