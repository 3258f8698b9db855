#include "training/bertsequenceclassifier.h"

#include "architectures/causallm.h"
#include "util/error.h"

namespace llmos {

BertSequenceClassifierImpl::BertSequenceClassifierImpl(BertModel encoder, std::int64_t labelCount)
{
    if (!encoder->hasPooler())
        throw Error(ErrorKind::Unsupported, "model: pooler.dense",
                    "this BERT checkpoint has no pooler, which its classifier reads; use a BERT model with "
                    "pooler.dense weights (pre-training checkpoints have one)");
    bert = register_module("bert", std::move(encoder));
    classifier = register_module("classifier", Projection(bert->config().hiddenSize, labelCount, true));
    torch::NoGradGuard noGrad;
    classifier->weight.normal_(0.0, 0.02);
    classifier->bias.zero_();
}

torch::Tensor BertSequenceClassifierImpl::forward(const torch::Tensor &ids, const torch::Tensor &attentionMask,
                                                  std::int64_t virtualTokens)
{
    (void)virtualTokens; // prompt methods put their tokens inside the encoder's input
    const auto pooled = bert->pooled(bert->forward(ids, attentionMask));
    return classifier->forward(dropoutWhileTraining(pooled, dropout, is_training()));
}

} // namespace llmos
