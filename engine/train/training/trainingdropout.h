#pragma once

#include <torch/torch.h>

namespace llmos {

// Switches on dropout with `probability` in whatever model `network` holds (a causal LM,
// a BERT encoder, a sequence classifier around either): at the embeddings, the attention
// probabilities and the residual branches, plus the pooled state before a BERT
// classifier's head, where Hugging Face puts it. Dropout acts in train() mode only.
// Returns false when the network holds no model that has dropout.
bool applyTrainingDropout(torch::nn::Module &network, double probability);

} // namespace llmos
