#include "architectures/causallmloader.h"

#include "architectures/gpt2model.h"
#include "architectures/llamamodel.h"
#include "formats/dtype.h"
#include "formats/tensorload.h"
#include "util/error.h"

#include <filesystem>
#include <set>
#include <string_view>

namespace llmos {

namespace {

constexpr std::string_view kGpt2Prefix = "transformer.";

std::string shapeText(const std::vector<std::int64_t> &shape)
{
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

std::vector<std::int64_t> fileShape(const SafetensorsWeights::Entry &entry)
{
    return {entry.info->shape.begin(), entry.info->shape.end()};
}

std::string tensorWhere(const SafetensorsWeights::Entry &entry)
{
    return entry.file->path() + ": " + entry.info->name;
}

// The checkpoint name a parameter may be stored under, in order of preference.
std::vector<std::string> storedNames(const ModelConfig &config, const std::string &parameter)
{
    std::vector<std::string> names{parameter};
    if (config.family == ModelFamily::Gpt2 && parameter.starts_with(kGpt2Prefix))
        names.push_back(parameter.substr(kGpt2Prefix.size()));
    return names;
}

// Tensors some checkpoints carry that are not parameters: recomputed buffers, or a head
// that the config ties to the embeddings.
bool isIgnorable(const ModelConfig &config, std::string_view name)
{
    if (config.tieWordEmbeddings && name == "lm_head.weight")
        return true;
    if (config.family == ModelFamily::Gpt2)
        return name.ends_with(".attn.bias") || name.ends_with(".attn.masked_bias");
    return name.ends_with(".rotary_emb.inv_freq");
}

const SafetensorsWeights::Entry *findStored(const ModelConfig &config, const SafetensorsWeights &weights,
                                            const std::string &parameter)
{
    for (const auto &name : storedNames(config, parameter))
        if (const auto *entry = weights.find(name))
            return entry;
    return nullptr;
}

std::string embeddingParameter(const ModelConfig &config)
{
    return config.family == ModelFamily::Gpt2 ? "transformer.wte.weight" : "model.embed_tokens.weight";
}

std::string folderOf(const SafetensorsWeights &weights)
{
    if (weights.files().empty())
        return "model weights";
    return std::filesystem::path(weights.files().front()->path()).parent_path().string();
}

} // namespace

CausalLm buildCausalLm(const ModelConfig &config)
{
    switch (config.family) {
    case ModelFamily::Gpt2: return CausalLm(std::shared_ptr<CausalLmImpl>(Gpt2LmHeadModel(config).ptr()));
    case ModelFamily::Llama: return CausalLm(std::shared_ptr<CausalLmImpl>(LlamaForCausalLm(config).ptr()));
    case ModelFamily::Bert: break;
    }
    throw Error(ErrorKind::Unsupported, "config.json: model_type",
                "\"" + config.modelType + "\" is not a causal language model; scoring and generation need "
                "gpt2, llama, mistral or qwen2");
}

void loadCausalLmWeights(CausalLmImpl &model, const SafetensorsWeights &weights, const std::string &configName)
{
    const auto &config = model.config();
    torch::NoGradGuard noGrad;

    if (const auto *embedding = findStored(config, weights, embeddingParameter(config))) {
        const auto shape = fileShape(*embedding);
        if (shape.size() == 2 && shape[0] != config.vocabSize)
            throw Error(ErrorKind::Format, configName + ": vocab_size",
                        "says " + std::to_string(config.vocabSize) + " tokens but the embedding table "
                            + embedding->info->name + " has " + std::to_string(shape[0])
                            + " rows; the config and the weights belong to different models");
    }

    std::set<std::string, std::less<>> used;
    for (auto &item : model.named_parameters(/*recurse=*/true)) {
        const auto &parameter = item.key();
        auto &value = item.value();
        const std::vector<std::int64_t> expected(value.sizes().begin(), value.sizes().end());
        const auto *entry = findStored(config, weights, parameter);
        if (!entry)
            throw Error(ErrorKind::NotFound, folderOf(weights) + ": " + parameter,
                        "is missing; a " + config.modelType + " model with " + std::to_string(config.numLayers)
                            + " layers needs it with shape " + shapeText(expected));
        if (fileShape(*entry) != expected)
            throw Error(ErrorKind::Format, tensorWhere(*entry),
                        "has shape " + shapeText(fileShape(*entry)) + " but " + configName + " implies "
                            + shapeText(expected));
        const auto dtype = entry->info->dtype;
        if (dtype != DType::F32 && dtype != DType::F16 && dtype != DType::BF16)
            throw Error(ErrorKind::Unsupported, tensorWhere(*entry),
                        "is " + std::string(dtypeName(dtype)) + "; model weights must be F32, F16 or BF16");
        value.set_data(toTorch(*entry).to(torch::kFloat));
        used.insert(entry->info->name);
    }

    for (const auto &[name, entry] : weights.tensors())
        if (!used.contains(name) && !isIgnorable(config, name))
            throw Error(ErrorKind::Format, tensorWhere(entry),
                        "is not part of a " + config.modelType + " model with " + std::to_string(config.numLayers)
                            + " layers as " + configName
                            + " describes it (check num_hidden_layers / n_layer and the architecture)");
}

CausalLm loadCausalLm(const std::string &folder)
{
    const auto configPath = (std::filesystem::path(folder) / "config.json").string();
    const auto config = loadModelConfig(configPath);
    auto model = buildCausalLm(config);
    const auto weights = SafetensorsWeights::openFolder(folder);
    loadCausalLmWeights(*model, weights, configPath);
    model->eval();
    return model;
}

} // namespace llmos
