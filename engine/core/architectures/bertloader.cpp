#include "architectures/bertloader.h"

#include "architectures/checkpointparameters.h"
#include "architectures/classifierlabels.h"
#include "architectures/encoderinput.h"
#include "util/error.h"

#include <filesystem>
#include <string_view>

namespace llmos {

namespace {

constexpr std::string_view kBertPrefix = "bert.";

// Bare BertModel checkpoints (sentence-transformers) name tensors "embeddings.*", the
// task models "bert.embeddings.*": try the parameter's own name, then the other form.
std::vector<std::string> storedNames(const std::string &parameter)
{
    if (parameter.starts_with(kBertPrefix))
        return {parameter, parameter.substr(kBertPrefix.size())};
    return {parameter, std::string(kBertPrefix) + parameter};
}

bool isBuffer(std::string_view name)
{
    return name.ends_with("embeddings.position_ids") || name.ends_with("embeddings.token_type_ids");
}

bool isTaskHead(std::string_view name)
{
    return name.starts_with("cls.") || name.starts_with("classifier.");
}

std::string description(const ModelConfig &config, std::string_view what)
{
    return std::string(what) + " with " + std::to_string(config.numLayers) + " layers";
}

void loadInto(torch::nn::Module &model, const ModelConfig &config, const SafetensorsWeights &weights,
              const CheckpointNaming &naming, std::string_view what, const std::string &configName)
{
    checkVocabularyRows(findStoredTensor(weights, naming, "embeddings.word_embeddings.weight"), config.vocabSize,
                        configName);
    loadCheckpointParameters(model, weights, naming, description(config, what), configName);
}

std::string configPathOf(const std::string &folder)
{
    return (std::filesystem::path(folder) / "config.json").string();
}

} // namespace

BertConfig loadBertConfig(const std::string &configPath)
{
    const auto json = readJsonFile(configPath);
    BertConfig config;
    config.model = parseModelConfig(json, configPath);
    if (config.model.family != ModelFamily::Bert)
        throw Error(ErrorKind::Unsupported, configPath + ": model_type",
                    "\"" + config.model.modelType +
                        "\" is not a BERT encoder; embeddings and classification need "
                        "model_type \"bert\"");
    // Relative position schemes (relative_key, relative_key_query) add learned distance
    // embeddings to the attention scores; we implement only learned absolute positions.
    if (const auto it = json.find("position_embedding_type");
        it != json.end() && !it->is_null() && (!it->is_string() || *it != "absolute"))
        throw Error(ErrorKind::Unsupported, configPath + ": position_embedding_type",
                    it->dump() + " is not supported (only \"absolute\")");
    const auto labels = readClassifierLabels(json, config.model, configPath);
    config.numLabels = labels.count;
    config.problemType = labels.problemType;
    return config;
}

void loadBertWeights(BertModelImpl &model, const SafetensorsWeights &weights, const std::string &configName)
{
    const CheckpointNaming naming{storedNames,
                                  [](std::string_view name) { return isBuffer(name) || isTaskHead(name); }};
    loadInto(model, model.config(), weights, naming, "BERT encoder", configName);
}

void loadBertWeights(BertForSequenceClassificationImpl &model, const SafetensorsWeights &weights,
                     const std::string &configName)
{
    const CheckpointNaming naming{storedNames, isBuffer};
    loadInto(model, model.config(), weights, naming, "BERT sequence classifier", configName);
}

BertModel loadBertModel(const std::string &folder)
{
    const auto configPath = configPathOf(folder);
    const auto config = loadBertConfig(configPath);
    const auto weights = SafetensorsWeights::openFolder(folder);
    const CheckpointNaming naming{storedNames, {}};
    const bool withPooler = findStoredTensor(weights, naming, "pooler.dense.weight") != nullptr ||
                            findStoredTensor(weights, naming, "pooler.dense.bias") != nullptr;
    BertModel model(config.model, withPooler);
    loadBertWeights(*model, weights, configPath);
    model->eval();
    return model;
}

BertForSequenceClassification loadBertClassifier(const std::string &folder)
{
    const auto configPath = configPathOf(folder);
    const auto config = loadBertConfig(configPath);
    const auto weights = SafetensorsWeights::openFolder(folder);
    BertForSequenceClassification model(config.model, config.numLabels);
    loadBertWeights(*model, weights, configPath);
    model->eval();
    return model;
}

} // namespace llmos
