#pragma once

#include "architectures/causallm.h"
#include "architectures/fusedprojection.h"
#include "architectures/decodeteam.h"
#include "architectures/projection.h"
#include "architectures/rmsnorm.h"
#include "architectures/rotaryembedding.h"
#include "architectures/tokenembedding.h"

#include <torch/torch.h>

#include <optional>
#include <vector>


namespace llmos {

// The Llama family (Llama 1-3, Mistral, Qwen2), laid out like transformers'
// LlamaForCausalLM so that parameter names are the checkpoint's tensor names:
// model.{embed_tokens, layers.N.*, norm} and, unless tied, lm_head.weight. The classes
// are the parts of one architecture and share a file.

// Batch-1 decoding on the CPU takes a second path through the layers ("row" methods):
// one token's activations go through hand-written loops (rowkernels.h) and fused
// matrix-vector products on the model's thread team (decodeteam.h), with no per-op
// tensor dispatch and no OpenMP. The tensor path serves
// everything else (prefill, batches, masks, GPUs, training) and is the reference the row
// path is tested against.

// Grouped-query attention with rotary embeddings; q/k/v biases when the config asks
// (Qwen2). Query head j reads key/value head j / (heads / keyValueHeads).
class LlamaAttentionImpl : public torch::nn::Module {
public:
    explicit LlamaAttentionImpl(const ModelConfig &config);
    torch::Tensor forward(const torch::Tensor &x, const torch::Tensor &cos, const torch::Tensor &sin,
                          const torch::Tensor &allowed, KvCache *cache, std::int64_t layer);
    // residual + o_proj(attention(normed)) for one token of each of rows.count sequences.
    torch::Tensor forwardRows(const torch::Tensor &normed, const torch::Tensor &residual,
                              const rowkernels::DecodeRows &rows, KvCache &cache, std::int64_t layer, DecodeTeam &team);

    void fuseProjections() { m_qkv.fuse({q_proj, k_proj, v_proj}); }
    // The row path reads o_proj's weight directly and knows no prefix.
    bool rowReady() const { return m_qkv.usable() && !o_proj->hooked() && !prefix; }

    std::shared_ptr<AttentionPrefix> prefix; // prefix tuning's keys and values, when set
    double dropout = 0;                      // on the attention probabilities, training only

private:
    std::int64_t m_heads;
    std::int64_t m_keyValueHeads;
    std::int64_t m_headDim;
    Projection q_proj{nullptr};
    Projection k_proj{nullptr};
    Projection v_proj{nullptr};
    Projection o_proj{nullptr};
    FusedProjection m_qkv;
};
TORCH_MODULE(LlamaAttention);

// SwiGLU feed-forward: down(silu(gate(x)) * up(x)).
class LlamaMlpImpl : public torch::nn::Module {
public:
    explicit LlamaMlpImpl(const ModelConfig &config);
    torch::Tensor forward(const torch::Tensor &x);
    // residual + forward(normed) for one token of each of `count` sequences.
    torch::Tensor forwardRows(const torch::Tensor &normed, const torch::Tensor &residual, std::int64_t count,
                              DecodeTeam &team);

    void fuseProjections() { m_gateUp.fuse({gate_proj, up_proj}); }
    bool rowReady() const { return m_gateUp.usable() && !down_proj->hooked(); }

private:
    Projection gate_proj{nullptr};
    Projection up_proj{nullptr};
    Projection down_proj{nullptr};
    FusedProjection m_gateUp;
};
TORCH_MODULE(LlamaMlp);

class LlamaDecoderLayerImpl : public torch::nn::Module {
public:
    explicit LlamaDecoderLayerImpl(const ModelConfig &config);
    torch::Tensor forward(const torch::Tensor &x, const torch::Tensor &cos, const torch::Tensor &sin,
                          const torch::Tensor &allowed, KvCache *cache, std::int64_t layer);
    torch::Tensor forwardRows(const torch::Tensor &x, const rowkernels::DecodeRows &rows, KvCache &cache,
                              std::int64_t layer, DecodeTeam &team);

    void fuseProjections()
    {
        self_attn->fuseProjections();
        mlp->fuseProjections();
    }
    bool rowReady() const { return self_attn->rowReady() && mlp->rowReady(); }
    void setAttentionPrefix(std::shared_ptr<AttentionPrefix> prefix) { self_attn->prefix = std::move(prefix); }
    void setDropout(double probability)
    {
        self_attn->dropout = probability;
        m_dropout = probability;
    }

private:
    double m_dropout = 0; // on both residual branches, training only
    RmsNorm input_layernorm{nullptr};
    LlamaAttention self_attn{nullptr};
    RmsNorm post_attention_layernorm{nullptr};
    LlamaMlp mlp{nullptr};
};
TORCH_MODULE(LlamaDecoderLayer);

// transformers' LlamaModel: embeddings, decoder layers, final norm; returns hidden states.
class LlamaModelImpl : public torch::nn::Module {
public:
    explicit LlamaModelImpl(const ModelConfig &config);
    // `team` runs the parallel parts of the row path. `prompt`: prompt tuning's embeddings
    // [batch, tokens, hidden] to put in front, or undefined.
    // `checkpointing`: runs each layer while training (causallm.h), or nullptr.
    torch::Tensor forward(const torch::Tensor &ids, const torch::Tensor &positions, const torch::Tensor &allowed,
                          KvCache *cache, DecodeTeam &team, const torch::Tensor &prompt = {},
                          LayerCheckpointing *checkpointing = nullptr);
    void setAttentionPrefix(const std::shared_ptr<AttentionPrefix> &prefix);
    void setDropout(double probability);

    void fuseProjections();
    // fp32 on the CPU, autograd off, and every layer's fused projections intact: a call
    // with one token per sequence (up to kMostRowPathSequences of them), a cache and at
    // most left padding in the mask then takes the row path.
    bool rowReady() const;
    static constexpr std::int64_t kMostRowPathSequences = 16;

    TokenEmbedding embed_tokens{nullptr};

private:
    // Each row's masked slots in front when `allowed` ([rows, 1, 1, keys], or undefined:
    // none) is left padding only and there are few enough rows; nullopt sends the call
    // down the tensor path.
    static std::optional<std::vector<std::int64_t>> rowPathPadding(const torch::Tensor &allowed, std::int64_t rows);

    double m_dropout = 0; // on the embeddings, training only
    RotaryEmbedding m_rotary;
    std::vector<LlamaDecoderLayer> m_layers;
    RmsNorm norm{nullptr};
};
TORCH_MODULE(LlamaModel);

class LlamaForCausalLmImpl : public CausalLmImpl {
public:
    // Throws Error(Unsupported) for hidden_act other than silu and for rope scaling
    // types other than linear and llama3.
    explicit LlamaForCausalLmImpl(const ModelConfig &config);
    torch::Tensor hiddenStates(const torch::Tensor &ids, const torch::Tensor &attentionMask = {},
                               KvCache *cache = nullptr) override;
    const torch::Tensor &outputEmbedding() const override { return lm_head ? lm_head->weight : model->embed_tokens->weight; }
    void fuseProjections() override { model->fuseProjections(); }
    bool rowDecodeReady() const override { return model->rowReady(); }
    void setAttentionPrefix(std::shared_ptr<AttentionPrefix> prefix) override { model->setAttentionPrefix(prefix); }
    void setDropout(double probability) override { model->setDropout(probability); }

private:
    LlamaModel model{nullptr};
    TokenEmbedding lm_head{nullptr}; // [vocab, hidden]; absent when tied to embed_tokens
};
TORCH_MODULE(LlamaForCausalLm);

} // namespace llmos
