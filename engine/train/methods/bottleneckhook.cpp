#include "methods/bottleneckhook.h"

#include <cmath>

namespace llmos {

BottleneckHookImpl::BottleneckHookImpl(std::int64_t width, std::int64_t size, std::string activation,
                                       const torch::TensorOptions &options)
    : m_activation(std::move(activation))
{
    torch::NoGradGuard noGrad;
    auto down = torch::empty({size, width}, options);
    torch::nn::init::kaiming_uniform_(down, std::sqrt(5.0)); // nn.Linear's default
    const double bound = 1.0 / std::sqrt(static_cast<double>(width));
    down_weight = register_parameter("down_weight", down);
    down_bias = register_parameter("down_bias", torch::empty({size}, options).uniform_(-bound, bound));
    up_weight = register_parameter("up_weight", torch::zeros({width, size}, options));
    up_bias = register_parameter("up_bias", torch::zeros({width}, options));
}

torch::Tensor BottleneckHookImpl::forward(const torch::Tensor &x, const torch::Tensor &y)
{
    auto h = torch::nn::functional::linear(y.to(down_weight.dtype()), down_weight, down_bias);
    if (m_activation == "relu")
        h = torch::relu(h);
    else if (m_activation == "gelu")
        h = torch::gelu(h);
    else if (m_activation == "tanh")
        h = torch::tanh(h);
    else
        h = torch::silu(h);
    return y + torch::nn::functional::linear(h, up_weight, up_bias).to(y.dtype());
}

} // namespace llmos
