#include "methods/lorahook.h"

#include <cmath>

namespace llmos {

LoraHookImpl::LoraHookImpl(std::int64_t in, std::int64_t out, std::int64_t rank, double scale, double dropout,
                           const torch::TensorOptions &options)
    : m_scale(scale)
    , m_dropout(dropout)
{
    torch::NoGradGuard noGrad;
    auto a = torch::empty({rank, in}, options);
    torch::nn::init::kaiming_uniform_(a, std::sqrt(5.0)); // as PEFT and nn.Linear
    lora_A = register_parameter("lora_A", a);
    lora_B = register_parameter("lora_B", torch::zeros({out, rank}, options));
}

torch::Tensor LoraHookImpl::forward(const torch::Tensor &x, const torch::Tensor &y)
{
    const auto input = m_dropout > 0 && is_training() ? torch::dropout(x, m_dropout, true) : x;
    const auto low = torch::matmul(input.to(lora_A.dtype()), lora_A.t());
    return y + (torch::matmul(low, lora_B.t()) * m_scale).to(y.dtype());
}

torch::Tensor LoraHookImpl::delta() const { return torch::matmul(lora_B, lora_A) * m_scale; }

} // namespace llmos
