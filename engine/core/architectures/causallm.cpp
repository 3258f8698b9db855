#include "architectures/causallm.h"

#include "architectures/projection.h"
#include "util/error.h"
#include "util/shapetext.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace llmos {

std::pair<std::int64_t, std::int64_t> idRange(const torch::Tensor &ids)
{
    if (ids.device().is_cpu() && ids.is_contiguous()) {
        // A plain scan: two reductions and two item() calls cost more than a decode
        // step's own work at batch 1.
        const auto *data = ids.data_ptr<std::int64_t>();
        const auto [lowest, highest] = std::minmax_element(data, data + ids.numel());
        return {*lowest, *highest};
    }
    const auto range = torch::stack({ids.min(), ids.max()}).to(torch::kCPU); // one device sync, not two
    return {range[0].item<std::int64_t>(), range[1].item<std::int64_t>()};
}

std::int64_t CausalLmImpl::checkInputs(const torch::Tensor &ids, const torch::Tensor &attentionMask,
                                       const KvCache *cache) const
{
    const char *where = "causal LM forward";
    if (!ids.defined() || ids.dim() != 2 || ids.scalar_type() != torch::kLong)
        throw Error(ErrorKind::InvalidInput, where, "token ids must be an int64 tensor [batch, seq]");
    if (ids.size(0) == 0 || ids.size(1) == 0)
        throw Error(ErrorKind::InvalidInput, where, "no tokens to run");
    const auto [lowest, highest] = idRange(ids);
    if (lowest < 0 || highest >= m_config.vocabSize)
        throw Error(ErrorKind::InvalidInput, where,
                    "token id " + std::to_string(lowest < 0 ? lowest : highest) + " is outside the vocabulary of "
                        + std::to_string(m_config.vocabSize));
    std::int64_t past = 0;
    if (cache) {
        if (cache->layers() != m_config.numLayers)
            throw Error(ErrorKind::InvalidInput, where,
                        "the cache has " + std::to_string(cache->layers()) + " layers, the model "
                            + std::to_string(m_config.numLayers));
        past = cache->length();
    }
    if (attentionMask.defined()) {
        // A prompt's virtual tokens sit in the cache but not in the caller's mask.
        const auto virtualCached = past > 0 ? std::min(past, promptTokens()) : 0;
        const std::vector<std::int64_t> expected{ids.size(0), past - virtualCached + ids.size(1)};
        if (attentionMask.sizes() != torch::IntArrayRef(expected))
            throw Error(ErrorKind::InvalidInput, where,
                        "attention mask has shape " + shapeText(attentionMask.sizes().vec()) + ", expected "
                            + shapeText(expected) + " (batch, cached + new tokens)");
    }
    return past;
}

void CausalLmImpl::setAttentionPrefix(std::shared_ptr<AttentionPrefix> prefix)
{
    if (prefix)
        throw Error(ErrorKind::Unsupported, m_config.modelType,
                    "prefix tuning is not available for this model family; use LoRA or prompt tuning");
}

void CausalLmImpl::setDropout(double probability)
{
    if (probability > 0)
        throw Error(ErrorKind::Unsupported, m_config.modelType, "dropout is not available for this model family");
}

CausalLmImpl::PromptedInput CausalLmImpl::promptInput(const torch::Tensor &ids, const torch::Tensor &attentionMask,
                                                      std::int64_t past)
{
    PromptedInput input{{}, attentionMask, ids.size(1)};
    if (!m_prompt)
        return input;
    const auto tokens = m_prompt->tokens();
    const auto batch = ids.size(0);
    if (past == 0) {
        const auto embeddings = m_prompt->embeddings();
        input.prompt = embeddings.unsqueeze(0).expand({batch, tokens, embeddings.size(-1)});
        input.seq += tokens;
    }
    if (attentionMask.defined()) {
        const auto ones = torch::ones({batch, tokens}, attentionMask.options());
        input.attentionMask = torch::cat({ones, attentionMask}, 1);
    }
    return input;
}

void prependPrefix(AttentionPrefix &prefix, std::int64_t layer, torch::Tensor &k, torch::Tensor &v,
                   torch::Tensor &allowed)
{
    const auto batch = k.size(0);
    auto [keys, values] = prefix.keysValues(layer, batch);
    k = torch::cat({keys.to(k.dtype()), k}, 2);
    v = torch::cat({values.to(v.dtype()), v}, 2);
    if (allowed.defined()) {
        auto sizes = allowed.sizes().vec(); // [batch or 1, 1, seq, keys]
        sizes.back() = keys.size(2);
        allowed = torch::cat({torch::ones(sizes, allowed.options()), allowed}, -1);
    }
}

