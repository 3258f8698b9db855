#pragma once

#include "architectures/projection.h"
#include "architectures/tokenembedding.h"
#include "model/modelconfig.h"

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace llmos {

// BERT (Devlin et al. 2019), laid out like transformers' BertModel and
// BertForSequenceClassification so that every parameter's name is the checkpoint's
// tensor name: embeddings.*, encoder.layer.N.{attention.self.{query,key,value},
// attention.output.{dense,LayerNorm}, intermediate.dense, output.{dense,LayerNorm}},
// pooler.dense, and bert.* + classifier.* for the classifier. Post-norm blocks,
// bidirectional attention; absolute learned positions only. The classes are the parts of
// one architecture and only make sense together, so they share a file. All computation is
// fp32; call under torch::NoGradGuard after eval() for inference.

// hidden_act: "gelu" is the exact (erf) GELU; "gelu_new" and "gelu_pytorch_tanh" the tanh
// approximation. Anything else throws Error(Unsupported, "config.json: hidden_act").
enum class BertActivation { Gelu, GeluTanh };
BertActivation bertActivation(const std::string &hiddenAct);

// Word + position + token-type embeddings, then LayerNorm.
class BertEmbeddingsImpl : public torch::nn::Module {
public:
    explicit BertEmbeddingsImpl(const ModelConfig &config);
    // ids, tokenTypeIds: [batch, seq]; positions are 0..seq-1 (right padding keeps the
    // real tokens' positions).
    torch::Tensor forward(const torch::Tensor &ids, const torch::Tensor &tokenTypeIds);

    TokenEmbedding word_embeddings{nullptr};
    TokenEmbedding position_embeddings{nullptr};
    TokenEmbedding token_type_embeddings{nullptr};
    torch::nn::LayerNorm LayerNorm{nullptr};
    double dropout = 0; // on the output, training only (hidden_dropout_prob's place)
};
TORCH_MODULE(BertEmbeddings);

// Multi-head attention of every token over every real (unmasked) token.
class BertSelfAttentionImpl : public torch::nn::Module {
public:
    explicit BertSelfAttentionImpl(const ModelConfig &config);
    // allowed: bool [batch, 1, 1, seq], false for padding keys. Returns [batch, seq, hidden].
    torch::Tensor forward(const torch::Tensor &x, const torch::Tensor &allowed);

    double dropout = 0; // on the attention probabilities, training only

private:
    std::int64_t m_heads;
    std::int64_t m_headDim;
    Projection query{nullptr};
    Projection key{nullptr};
    Projection value{nullptr};
};
TORCH_MODULE(BertSelfAttention);

// dense, then LayerNorm around the residual: LayerNorm(dense(h) + input). transformers
// has BertSelfOutput ([hidden -> hidden]) and BertOutput ([intermediate -> hidden]); they
// differ only in sizes, so one class serves both.
class BertResidualOutputImpl : public torch::nn::Module {
public:
    BertResidualOutputImpl(const ModelConfig &config, std::int64_t in);
    torch::Tensor forward(const torch::Tensor &hidden, const torch::Tensor &input);

    double dropout = 0; // on dense's output before the residual, training only

private:
    Projection dense{nullptr};
    torch::nn::LayerNorm LayerNorm{nullptr};
};
TORCH_MODULE(BertResidualOutput);

// attention.self + attention.output.
class BertAttentionImpl : public torch::nn::Module {
public:
    explicit BertAttentionImpl(const ModelConfig &config);
    torch::Tensor forward(const torch::Tensor &x, const torch::Tensor &allowed);

private:
    BertSelfAttention m_self{nullptr};    // "self"
    BertResidualOutput m_output{nullptr}; // "output"
};
TORCH_MODULE(BertAttention);

// intermediate.dense + activation.
class BertIntermediateImpl : public torch::nn::Module {
public:
    explicit BertIntermediateImpl(const ModelConfig &config);
    torch::Tensor forward(const torch::Tensor &x);

private:
    BertActivation m_activation;
    Projection dense{nullptr};
};
TORCH_MODULE(BertIntermediate);

// One encoder layer: attention, then the feed-forward block, each post-normed.
class BertLayerImpl : public torch::nn::Module {
public:
    explicit BertLayerImpl(const ModelConfig &config);
    torch::Tensor forward(const torch::Tensor &x, const torch::Tensor &allowed);

private:
    BertAttention attention{nullptr};
    BertIntermediate intermediate{nullptr};
    BertResidualOutput output{nullptr};
};
TORCH_MODULE(BertLayer);

class BertEncoderImpl : public torch::nn::Module {
public:
    explicit BertEncoderImpl(const ModelConfig &config);
    torch::Tensor forward(const torch::Tensor &x, const torch::Tensor &allowed);

private:
    std::vector<BertLayer> m_layers; // "layer.N"
};
TORCH_MODULE(BertEncoder);

// tanh(dense(hidden state of the first token, [CLS])).
class BertPoolerImpl : public torch::nn::Module {
public:
    explicit BertPoolerImpl(const ModelConfig &config);
    torch::Tensor forward(const torch::Tensor &hidden);

private:
    Projection dense{nullptr};
};
TORCH_MODULE(BertPooler);

class BertModelImpl : public torch::nn::Module {
public:
    // Throws Error(Unsupported) for an unknown hidden_act. The pooler is optional:
    // sentence-embedding checkpoints often have none.
    BertModelImpl(const ModelConfig &config, bool withPooler);

    // ids: [batch, seq] int64 inside the vocabulary, seq <= max_position_embeddings.
    // attentionMask: optional [batch, seq], 1 for real tokens, 0 for (right) padding.
    // tokenTypeIds: optional [batch, seq] below type_vocab_size; zeros when absent.
    // Returns the last hidden state [batch, seq, hidden]. Bad inputs throw
    // Error(InvalidInput).
    torch::Tensor forward(const torch::Tensor &ids, const torch::Tensor &attentionMask = {},
                          const torch::Tensor &tokenTypeIds = {});

    bool hasPooler() const noexcept { return !pooler.is_empty(); }
    // The pooler output [batch, hidden] of a last hidden state; Error(NotFound) when the
    // model has no pooler.
    torch::Tensor pooled(const torch::Tensor &hidden);

    const ModelConfig &config() const noexcept { return m_config; }

    // Dropout while training (0: off), where transformers' BERT has hidden_dropout_prob
    // and attention_probs_dropout_prob (see CausalLmImpl::setDropout).
    void setDropout(double probability);

private:
    void checkInputs(const torch::Tensor &ids, const torch::Tensor &attentionMask,
                     const torch::Tensor &tokenTypeIds) const;

    ModelConfig m_config;
    BertEmbeddings embeddings{nullptr};
    BertEncoder encoder{nullptr};
    BertPooler pooler{nullptr};
};
TORCH_MODULE(BertModel);

// BERT with the pooler and a linear head [numLabels, hidden] on the pooled output.
class BertForSequenceClassificationImpl : public torch::nn::Module {
public:
    BertForSequenceClassificationImpl(const ModelConfig &config, std::int64_t numLabels);

    // Inputs as BertModel::forward; returns logits [batch, numLabels].
    torch::Tensor forward(const torch::Tensor &ids, const torch::Tensor &attentionMask = {},
                          const torch::Tensor &tokenTypeIds = {});

    std::int64_t numLabels() const noexcept { return m_numLabels; }
    const ModelConfig &config() const noexcept { return bert->config(); }

private:
    std::int64_t m_numLabels;
    BertModel bert{nullptr};
    Projection classifier{nullptr};
};
TORCH_MODULE(BertForSequenceClassification);

} // namespace llmos
