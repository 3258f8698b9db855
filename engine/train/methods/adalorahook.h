#pragma once

#include "architectures/projection.h"

#include <cstdint>

namespace llmos {

// AdaLoRA (Zhang et al. 2023) on one linear layer, in SVD form P Λ Q:
// y + dropout(x) (A ⊙ E)ᵀ Bᵀ · scale / rank, with A = Q [r, in], B = P [out, r] drawn
// from N(0, 0.02²) and the singular values E = Λ [r, 1] zero, so the layer starts
// unchanged. Pruning a rank zeroes its E entry. Names as PEFT's: lora_A, lora_B, lora_E.
class AdaLoraHookImpl : public ProjectionHookImpl {
public:
    AdaLoraHookImpl(std::int64_t in, std::int64_t out, std::int64_t rank, double scale, double dropout,
                    const torch::TensorOptions &options);
    torch::Tensor forward(const torch::Tensor &x, const torch::Tensor &y) override;

    // B (A ⊙ E) · scale / rank, [out, in]: what merging adds to W.
    torch::Tensor delta() const;

    torch::Tensor lora_A;
    torch::Tensor lora_B;
    torch::Tensor lora_E;

private:
    double factor() const;

    std::int64_t m_rank;
    double m_scale;
    double m_dropout;
};

} // namespace llmos
