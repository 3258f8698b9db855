#include "architectures/bertmodel.h"

#include "architectures/causallm.h"
#include "util/error.h"
#include "util/shapetext.h"

#include <string>

namespace llmos {

namespace {

torch::nn::LayerNorm layerNorm(const ModelConfig &config)
{
    return torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.hiddenSize}).eps(config.normEps));
}

} // namespace

BertActivation bertActivation(const std::string &hiddenAct)
{
    if (hiddenAct == "gelu")
        return BertActivation::Gelu;
    if (hiddenAct == "gelu_new" || hiddenAct == "gelu_pytorch_tanh")
        return BertActivation::GeluTanh;
    throw Error(ErrorKind::Unsupported, "config.json: hidden_act",
                "\"" + hiddenAct + "\" is not supported for BERT (supported: gelu, gelu_new, gelu_pytorch_tanh)");
}

BertEmbeddingsImpl::BertEmbeddingsImpl(const ModelConfig &config)
{
    word_embeddings = register_module("word_embeddings", TokenEmbedding(config.vocabSize, config.hiddenSize));
    position_embeddings =
        register_module("position_embeddings", TokenEmbedding(config.maxPositionEmbeddings, config.hiddenSize));
    token_type_embeddings =
        register_module("token_type_embeddings", TokenEmbedding(config.typeVocabSize, config.hiddenSize));
    LayerNorm = register_module("LayerNorm", layerNorm(config));
}

torch::Tensor BertEmbeddingsImpl::forward(const torch::Tensor &ids, const torch::Tensor &tokenTypeIds)
{
    const auto positions = torch::arange(ids.size(1), torch::TensorOptions(torch::kLong).device(ids.device())).unsqueeze(0);
    return dropoutWhileTraining(
        LayerNorm(word_embeddings(ids) + position_embeddings(positions) + token_type_embeddings(tokenTypeIds)),
        dropout, is_training());
}

BertSelfAttentionImpl::BertSelfAttentionImpl(const ModelConfig &config)
    : m_heads(config.numHeads)
    , m_headDim(config.headDim)
{
    const auto width = m_heads * m_headDim;
    query = register_module("query", Projection(config.hiddenSize, width, true));
    key = register_module("key", Projection(config.hiddenSize, width, true));
    value = register_module("value", Projection(config.hiddenSize, width, true));
}

torch::Tensor BertSelfAttentionImpl::forward(const torch::Tensor &x, const torch::Tensor &allowed)
{
    const auto batch = x.size(0);
    const auto seq = x.size(1);
    auto heads = [&](const torch::Tensor &t) { return t.view({batch, seq, m_heads, m_headDim}).transpose(1, 2); };
    return scaledDotProductAttention(heads(query(x)), heads(key(x)), heads(value(x)), allowed,
                                     is_training() ? dropout : 0);
}

BertResidualOutputImpl::BertResidualOutputImpl(const ModelConfig &config, std::int64_t in)
{
    dense = register_module("dense", Projection(in, config.hiddenSize, true));
    LayerNorm = register_module("LayerNorm", layerNorm(config));
}

torch::Tensor BertResidualOutputImpl::forward(const torch::Tensor &hidden, const torch::Tensor &input)
{
    return LayerNorm(dropoutWhileTraining(dense(hidden), dropout, is_training()) + input);
}

BertAttentionImpl::BertAttentionImpl(const ModelConfig &config)
{
    m_self = register_module("self", BertSelfAttention(config));
    m_output = register_module("output", BertResidualOutput(config, config.numHeads * config.headDim));
}

torch::Tensor BertAttentionImpl::forward(const torch::Tensor &x, const torch::Tensor &allowed)
{
    return m_output(m_self(x, allowed), x);
}

BertIntermediateImpl::BertIntermediateImpl(const ModelConfig &config)
    : m_activation(bertActivation(config.hiddenAct))
{
    dense = register_module("dense", Projection(config.hiddenSize, config.intermediateSize, true));
}

torch::Tensor BertIntermediateImpl::forward(const torch::Tensor &x)
{
    const auto h = dense(x);
    return m_activation == BertActivation::Gelu ? torch::gelu(h) : torch::gelu(h, "tanh");
}

BertLayerImpl::BertLayerImpl(const ModelConfig &config)
{
    attention = register_module("attention", BertAttention(config));
    intermediate = register_module("intermediate", BertIntermediate(config));
    output = register_module("output", BertResidualOutput(config, config.intermediateSize));
}

torch::Tensor BertLayerImpl::forward(const torch::Tensor &x, const torch::Tensor &allowed)
{
    const auto h = attention(x, allowed);
    return output(intermediate(h), h);
}

BertEncoderImpl::BertEncoderImpl(const ModelConfig &config)
{
    auto layer = register_module("layer", torch::nn::ModuleList());
    for (std::int64_t i = 0; i < config.numLayers; ++i) {
        m_layers.push_back(BertLayer(config));
        layer->push_back(m_layers.back());
    }
}

torch::Tensor BertEncoderImpl::forward(const torch::Tensor &x, const torch::Tensor &allowed)
{
    auto h = x;
    for (auto &layer : m_layers)
        h = layer(h, allowed);
    return h;
}

BertPoolerImpl::BertPoolerImpl(const ModelConfig &config)
{
    dense = register_module("dense", Projection(config.hiddenSize, config.hiddenSize, true));
}

