#pragma once

#include "architectures/projection.h"

#include <cstdint>

namespace llmos {

// LoRA (Hu et al. 2021) on one linear layer: y + dropout(x) Aᵀ Bᵀ · scale, with A [r, in]
// Kaiming-uniform and B [out, r] zero, so the layer starts unchanged. Parameter names
// are PEFT's module names, "lora_A" and "lora_B" (PEFT saves them with ".weight").
class LoraHookImpl : public ProjectionHookImpl {
public:
    LoraHookImpl(std::int64_t in, std::int64_t out, std::int64_t rank, double scale, double dropout,
                 const torch::TensorOptions &options);
    torch::Tensor forward(const torch::Tensor &x, const torch::Tensor &y) override;

    // B A · scale, [out, in]: what merging adds to W.
    torch::Tensor delta() const;

    torch::Tensor lora_A;
    torch::Tensor lora_B;

private:
    double m_scale;
    double m_dropout;
};

} // namespace llmos
