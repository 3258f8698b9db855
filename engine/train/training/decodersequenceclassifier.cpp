#include "training/decodersequenceclassifier.h"

namespace llmos {

DecoderSequenceClassifierImpl::DecoderSequenceClassifierImpl(CausalLm decoder, std::int64_t labelCount)
    : m_decoder(std::move(decoder))
{
    for (const auto &child : m_decoder->named_children())
        if (child.key() != "lm_head")
            register_module(child.key(), child.value());
    score = register_module("score", Projection(m_decoder->config().hiddenSize, labelCount, false));
    torch::NoGradGuard noGrad;
    score->weight.normal_(0.0, 0.02);
}

torch::Tensor DecoderSequenceClassifierImpl::forward(const torch::Tensor &ids, const torch::Tensor &attentionMask,
                                                     std::int64_t virtualTokens)
{
    const auto hidden = m_decoder->hiddenStates(ids, attentionMask);
    // Right padding: the last real token of row b is at (real tokens - 1), behind any
    // virtual tokens a method put in front.
    const auto last = attentionMask.sum(1) - 1 + virtualTokens;
    const auto rows = torch::arange(ids.size(0), torch::TensorOptions(torch::kInt64).device(ids.device()));
    return score->forward(hidden.index({rows, last}));
}

} // namespace llmos
