#pragma once

#include "architectures/rowkernels.h"

#include <torch/torch.h>

#include <cstdint>

namespace llmos {

// Root-mean-square layer norm (Zhang & Sennrich 2019) as Llama uses it: no mean, no bias.
class RmsNormImpl : public torch::nn::Module {
public:
    RmsNormImpl(std::int64_t dimension, double eps)
        : m_eps(eps)
    {
        weight = register_parameter("weight", torch::ones({dimension}));
    }

    torch::Tensor forward(const torch::Tensor &x)
    {
        return weight * (x * torch::rsqrt(x.pow(2).mean(-1, /*keepdim=*/true) + m_eps));
    }

    // forward() of `rows` contiguous fp32 CPU rows, without tensor ops (see rowkernels.h).
    torch::Tensor forwardRows(const torch::Tensor &x, std::int64_t rows = 1)
    {
        auto out = torch::empty_like(x);
        const auto width = x.numel() / rows;
        for (std::int64_t b = 0; b < rows; ++b)
            rowkernels::rmsNorm(x.data_ptr<float>() + b * width, weight.data_ptr<float>(), out.data_ptr<float>() + b * width,
                                width, m_eps);
        return out;
    }

    torch::Tensor weight;

private:
    double m_eps;
};
TORCH_MODULE(RmsNorm);

} // namespace llmos