torch::Tensor BertPoolerImpl::forward(const torch::Tensor &hidden)
{
    return torch::tanh(dense(hidden.select(1, 0)));
}

BertModelImpl::BertModelImpl(const ModelConfig &config, bool withPooler)
    : m_config(config)
{
    if (config.family != ModelFamily::Bert)
        throw Error(ErrorKind::Unsupported, "config.json: model_type",
                    "\"" + config.modelType + "\" is not a BERT encoder");
    bertActivation(config.hiddenAct); // fail before allocating anything
    embeddings = register_module("embeddings", BertEmbeddings(config));
    encoder = register_module("encoder", BertEncoder(config));
    if (withPooler)
        pooler = register_module("pooler", BertPooler(config));
}

void BertModelImpl::checkInputs(const torch::Tensor &ids, const torch::Tensor &attentionMask,
                                const torch::Tensor &tokenTypeIds) const
{
    const char *where = "BERT forward";
    if (!ids.defined() || ids.dim() != 2 || ids.scalar_type() != torch::kLong)
        throw Error(ErrorKind::InvalidInput, where, "token ids must be an int64 tensor [batch, seq]");
    if (ids.size(0) == 0 || ids.size(1) == 0)
        throw Error(ErrorKind::InvalidInput, where, "no tokens to run");
    if (ids.size(1) > m_config.maxPositionEmbeddings)
        throw Error(ErrorKind::InvalidInput, where,
                    std::to_string(ids.size(1)) + " tokens is more than the model's " +
                        std::to_string(m_config.maxPositionEmbeddings) +
                        " positions (max_position_embeddings); shorten or truncate the input");
    const auto lowest = ids.min().item<std::int64_t>();
    const auto highest = ids.max().item<std::int64_t>();
    if (lowest < 0 || highest >= m_config.vocabSize)
        throw Error(ErrorKind::InvalidInput, where,
                    "token id " + std::to_string(lowest < 0 ? lowest : highest) + " is outside the vocabulary of " +
                        std::to_string(m_config.vocabSize));
    for (const auto &[name, t] :
         {std::pair{"attention mask", attentionMask}, std::pair{"token type ids", tokenTypeIds}})
        if (t.defined() && t.sizes() != ids.sizes())
            throw Error(ErrorKind::InvalidInput, where,
                        std::string(name) + " has shape " + shapeText(t.sizes().vec()) + ", the ids " +
                            shapeText(ids.sizes().vec()));
    if (tokenTypeIds.defined()) {
        const auto lowestType = tokenTypeIds.min().item<std::int64_t>();
        const auto highestType = tokenTypeIds.max().item<std::int64_t>();
        if (lowestType < 0 || highestType >= m_config.typeVocabSize)
            throw Error(ErrorKind::InvalidInput, where,
                        "token type " + std::to_string(lowestType < 0 ? lowestType : highestType) +
                            " is outside type_vocab_size " + std::to_string(m_config.typeVocabSize));
    }
}

torch::Tensor BertModelImpl::forward(const torch::Tensor &ids, const torch::Tensor &attentionMask,
                                     const torch::Tensor &tokenTypeIds)
{
    checkInputs(ids, attentionMask, tokenTypeIds);
    const auto types = tokenTypeIds.defined() ? tokenTypeIds.to(torch::kLong) : torch::zeros_like(ids);
    // Every query may read every real key; padding keys are hidden. Padding queries get
    // outputs too, which callers ignore.
    const auto allowed = attentionMask.defined() ? attentionMask.to(torch::kBool).view({ids.size(0), 1, 1, ids.size(1)})
                                                 : torch::ones({1, 1, 1, ids.size(1)}, torch::TensorOptions(torch::kBool).device(ids.device()));
    return encoder(embeddings(ids, types), allowed);
}

torch::Tensor BertModelImpl::pooled(const torch::Tensor &hidden)
{
    if (!hasPooler())
        throw Error(ErrorKind::NotFound, "BERT pooler",
                    "this checkpoint has no pooler (pooler.dense); use CLS or mean pooling of the hidden states");
    return pooler(hidden);
}

void BertModelImpl::setDropout(double probability)
{
    // The three places are leaves of the module tree: set them wherever they sit.
    for (const auto &module : modules()) {
        if (auto *embeddings = dynamic_cast<BertEmbeddingsImpl *>(module.get()))
            embeddings->dropout = probability;
        else if (auto *attention = dynamic_cast<BertSelfAttentionImpl *>(module.get()))
            attention->dropout = probability;
        else if (auto *output = dynamic_cast<BertResidualOutputImpl *>(module.get()))
            output->dropout = probability;
    }
}

BertForSequenceClassificationImpl::BertForSequenceClassificationImpl(const ModelConfig &config, std::int64_t numLabels)
    : m_numLabels(numLabels)
{
    if (numLabels <= 0)
        throw Error(ErrorKind::Format, "config.json: num_labels", "must be positive, not " + std::to_string(numLabels));
    bert = register_module("bert", BertModel(config, /*withPooler=*/true));
    classifier = register_module("classifier", Projection(config.hiddenSize, numLabels, true));
}

torch::Tensor BertForSequenceClassificationImpl::forward(const torch::Tensor &ids, const torch::Tensor &attentionMask,
                                                         const torch::Tensor &tokenTypeIds)
{
    return classifier(bert->pooled(bert->forward(ids, attentionMask, tokenTypeIds)));
}

} // namespace llmos
