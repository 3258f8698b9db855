#pragma once

#include "model/modelconfig.h"

#include <torch/torch.h>

#include <utility>

namespace llmos {

// Rotary position embeddings (Su et al. 2021) in the rotate-half layout Hugging Face's
// Llama, Mistral and Qwen2 use: dimension i pairs with i + headDim/2. rope_theta sets the
// base; rope_scaling "linear" divides every frequency by the factor, "llama3" divides
// only the low frequencies and blends the middle band (Llama 3.1).
class RotaryEmbedding {
public:
    // Throws Error(Unsupported) for rope_scaling types other than linear and llama3.
    explicit RotaryEmbedding(const ModelConfig &config);

    // Inverse frequencies [headDim / 2], fp32.
    const torch::Tensor &inverseFrequencies() const noexcept { return m_inverseFrequencies; }

    // cos and sin [batch, 1, seq, headDim] for positions [batch, seq].
    std::pair<torch::Tensor, torch::Tensor> cosSin(const torch::Tensor &positions) const;

    // cos and sin of one position's angles, headDim values each, into the caller's buffers:
    // what cosSin gives for that position, without the half-dozen tensor ops (a batch-1
    // decode step on the CPU spent as long on those as on a layer's output projection).
    void cosSinRow(std::int64_t position, float *cos, float *sin) const;

    // x [batch, heads, seq, headDim] rotated by its positions' angles.
    static torch::Tensor apply(const torch::Tensor &x, const torch::Tensor &cos, const torch::Tensor &sin);

private:
    torch::Tensor m_inverseFrequencies;
};

} // namespace llmos
