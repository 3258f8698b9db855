#include "methods/adalorahook.h"

namespace llmos {

AdaLoraHookImpl::AdaLoraHookImpl(std::int64_t in, std::int64_t out, std::int64_t rank, double scale, double dropout,
                                 const torch::TensorOptions &options)
    : m_rank(rank)
    , m_scale(scale)
    , m_dropout(dropout)
{
    torch::NoGradGuard noGrad;
    lora_A = register_parameter("lora_A", torch::empty({rank, in}, options).normal_(0.0, 0.02));
    lora_B = register_parameter("lora_B", torch::empty({out, rank}, options).normal_(0.0, 0.02));
    lora_E = register_parameter("lora_E", torch::zeros({rank, 1}, options));
}

// PEFT divides by ranknum + 1e-5, ranknum being the initial rank.
double AdaLoraHookImpl::factor() const { return m_scale / (static_cast<double>(m_rank) + 1e-5); }

torch::Tensor AdaLoraHookImpl::forward(const torch::Tensor &x, const torch::Tensor &y)
{
    const auto input = m_dropout > 0 && is_training() ? torch::dropout(x, m_dropout, true) : x;
    const auto low = torch::matmul(input.to(lora_A.dtype()), (lora_A * lora_E).t());
    return y + (torch::matmul(low, lora_B.t()) * factor()).to(y.dtype());
}

torch::Tensor AdaLoraHookImpl::delta() const { return torch::matmul(lora_B, lora_A * lora_E) * factor(); }

} // namespace llmos
