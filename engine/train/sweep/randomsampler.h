#pragma once

#include "sweep/sampler.h"

#include <cstdint>

namespace llmos {

// Independent draws from each parameter's prior. Trial k's configuration depends only on
// (seed, k): a resumed sweep continues the same sequence, whatever the trials returned.
class RandomSampler : public Sampler {
public:
    RandomSampler(SearchSpace space, std::uint64_t seed);
    std::optional<Assignment> suggest(int trialNumber, const std::vector<TrialRecord> &history) override;

    // The same draw without a sampler object (TPE's startup trials use it).
    static Assignment draw(const SearchSpace &space, std::uint64_t seed, int trialNumber);

private:
    SearchSpace m_space;
    std::uint64_t m_seed;
};

} // namespace llmos
