#pragma once

#include "recipe/trainingrecipe.h"

#include <torch/torch.h>

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace llmos {

using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;

// The recipe's optimizer over `parameters` (the trainable ones, by name), torch::optim's
// implementations. AdamW's weight decay is decoupled; the others add it to the gradient
// (L2), as in PyTorch.
std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const OptimizerSettings &settings,
                                                       const NamedTensors &parameters);

void setLearningRate(torch::optim::Optimizer &optimizer, double lr);

// The optimizer's per-parameter state (moments, momentum buffers, step counts) as named
// tensors "<parameter>/<field>", so a checkpoint can hold it in a safetensors file rather
// than an opaque archive. Parameters the optimizer has not touched yet have none.
NamedTensors optimizerState(const torch::optim::Optimizer &optimizer, const OptimizerSettings &settings,
                            const NamedTensors &parameters);
// Puts state written by optimizerState back, exactly. Throws Error(Format) naming the
// tensor when one is missing or has the wrong shape.
void restoreOptimizerState(torch::optim::Optimizer &optimizer, const OptimizerSettings &settings,
                           const NamedTensors &parameters, const std::map<std::string, torch::Tensor> &state);

} // namespace llmos
