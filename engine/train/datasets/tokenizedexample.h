#pragma once

#include <cstdint>
#include <vector>

namespace llmos {

// Label value the loss ignores (PyTorch's cross_entropy ignore_index default).
constexpr std::int32_t kIgnoreLabel = -100;

// One training example as the trainer consumes it. Causal LM: labels has the length
// of inputIds, kIgnoreLabel where no loss is taken (prompt tokens), and the trainer
// shifts them. Classification: labels is empty and classLabel the index into the
// sorted label vocabulary.
struct TokenizedExample {
    std::vector<std::int32_t> inputIds;
    std::vector<std::int32_t> labels;
    std::int32_t classLabel = -1;
    std::uint64_t line = 0; // first source line, for messages
};

} // namespace llmos
