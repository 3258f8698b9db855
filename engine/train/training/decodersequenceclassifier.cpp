#include "training/decodersequenceclassifier.h"

#include "architectures/decoderclassifier.h"

namespace llmos {

DecoderSequenceClassifierImpl::DecoderSequenceClassifierImpl(CausalLm decoder, std::int64_t labelCount)
    : m_decoder(std::move(decoder))
{
    registerDecoderBody(*this, m_decoder);
    score = register_module("score", Projection(m_decoder->config().hiddenSize, labelCount, false));
    torch::NoGradGuard noGrad;
    score->weight.normal_(0.0, 0.02);
}

torch::Tensor DecoderSequenceClassifierImpl::forward(const torch::Tensor &ids, const torch::Tensor &attentionMask,
                                                     std::int64_t virtualTokens)
{
    return score->forward(lastTokenStates(m_decoder->hiddenStates(ids, attentionMask), attentionMask, virtualTokens));
}

} // namespace llmos
