#pragma once

#include "architectures/bertmodel.h"
#include "architectures/projection.h"
#include "training/sequenceclassifier.h"

namespace llmos {

// transformers' BertForSequenceClassification: "bert" (with its pooler) and
// "classifier" [labels, hidden] + bias on the pooled [CLS] state.
class BertSequenceClassifierImpl : public SequenceClassifierImpl {
public:
    // Error(Unsupported) when the encoder has no pooler (sentence-embedding checkpoints).
    BertSequenceClassifierImpl(BertModel encoder, std::int64_t labelCount);

    torch::Tensor forward(const torch::Tensor &ids, const torch::Tensor &attentionMask,
                          std::int64_t virtualTokens) override;
    std::string headPrefix() const override { return "classifier."; }

    double dropout = 0; // on the pooled state before the head, training only

private:
    BertModel bert{nullptr};
    Projection classifier{nullptr};
};

} // namespace llmos
