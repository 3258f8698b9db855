#pragma once

#include "architectures/kvcache.h"
#include "architectures/decodeteam.h"
#include "model/modelconfig.h"

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <utility>

namespace llmos {

// Prefix tuning (Li & Liang 2021): trained keys and values an attention layer puts in
// front of its own. They take no position (no rotary, no position embedding) and every
// query may attend to them; the cache never holds them. The method that owns them
// registers their parameters in the model once, which is why this is no Module.
class AttentionPrefix {
public:
    virtual ~AttentionPrefix() = default;
    virtual std::int64_t tokens() const = 0;
    // Keys and values [batch, keyValueHeads, tokens(), headDim] of decoder layer `layer`.
    virtual std::pair<torch::Tensor, torch::Tensor> keysValues(std::int64_t layer, std::int64_t batch) = 0;
};

// Prompt tuning (Lester et al. 2021): trained embeddings placed in front of the token
// embeddings of every sequence the model starts (a call with nothing cached). They take
// positions 0..tokens()-1 like the first real tokens would, as PEFT does.
class InputPrompt {
public:
    virtual ~InputPrompt() = default;
    virtual std::int64_t tokens() const = 0;
    // [tokens(), hidden].
    virtual torch::Tensor embeddings() = 0;
};

// Activation checkpointing (Chen et al. 2016): how a decoder loop runs each layer while
// training, so that the forward pass need not keep every layer's activations. The
// trainer's implementation (engine/train/training/activationcheckpointing.h) keeps the
// layer's input and recomputes the layer in backward.
class LayerCheckpointing {
public:
    virtual ~LayerCheckpointing() = default;
    using Layer = std::function<torch::Tensor(const torch::Tensor &)>;
    // layer(x), with gradients for x and for whatever the layer trains. `layer` may be
    // called again later (in backward), so it must own what it captures.
    virtual torch::Tensor run(const Layer &layer, const torch::Tensor &x) = 0;
};

// k, v [batch, heads, n, headDim] and the allowed mask of a call (see allowedKeys) with
// layer `layer`'s prefix in front; every query may see the prefix.
void prependPrefix(AttentionPrefix &prefix, std::int64_t layer, torch::Tensor &k, torch::Tensor &v,
                   torch::Tensor &allowed);

// A decoder-only language model: token ids in, next-token logits out. GPT-2 and the
// Llama family derive from it; the loader hands out a CausalLm whatever the family.
// All computation is fp32; call under torch::NoGradGuard after eval() for inference.
class CausalLmImpl : public torch::nn::Module {
public:
    // ids: [batch, seq] int64.
    // attentionMask: optional [batch, past + seq], 1 for real tokens and 0 for padding,
    //   covering the cached tokens too (Hugging Face's convention). With a mask,
    //   positions count real tokens only (cumsum - 1), so left padding works.
    // cache: optional; the call reads the tokens cached so far and appends this call's.
    // Returns logits [batch, seq, vocab] in fp32.
    torch::Tensor forward(const torch::Tensor &ids, const torch::Tensor &attentionMask = {}, KvCache *cache = nullptr)
    {
        return logits(hiddenStates(ids, attentionMask, cache));
    }

    // The final hidden states [batch, seq, hidden], before the LM head. Generation runs
    // the head on the last position only: during prefill the full [seq, vocab] logits
    // would cost more than the rest of the model for a short model with a large vocabulary.
    virtual torch::Tensor hiddenStates(const torch::Tensor &ids, const torch::Tensor &attentionMask = {},
                                       KvCache *cache = nullptr) = 0;

    // hidden [..., hidden] -> logits [..., vocab], as float32. One fp32 CPU row without
    // autograd (a decode step) runs on the model's thread team.
    torch::Tensor logits(const torch::Tensor &hidden);

    // The LM head's weight [vocab, hidden] (the token embeddings when tied).
    virtual const torch::Tensor &outputEmbedding() const = 0;

    const ModelConfig &config() const noexcept { return m_config; }
    // For fine-tuning methods that change what the config describes (BitFit adding
    // biases sets attention_bias / mlp_bias): the config reported and saved from now on.
    void updateConfig(ModelConfig config) { m_config = std::move(config); }

    // Lets inference run projections that read the same input (q/k/v, gate/up) as one
    // matrix product; parameters keep their names and stay trainable (fusedprojection.h).
    // Call after loading weights and again after moving the model to another device or
    // dtype; until then the model runs unfused, with the same results.
    virtual void fuseProjections() {}

    // Whether a decode step (one token, batch 1, a cache, no mask) would now run through
    // hand-written row kernels rather than tensor ops (see llamamodel.h); for tests and
    // diagnostics.
    virtual bool rowDecodeReady() const { return false; }

    // Weight-only quantization (weightquantization.h): the scheme the model's linear
    // weights are stored in, or nullopt for fp32; and the LM head, when it is stored
    // quantized (outputEmbedding() then holds nothing).
    const std::optional<WeightQuantization> &quantization() const noexcept { return m_config.quantization; }
    const QuantizedMatrix *quantizedHead() const noexcept { return m_quantizedHead.get(); }
    void setQuantizedHead(std::shared_ptr<const QuantizedMatrix> head) { m_quantizedHead = std::move(head); }

    // A cache sized for this model.
    KvCache makeCache() const { return KvCache(m_config.numLayers); }

