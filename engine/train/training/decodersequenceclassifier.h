#pragma once

#include "architectures/causallm.h"
#include "architectures/projection.h"
#include "training/sequenceclassifier.h"

namespace llmos {

// transformers' GPT2ForSequenceClassification / LlamaForSequenceClassification: the
// decoder's hidden state at the last real (non-padding) token through score [labels,
// hidden], no bias. The decoder's own modules are registered under their own names
// ("transformer", "model"), so parameter names match transformers'; its LM head is left
// out, as the classifier does not use it.
class DecoderSequenceClassifierImpl : public SequenceClassifierImpl {
public:
    DecoderSequenceClassifierImpl(CausalLm decoder, std::int64_t labelCount);

    torch::Tensor forward(const torch::Tensor &ids, const torch::Tensor &attentionMask,
                          std::int64_t virtualTokens) override;
    std::string headPrefix() const override { return "score."; }

private:
    CausalLm m_decoder;
    Projection score{nullptr};
};

} // namespace llmos
