#pragma once

#include <torch/torch.h>

#include <cstdint>

namespace llmos {

// x Wᵀ + b for x [..., in] and W [out, in]. A single row (batch-1 decoding) goes through
// matrix-vector addmv, which is 4-5x faster than the GEMM path linear() takes for it on
// CPU BLAS.
inline torch::Tensor linearRows(const torch::Tensor &x, const torch::Tensor &weight, const torch::Tensor &bias = {})
{
    if (x.numel() == x.size(-1) && x.dim() >= 1) {
        auto sizes = x.sizes().vec();
        sizes.back() = weight.size(0);
        const auto row = x.reshape({x.size(-1)});
        const auto y = bias.defined() ? torch::addmv(bias, weight, row) : torch::mv(weight, row);
        return y.view(sizes);
    }
    return torch::nn::functional::linear(x, weight, bias);
}

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

    torch::Tensor forward(const torch::Tensor &x) { return linearRows(x, weight, bias); }

    torch::Tensor weight;
    torch::Tensor bias;
};
TORCH_MODULE(Projection);

} // namespace llmos
