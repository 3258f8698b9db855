#pragma once

#include "datasets/tokenizedexample.h"

#include <torch/torch.h>

#include <cstdint>
#include <span>

namespace llmos {

// Examples padded on the right into tensors the model takes.
struct TrainingBatch {
    torch::Tensor ids;            // [batch, longest] int64, padding = the pad id
    torch::Tensor attentionMask;  // [batch, longest] int64, 1 for real tokens
    torch::Tensor labels;         // causal LM: [batch, longest] int64, kIgnoreLabel on padding
    torch::Tensor classLabels;    // classification: [batch] int64
    std::int64_t realTokens = 0;  // non-padding input tokens
    // Terms of the loss: label-bearing next-token positions (causal LM, after the shift)
    // or examples (classification).
    std::int64_t lossTerms = 0;
};

// Causal LM labels are the examples' own (kIgnoreLabel where no loss is taken, e.g.
// prompt tokens); the loss shifts them. Classification takes classLabel. Throws
// Error(InvalidInput) for no examples or an empty example.
TrainingBatch makeCausalLmBatch(std::span<const TokenizedExample *const> examples, std::int64_t padId);
TrainingBatch makeClassificationBatch(std::span<const TokenizedExample *const> examples, std::int64_t padId);
// The batch with its tensors on `device` (itself when they are there already).
TrainingBatch onDevice(TrainingBatch batch, torch::Device device);

} // namespace llmos
