#pragma once

#include "architectures/quantizedmatrix.h"

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <utility>

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

// What a fine-tuning method puts on a linear layer (engine/train/methods): given the
// layer's input x and its output y = x Wᵀ + b, returns what replaces y — LoRA adds
// B A x · scale, a Houlsby adapter y + up(act(down(y))), BitFit y + b.
class ProjectionHookImpl : public torch::nn::Module {
public:
    virtual torch::Tensor forward(const torch::Tensor &x, const torch::Tensor &y) = 0;
};

// The slot a linear layer keeps its hook in. The hook is registered as the layer's
// submodule "hook", so named_parameters(), to() and train()/eval() reach it; without a
// hook the layer runs exactly as before. A layer with a hook is no longer x Wᵀ + b, so
// fused and row paths that read the weight directly must check hooked() and fall back.
class ProjectionHookSlot {
public:
    void set(torch::nn::Module &owner, std::shared_ptr<ProjectionHookImpl> hook)
    {
        clear(owner);
        if (hook)
            m_hook = owner.register_module("hook", std::move(hook));
    }

    void clear(torch::nn::Module &owner)
    {
        if (m_hook)
            owner.unregister_module("hook");
        m_hook.reset();
    }

    torch::Tensor apply(const torch::Tensor &x, torch::Tensor y) const
    {
        return m_hook ? m_hook->forward(x, y) : y;
    }

    const std::shared_ptr<ProjectionHookImpl> &get() const noexcept { return m_hook; }
    explicit operator bool() const noexcept { return m_hook != nullptr; }

private:
    std::shared_ptr<ProjectionHookImpl> m_hook;
};

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

    torch::Tensor forward(const torch::Tensor &x)
    {
        return hook.apply(x, quantized ? quantizedLinear(x, *quantized, bias) : linearRows(x, weight, bias));
    }

    bool hooked() const noexcept { return static_cast<bool>(hook); }

    // Stores the weight quantized from now on (weightquantization.h): `weight` keeps its
    // place among the parameters but holds nothing.
    void setQuantized(std::shared_ptr<const QuantizedMatrix> matrix)
    {
        torch::NoGradGuard noGrad;
        quantized = std::move(matrix);
        weight.set_data(torch::empty({0}));
    }

    torch::Tensor weight;
    torch::Tensor bias;
    std::shared_ptr<const QuantizedMatrix> quantized; // the weight, when stored quantized
    ProjectionHookSlot hook;
};
TORCH_MODULE(Projection);

} // namespace llmos
