#pragma once

#include "architectures/causallm.h"
#include "architectures/projection.h"
#include "architectures/tokenembedding.h"

#include <torch/torch.h>

#include <vector>

namespace llmos {

// GPT-2 (Radford et al. 2019), laid out like transformers' GPT2LMHeadModel so that every
// parameter's name is the checkpoint's tensor name: transformer.{wte,wpe,h.N.*,ln_f}
// and, when the head is not tied, lm_head.weight. The classes here are the parts of one
// architecture and only make sense together, so they share a file.

// OpenAI's "Conv1D": a linear layer whose weight is stored [in, out] (the transpose of
// torch::nn::Linear), y = x W + b. Keeping the checkpoint's layout means loading is a
// plain copy and the shape check cannot be fooled by a square matrix.
class Gpt2Conv1dImpl : public torch::nn::Module {
public:
    Gpt2Conv1dImpl(std::int64_t in, std::int64_t out);
    torch::Tensor forward(const torch::Tensor &x);
    bool hooked() const noexcept { return static_cast<bool>(hook); }

    torch::Tensor weight; // [in, out]
    torch::Tensor bias;   // [out]
    ProjectionHookSlot hook; // a fine-tuning method's (projection.h)
};
TORCH_MODULE(Gpt2Conv1d);

// Multi-head causal self-attention with the fused q/k/v projection c_attn.
class Gpt2AttentionImpl : public torch::nn::Module {
public:
    explicit Gpt2AttentionImpl(const ModelConfig &config);
    torch::Tensor forward(const torch::Tensor &x, const torch::Tensor &allowed, KvCache *cache, std::int64_t layer);

    std::shared_ptr<AttentionPrefix> prefix; // prefix tuning's keys and values, when set
    double dropout = 0;                      // on the attention probabilities, training only

private:
    std::int64_t m_heads;
    std::int64_t m_headDim;
    Gpt2Conv1d c_attn{nullptr};
    Gpt2Conv1d c_proj{nullptr};
};
TORCH_MODULE(Gpt2Attention);

class Gpt2MlpImpl : public torch::nn::Module {
public:
    explicit Gpt2MlpImpl(const ModelConfig &config);
    torch::Tensor forward(const torch::Tensor &x);

private:
    std::string m_activation;
    Gpt2Conv1d c_fc{nullptr};
    Gpt2Conv1d c_proj{nullptr};
};
TORCH_MODULE(Gpt2Mlp);

// Pre-norm block: x + attn(ln_1(x)), then x + mlp(ln_2(x)).
class Gpt2BlockImpl : public torch::nn::Module {
public:
    explicit Gpt2BlockImpl(const ModelConfig &config);
    torch::Tensor forward(const torch::Tensor &x, const torch::Tensor &allowed, KvCache *cache, std::int64_t layer);
    void setAttentionPrefix(std::shared_ptr<AttentionPrefix> prefix) { attn->prefix = std::move(prefix); }
    void setDropout(double probability)
    {
        attn->dropout = probability;
        m_dropout = probability;
    }

private:
    double m_dropout = 0; // on both residual branches, training only
    torch::nn::LayerNorm ln_1{nullptr};
    Gpt2Attention attn{nullptr};
    torch::nn::LayerNorm ln_2{nullptr};
    Gpt2Mlp mlp{nullptr};
};
TORCH_MODULE(Gpt2Block);

// transformers' GPT2Model: embeddings, blocks, final norm; returns hidden states.
class Gpt2ModelImpl : public torch::nn::Module {
public:
    explicit Gpt2ModelImpl(const ModelConfig &config);
    // `prompt`: prompt tuning's embeddings [batch, tokens, hidden] to put in front, or undefined.
    // `checkpointing`: runs each block while training (causallm.h), or nullptr.
    torch::Tensor forward(const torch::Tensor &ids, const torch::Tensor &positions, const torch::Tensor &allowed,
                          KvCache *cache, const torch::Tensor &prompt = {},
                          LayerCheckpointing *checkpointing = nullptr);
    void setAttentionPrefix(const std::shared_ptr<AttentionPrefix> &prefix);
    void setDropout(double probability);

    TokenEmbedding wte{nullptr};
    TokenEmbedding wpe{nullptr};

private:
    double m_dropout = 0; // on the embeddings, training only
    std::vector<Gpt2Block> m_blocks;
    torch::nn::LayerNorm ln_f{nullptr};
};
TORCH_MODULE(Gpt2Model);

class Gpt2LmHeadModelImpl : public CausalLmImpl {
public:
    // Throws Error(Unsupported) for an activation_function other than gelu_new,
    // gelu_pytorch_tanh, gelu_fast, gelu or relu.
    explicit Gpt2LmHeadModelImpl(const ModelConfig &config);
    torch::Tensor hiddenStates(const torch::Tensor &ids, const torch::Tensor &attentionMask = {},
                               KvCache *cache = nullptr) override;
    const torch::Tensor &outputEmbedding() const override { return lm_head ? lm_head->weight : transformer->wte->weight; }
    void setAttentionPrefix(std::shared_ptr<AttentionPrefix> prefix) override { transformer->setAttentionPrefix(prefix); }
    void setDropout(double probability) override { transformer->setDropout(probability); }

private:
    Gpt2Model transformer{nullptr};
    TokenEmbedding lm_head{nullptr}; // [vocab, hidden]; absent when tied to transformer.wte
};
TORCH_MODULE(Gpt2LmHeadModel);

} // namespace llmos
