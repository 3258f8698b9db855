#include "architectures/ggufbert.h"

#include "architectures/ggufhyperparameters.h"
#include "architectures/ggufllamalayout.h"
#include "formats/gguf/gguffile.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

namespace llmos {

namespace {

constexpr std::string_view kArchitecture = "bert";
constexpr std::int64_t kMaxLabels = 1'000'000;

std::string whereIn(const GgufFile &file, std::string_view key)
{
    return file.sourceName() + ": " + std::string(key);
}

void requireBert(const GgufFile &file)
{
    if (!file.find(ggufkey::kArchitecture))
        throw Error(ErrorKind::NotFound, whereIn(file, ggufkey::kArchitecture), "is missing; is this a model file?");
    const auto &architecture = file.getString(ggufkey::kArchitecture);
    if (architecture != kArchitecture)
        throw Error(ErrorKind::Unsupported, whereIn(file, ggufkey::kArchitecture),
                    "\"" + architecture + "\" is not a BERT encoder; embeddings and classification need \"bert\"");
}

// The head's outputs: the labels when the file names them, else the rows of the head.
std::vector<std::string> labelsOf(const GgufFile &file)
{
    const auto key = ggufKey(kArchitecture, ggufkey::kClassifierLabels);
    if (file.find(key))
        return file.getArrayOf<std::string>(key);
    return {};
}

std::int64_t labelCount(const GgufFile &file, const std::vector<std::string> &labels)
{
    if (!labels.empty())
        return static_cast<std::int64_t>(labels.size());
    const auto *head = file.findTensor(kGgufClassifierWeight);
    if (!head || head->shape.size() != 2 || head->shape[0] < 1 || head->shape[0] > kMaxLabels)
        throw Error(ErrorKind::Format, whereIn(file, kGgufClassifierWeight),
                    "must be a [labels, hidden] matrix with 1 to 1000000 labels");
    return head->shape[0];
}

GgufParameterLayout bertLayout(const ModelConfig &config, std::string_view what, bool ignoreHead)
{
    GgufParameterLayout layout;
    layout.description = std::string(what) + " with " + std::to_string(config.numLayers) + " layers";
    layout.layerCountKey = ggufKey(kArchitecture, ggufkey::kBlockCount);
    layout.tensorName = ggufBertTensorName;
    if (ignoreHead)
        layout.otherTensors = {std::string(kGgufPoolerWeight), "cls.bias", std::string(kGgufClassifierWeight),
                               "cls.output.bias"};
    return layout;
}

} // namespace

bool ggufHasBertClassifier(const GgufFile &file)
{
    return file.findTensor(kGgufClassifierWeight) != nullptr;
}

std::optional<GgufPoolingType> ggufPoolingType(const GgufFile &file)
{
    const auto key = ggufKey(kArchitecture, ggufkey::kPoolingType);
    const auto value = file.findUInt(key);
    if (!value)
        return std::nullopt;
    if (*value > static_cast<std::uint64_t>(GgufPoolingType::Rank))
        throw Error(ErrorKind::Format, whereIn(file, key),
                    "is " + std::to_string(*value) + "; expected 0 (none), 1 (mean), 2 (CLS), 3 (last) or 4 (rank)");
    return static_cast<GgufPoolingType>(*value);
}

BertConfig bertConfigFromGguf(const GgufFile &file)
{
    requireBert(file);
    const GgufHyperparameters h(file, std::string(kArchitecture));
    if (const auto *causal = file.find(h.key(ggufkey::kCausalAttention)); causal && file.getBool(h.key(ggufkey::kCausalAttention)))
        throw Error(ErrorKind::Unsupported, h.where(h.key(ggufkey::kCausalAttention)),
                    "is true; a BERT encoder attends both ways");
    const bool classifier = ggufHasBertClassifier(file);
    nlohmann::json json{{"model_type", "bert"},
                        {"architectures", {classifier ? "BertForSequenceClassification" : "BertModel"}}};
    json["hidden_size"] = h.count(ggufkey::kEmbeddingLength);
    json["num_hidden_layers"] = h.count(ggufkey::kBlockCount);
    json["intermediate_size"] = h.count(ggufkey::kFeedForwardLength);
    const auto heads = h.count(ggufkey::kHeadCount);
    json["num_attention_heads"] = heads;
    if (const auto kv = h.optionalCount(ggufkey::kHeadCountKv); kv && *kv != heads)
        throw Error(ErrorKind::Unsupported, h.where(h.key(ggufkey::kHeadCountKv)),
                    "differs from " + h.key(ggufkey::kHeadCount) + "; BERT has as many key/value heads as query heads");
    json["max_position_embeddings"] = h.count(ggufkey::kContextLength);
    json["layer_norm_eps"] = h.number(ggufkey::kLayerNormEpsilon);
    json["hidden_act"] = file.findString(ggufkey::kHiddenAct).value_or("gelu");
    const auto vocab = ggufVocabularySize(file, h);
    json["vocab_size"] = vocab.size;
    std::string typesSource(ggufkey::kTokenTypeCount);
    if (const auto types = file.findUInt(ggufkey::kTokenTypeCount)) {
        json["type_vocab_size"] = ggufClampedCount(*types);
    } else if (const auto *table = file.findTensor("token_types.weight"); table && table->shape.size() == 2) {
        json["type_vocab_size"] = table->shape[0];
        typesSource = "token_types.weight";
    }
    if (const auto pad = file.findUInt(ggufkey::kPadTokenId))
        json["pad_token_id"] = ggufClampedCount(*pad);

    BertConfig config;
    std::vector<std::string> labels;
    if (classifier) {
        labels = labelsOf(file);
        config.numLabels = labelCount(file, labels);
        if (!labels.empty()) {
            nlohmann::json id2label = nlohmann::json::object();
            for (std::size_t i = 0; i < labels.size(); ++i)
                id2label[std::to_string(i)] = labels[i];
            json["id2label"] = id2label;
        }
        config.problemType = file.findString(ggufkey::kProblemType).value_or("");
    }
    config.model = parseWithGgufNames(json, file,
                                      {{"vocab_size", vocab.source},
                                       {"hidden_size", h.key(ggufkey::kEmbeddingLength)},
                                       {"num_hidden_layers", h.key(ggufkey::kBlockCount)},
                                       {"intermediate_size", h.key(ggufkey::kFeedForwardLength)},
                                       {"num_attention_heads", h.key(ggufkey::kHeadCount)},
                                       {"max_position_embeddings", h.key(ggufkey::kContextLength)},
                                       {"layer_norm_eps", h.key(ggufkey::kLayerNormEpsilon)},
                                       {"hidden_act", std::string(ggufkey::kHiddenAct)},
                                       {"type_vocab_size", typesSource},
                                       {"id2label", h.key(ggufkey::kClassifierLabels)},
                                       {"pad_token_id", std::string(ggufkey::kPadTokenId)}});
    // The module's own check of hidden_act names config.json; name the key instead.
    try {
        bertActivation(config.model.hiddenAct);
    } catch (const Error &e) {
        throw Error(e.kind(), whereIn(file, ggufkey::kHiddenAct), e.detail());
    }
    return config;
}

BertModel loadBertModelFromGguf(const GgufFile &file, const GgufLoadProgress &progress)
{
    const auto config = bertConfigFromGguf(file);
    BertModel model(config.model, /*withPooler=*/false);
    loadGgufParameters(*model, file, bertLayout(config.model, "BERT encoder", /*ignoreHead=*/true), progress);
    model->eval();
    return model;
}

BertForSequenceClassification loadBertClassifierFromGguf(const GgufFile &file, const GgufLoadProgress &progress)
{
    const auto config = bertConfigFromGguf(file);
    if (!ggufHasBertClassifier(file))
        throw Error(ErrorKind::NotFound, whereIn(file, kGgufClassifierWeight),
                    "is missing: this BERT file has no classification head (it gives embeddings only)");
    if (!file.findTensor(kGgufPoolerWeight))
        throw Error(ErrorKind::NotFound, whereIn(file, kGgufPoolerWeight),
                    "is missing: a BERT classifier needs its pooler, which llama.cpp's converter leaves out; export "
                    "the classifier from its Hugging Face folder with llmos instead");
    BertForSequenceClassification model(config.model, config.numLabels);
    loadGgufParameters(*model, file, bertLayout(config.model, "BERT sequence classifier", false), progress);
    model->eval();
    return model;
}

} // namespace llmos