    // Prefix tuning: every attention layer prepends `prefix`'s keys and values (nullptr
    // removes it). The default throws Error(Unsupported) for families without it.
    virtual void setAttentionPrefix(std::shared_ptr<AttentionPrefix> prefix);

    // Prompt tuning: `prompt`'s embeddings go in front of every sequence (nullptr removes
    // it). A call that starts a sequence then returns prompt->tokens() more positions, in
    // front of the input's; an attention mask still covers the real tokens only (cached
    // and new), the virtual ones are always attended.
    void setInputPrompt(std::shared_ptr<InputPrompt> prompt) { m_prompt = std::move(prompt); }

    // Dropout while training (0 switches it off, the default): at the embeddings, on the
    // attention probabilities and on each residual branch (attention and MLP outputs),
    // where Hugging Face's models put embd_pdrop, attn_pdrop and resid_pdrop. Only in
    // train() mode; inference never drops. The default throws Error(Unsupported).
    virtual void setDropout(double probability);
    std::int64_t promptTokens() const { return m_prompt ? m_prompt->tokens() : 0; }

    // Activation checkpointing for the decoder layers (nullptr: off, the default). It is
    // used only in train() mode with autograd on and no cache, so evaluation, generation
    // and the KV-cache path run as before.
    void setLayerCheckpointing(std::shared_ptr<LayerCheckpointing> checkpointing)
    {
        m_checkpointing = std::move(checkpointing);
    }

protected:
    explicit CausalLmImpl(ModelConfig config)
        : m_config(std::move(config))
    {
    }

    // Checks ids, mask and cache against the model and returns the number of cached tokens.
    std::int64_t checkInputs(const torch::Tensor &ids, const torch::Tensor &attentionMask, const KvCache *cache) const;

    // One call's input once the prompt (if any) is in front: `prompt` [batch, tokens,
    // hidden] when this call starts a sequence and a prompt is set (else undefined), the
    // mask widened over the virtual tokens, and the number of positions the call runs.
    struct PromptedInput {
        torch::Tensor prompt;
        torch::Tensor attentionMask;
        std::int64_t seq = 0;
    };
    PromptedInput promptInput(const torch::Tensor &ids, const torch::Tensor &attentionMask, std::int64_t past);

    // The threads of this model's batch-1 decode steps; they start at the first step that
    // can use more than one.
    DecodeTeam &decodeTeam() noexcept { return m_decodeTeam; }

    // The checkpointing a call with `cache` should use, or nullptr (see setLayerCheckpointing).
    LayerCheckpointing *layerCheckpointing(const KvCache *cache) const
    {
        return m_checkpointing && !cache && is_training() && torch::GradMode::is_enabled() ? m_checkpointing.get()
                                                                                          : nullptr;
    }

private:
    ModelConfig m_config;
    DecodeTeam m_decodeTeam;
    std::shared_ptr<const QuantizedMatrix> m_quantizedHead;
    std::shared_ptr<InputPrompt> m_prompt;
    std::shared_ptr<LayerCheckpointing> m_checkpointing;
};
TORCH_MODULE(CausalLm);

// The smallest and largest of a non-empty int64 tensor of token ids.
std::pair<std::int64_t, std::int64_t> idRange(const torch::Tensor &ids);

// Position of each new token, [batch, seq] int64 on `device`: past..past+seq-1, or, with
// a mask, the number of real tokens before it (padding gets 0).
torch::Tensor positionIds(std::int64_t batch, std::int64_t seq, std::int64_t past, const torch::Tensor &attentionMask,
                          torch::Device device = torch::kCPU);

// Which keys each query may attend to, bool [batch or 1, 1, seq, past + seq] on `device`:
// itself and earlier tokens, minus padding. Undefined when every key is allowed (one new
// token and no padding: the usual decode step), so attention skips the mask.
// With a sliding `window` (Mistral), a query also sees only the `window` most recent
// keys, itself included.
torch::Tensor allowedKeys(std::int64_t seq, std::int64_t past, const torch::Tensor &attentionMask,
                          torch::Device device = torch::kCPU, std::int64_t window = 0);

// x with dropout `probability` applied when `training` (and the probability is above 0).
inline torch::Tensor dropoutWhileTraining(const torch::Tensor &x, double probability, bool training)
{
    return training && probability > 0 ? torch::dropout(x, probability, true) : x;
}

// Softmax attention of q [b, h, s, d] over k, v [b, h, past + s, d] where `allowed`
// (everywhere when it is undefined), with `dropout` on the probabilities (callers pass 0
// outside training);
// returns [b, s, h * d]. Disallowed scores get the lowest float rather than -inf, so a
// query that may see nothing (padding before the first token) gives finite garbage,
// not NaN.
torch::Tensor scaledDotProductAttention(const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v,
                                        const torch::Tensor &allowed, double dropout = 0);

// Natural-log probability of each next token: logits [batch, seq, vocab] and ids
// [batch, seq] -> [batch, seq - 1] where out[b][i] = log p(ids[b][i + 1] | ids[b][0..i]).
torch::Tensor nextTokenLogprobs(const torch::Tensor &logits, const torch::Tensor &ids);

// log p(target) under each position's logits: logits [..., vocab], targets [...] int64.
torch::Tensor targetLogprobs(const torch::Tensor &logits, const torch::Tensor &targets);

} // namespace llmos
