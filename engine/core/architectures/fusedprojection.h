#pragma once

#include "architectures/projection.h"

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace llmos {

// Several projections of the same input run as one: their weights (and biases) are
// concatenated into one tensor and each projection's parameters become views of it
// (quantized weights likewise: each part's matrix becomes a row view of the fused one).
// Loading, saving and training still see the separate parameters (q_proj, k_proj, ...),
// while inference runs one matrix product instead of several — at batch 1 each product is
// a matrix-vector pass whose fixed cost is a large part of a decode step.
//
// The parts stay the truth: anything that replaces a part's storage (loading weights with
// set_data, to(device) on a GPU, an adapter) breaks the sharing, intact() turns false and
// callers fall back to the parts until fuse() is called again.
class FusedProjection {
public:
    // Concatenates the parts' weights (and biases, when every part has one). Does nothing
    // when they already share one intact storage, or cannot (different devices or dtypes).
    void fuse(std::vector<Projection> parts);

    // True when every part's parameters are still views of the fused storage.
    bool intact() const;

    // Usable for this input: intact, and autograd off (the fused tensor is not a
    // parameter, so gradients would not reach the parts).
    bool usable() const { return !torch::GradMode::is_enabled() && intact(); }

    // x [..., in] -> [..., sum of the parts' outputs].
    torch::Tensor forward(const torch::Tensor &x) const
    {
        return m_quantized ? quantizedLinear(x, *m_quantized, m_bias) : linearRows(x, m_weight, m_bias);
    }

    // The fused weight: fp32 in weight(), or, when the parts are quantized alike, in
    // quantized() (then weight() is undefined).
    const torch::Tensor &weight() const noexcept { return m_weight; }
    const QuantizedMatrix *quantized() const noexcept { return m_quantized.get(); }
    const torch::Tensor &bias() const noexcept { return m_bias; }

private:
    // fuse() for quantized parts: their matrices become row views of one.
    void fuseQuantized();

    std::vector<Projection> m_parts;
    torch::Tensor m_weight;
    std::shared_ptr<const QuantizedMatrix> m_quantized;
    torch::Tensor m_bias;
};

} // namespace llmos
