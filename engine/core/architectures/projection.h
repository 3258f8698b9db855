#pragma once

#include <torch/torch.h>

#include <cstdint>

namespace llmos {

// y = x Wᵀ + b with W [out, in], as torch::nn::Linear, but the parameters start empty:
// every weight of a pretrained model is loaded, and random initialisation of a
// multi-billion-parameter model would cost seconds and a second copy of memory.
class ProjectionImpl : public torch::nn::Module {
public:
    ProjectionImpl(std::int64_t in, std::int64_t out, bool bias)
    {
        weight = register_parameter("weight", torch::empty({out, in}));
        if (bias)
            this->bias = register_parameter("bias", torch::empty({out}));
    }

    torch::Tensor forward(const torch::Tensor &x) { return torch::nn::functional::linear(x, weight, bias); }

    torch::Tensor weight;
    torch::Tensor bias;
};
TORCH_MODULE(Projection);

} // namespace llmos
