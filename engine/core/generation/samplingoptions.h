#pragma once

#include <cstdint>
#include <optional>

namespace llmos {

// How the next token is chosen from the logits, with Hugging Face's meanings and order:
// repetition penalty, then temperature, top-k, top-p and min-p, then a draw.
struct SamplingOptions {
    double temperature = 1.0;        // 0 = greedy (argmax); otherwise logits / temperature
    std::int64_t topK = 0;           // keep the k most likely tokens; 0 = all
    double topP = 1.0;               // keep the smallest set whose probability reaches p; 1 = all
    double minP = 0.0;               // drop tokens below minP × the top token's probability; 0 = off
    double repetitionPenalty = 1.0;  // > 1 discourages tokens already in the prompt or output (CTRL)
    std::optional<std::uint64_t> seed; // same seed, same model and prompt -> same output; none = random

    bool greedy() const noexcept { return temperature == 0.0; }
};

// Throws Error(InvalidInput) naming the option for values outside the ranges above
// (negative temperature, top-p outside (0, 1], ...).
void validateSamplingOptions(const SamplingOptions &options);

} // namespace llmos