namespace {
constexpr std::int64_t kMostDecodeTeamRows = 16;
} // namespace

torch::Tensor CausalLmImpl::logits(const torch::Tensor &hidden)
{
    const auto &head = outputEmbedding();
    // A decode step's few rows (one per sequence) through the decode team: the head is the
    // largest matrix of a small model, and BLAS's threading costs more than it saves here.
    const auto rows = hidden.numel() / std::max<std::int64_t>(hidden.size(-1), 1);
    if (m_quantizedHead) {
        if (rows >= 1 && rows <= kMostDecodeTeamRows && !torch::GradMode::is_enabled() && hidden.is_contiguous()
            && hidden.device().is_cpu() && hidden.scalar_type() == torch::kFloat) {
            auto sizes = hidden.sizes().vec();
            sizes.back() = m_quantizedHead->rows();
            return m_decodeTeam.multiplyRows(*m_quantizedHead, hidden.view({rows, -1})).view(sizes);
        }
        return quantizedLinear(hidden, *m_quantizedHead, {}).to(torch::kFloat);
    }
    if (rows >= 1 && rows <= kMostDecodeTeamRows && !torch::GradMode::is_enabled() && hidden.is_contiguous()
        && DecodeTeam::handles(head, hidden.view({rows, -1})[0])) {
        auto sizes = hidden.sizes().vec();
        sizes.back() = head.size(0);
        return m_decodeTeam.multiplyRows(head, hidden.view({rows, -1})).view(sizes);
    }
    return linearRows(hidden, head).to(torch::kFloat);
}

torch::Tensor positionIds(std::int64_t batch, std::int64_t seq, std::int64_t past, const torch::Tensor &attentionMask,
                          torch::Device device)
{
    if (!attentionMask.defined())
        return torch::arange(past, past + seq, torch::TensorOptions(torch::kLong).device(device))
            .unsqueeze(0)
            .expand({batch, seq});
    const auto counted = attentionMask.to(device, torch::kLong).cumsum(1) - 1;
    return counted.clamp_min(0).narrow(1, past, seq);
}

torch::Tensor allowedKeys(std::int64_t seq, std::int64_t past, const torch::Tensor &attentionMask,
                          torch::Device device, std::int64_t window)
{
    const bool windowed = window > 0 && past + seq > window;
    if (seq == 1 && !attentionMask.defined() && !windowed)
        return {};
    const auto options = torch::TensorOptions(torch::kLong).device(device);
    const auto queries = torch::arange(past, past + seq, options).unsqueeze(1);
    const auto keys = torch::arange(past + seq, options).unsqueeze(0);
    auto causal = keys <= queries;
    // Indices, not positions: with left padding only, the distance between two real
    // tokens is the same either way.
    if (windowed)
        causal = causal.logical_and(queries - keys < window);
    auto allowed = causal.view({1, 1, seq, past + seq});
    if (attentionMask.defined())
        allowed = allowed.logical_and(
            attentionMask.to(device, torch::kBool).view({attentionMask.size(0), 1, 1, past + seq}));
    return allowed;
}

torch::Tensor scaledDotProductAttention(const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v,
                                        const torch::Tensor &allowed, double dropout)
{
    const double scale = 1.0 / std::sqrt(static_cast<double>(q.size(-1)));
    // Masking and softmax in fp32 whatever q and k are (bf16 weights on a GPU, bf16 autocast
    // in training): the lowest float is no finite bf16, and an all-masked row must stay
    // finite. The probabilities go back to v's dtype for the product.
    auto scores = torch::matmul(q, k.transpose(-2, -1)).to(torch::kFloat) * scale;
    if (allowed.defined())
        scores = scores.masked_fill(allowed.logical_not(), std::numeric_limits<float>::lowest());
    const auto probabilities =
        dropoutWhileTraining(torch::softmax(scores, -1), dropout, dropout > 0).to(v.scalar_type());
    const auto out = torch::matmul(probabilities, v); // [b, h, s, d]
    return out.transpose(1, 2).reshape({q.size(0), q.size(2), q.size(1) * q.size(3)});
}

torch::Tensor targetLogprobs(const torch::Tensor &logits, const torch::Tensor &targets)
{
    // logit[target] - logsumexp(logits): no [seq, vocab] log-softmax copy.
    return logits.gather(-1, targets.unsqueeze(-1)).squeeze(-1) - logits.logsumexp(-1);
}

torch::Tensor nextTokenLogprobs(const torch::Tensor &logits, const torch::Tensor &ids)
{
    const auto seq = ids.size(1);
    return targetLogprobs(logits.narrow(1, 0, seq - 1), ids.narrow(1, 1, seq - 1));
}

} // namespace llmos
