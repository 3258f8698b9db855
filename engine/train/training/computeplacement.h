#pragma once

#include "recipe/trainingrecipe.h"

#include <torch/torch.h>

namespace llmos {

// Where a run computes and in what precision, from training.device and
// training.precision.
struct ComputePlacement {
    torch::Device device = torch::kCPU;
    bool bf16 = false; // forward passes under bf16 autocast

    std::string describe() const; // "cpu, fp32", "cuda:0, bf16 autocast"
};

// Throws Error(Unsupported / InvalidInput) for a device this build or machine lacks
// (runtime/torchdevice.h), naming training.device.
ComputePlacement resolveComputePlacement(const TrainingSettings &settings);

// Autocast (mixed precision) for the forward passes in its scope: matrix products run in
// bfloat16 while the parameters, their gradients and the optimizer stay fp32, and
// reductions such as the loss stay in fp32 (autocast's own op lists). Backward runs
// outside the scope, as PyTorch recommends. Does nothing when placement.bf16 is false.
class AutocastScope {
public:
    explicit AutocastScope(const ComputePlacement &placement);
    ~AutocastScope();
    AutocastScope(const AutocastScope &) = delete;
    AutocastScope &operator=(const AutocastScope &) = delete;

private:
    bool m_active = false;
    bool m_cuda = false;
    bool m_wasEnabled = false;
    at::ScalarType m_previousType = at::kBFloat16;
};

} // namespace llmos
