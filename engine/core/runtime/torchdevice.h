#pragma once

#include <torch/torch.h>

#include <string>

namespace llmos {

// "auto", "cpu", "cuda" or "cuda:N" -> a torch device. auto is CUDA device 0 when this
// libtorch was built with CUDA and a GPU is present, else the CPU. Asking for CUDA where
// there is none, or for a device index beyond the ones present, is Error(Unsupported /
// InvalidInput) that says which.
torch::Device resolveTorchDevice(const std::string &spec);

// The dtype models compute in on `device`: fp32 on the CPU (no fast half-precision
// kernels there), bf16 on CUDA (fp32 range, half the memory traffic).
torch::ScalarType computeDtype(const torch::Device &device);

} // namespace llmos
