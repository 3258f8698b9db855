#pragma once

#include "architectures/kvcache.h"
#include "architectures/decodeteam.h"
#include "model/modelconfig.h"

#include <torch/torch.h>

#include <cstdint>
#include <utility>

namespace llmos {

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

    // Lets inference run projections that read the same input (q/k/v, gate/up) as one
    // matrix product; parameters keep their names and stay trainable (fusedprojection.h).
    // Call after loading weights and again after moving the model to another device or
    // dtype; until then the model runs unfused, with the same results.
    virtual void fuseProjections() {}

    // Whether a decode step (one token, batch 1, a cache, no mask) would now run through
    // hand-written row kernels rather than tensor ops (see llamamodel.h); for tests and
    // diagnostics.
    virtual bool rowDecodeReady() const { return false; }

    // A cache sized for this model.
    KvCache makeCache() const { return KvCache(m_config.numLayers); }

protected:
    explicit CausalLmImpl(ModelConfig config)
        : m_config(std::move(config))
    {
    }

    // Checks ids, mask and cache against the model and returns the number of cached tokens.
    std::int64_t checkInputs(const torch::Tensor &ids, const torch::Tensor &attentionMask, const KvCache *cache) const;

    // The threads of this model's batch-1 decode steps; they start at the first step that
    // can use more than one.
    DecodeTeam &decodeTeam() noexcept { return m_decodeTeam; }

private:
    ModelConfig m_config;
    DecodeTeam m_decodeTeam;
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

// Softmax attention of q [b, h, s, d] over k, v [b, h, past + s, d] where `allowed`
// (everywhere when it is undefined);
// returns [b, s, h * d]. Disallowed scores get the lowest float rather than -inf, so a
// query that may see nothing (padding before the first token) gives finite garbage,
// not NaN.
torch::Tensor scaledDotProductAttention(const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v,
                                        const torch::Tensor &allowed);

// Natural-log probability of each next token: logits [batch, seq, vocab] and ids
// [batch, seq] -> [batch, seq - 1] where out[b][i] = log p(ids[b][i + 1] | ids[b][0..i]).
torch::Tensor nextTokenLogprobs(const torch::Tensor &logits, const torch::Tensor &ids);

// log p(target) under each position's logits: logits [..., vocab], targets [...] int64.
torch::Tensor targetLogprobs(const torch::Tensor &logits, const torch::Tensor &targets);

} // namespace llmos
