#include "architectures/causallmloader.h"

#include "architectures/causallmquantization.h"
#include "architectures/checkpointparameters.h"
#include "architectures/ggufcausallm.h"
#include "architectures/gpt2model.h"
#include "architectures/llamamodel.h"
#include "formats/picklerefusal.h"
#include "util/error.h"

#include <filesystem>
#include <fstream>
#include <string_view>

namespace llmos {

namespace {

constexpr std::string_view kGpt2Prefix = "transformer.";

// The checkpoint names a parameter may be stored under, in order of preference.
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

} // namespace

CheckpointNaming causalLmNaming(const ModelConfig &config)
{
    return {[&config](const std::string &parameter) { return storedNames(config, parameter); },
            [&config](std::string_view name) { return isIgnorable(config, name); }};
}

namespace {

std::string embeddingParameter(const ModelConfig &config)
{
    return config.family == ModelFamily::Gpt2 ? "transformer.wte.weight" : "model.embed_tokens.weight";
}

} // namespace

bool isGgufFile(const std::string &pathText)
{
    const std::filesystem::path path(pathText);
    if (path.extension() == ".gguf")
        return true;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return false;
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    in.read(magic, sizeof magic);
    return in.gcount() == 4 && std::string_view(magic, 4) == "GGUF";
}

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
    loadDecoderWeights(model, model.config(), weights, causalLmNaming(model.config()), "model", configName);
}

void loadDecoderWeights(torch::nn::Module &model, const ModelConfig &config, const SafetensorsWeights &weights,
                        const CheckpointNaming &naming, const std::string &what, const std::string &configName)
{
    checkVocabularyRows(findStoredTensor(weights, naming, embeddingParameter(config)), config.vocabSize, configName);
    loadCheckpointParameters(model, weights, naming,
                             config.modelType + " " + what + " with " + std::to_string(config.numLayers) + " layers",
                             configName);
}

CausalLm loadCausalLm(const std::string &path)
{
    if (isGgufFile(path))
        return loadCausalLmFromGguf(path);
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) {
        if (isPickleCheckpoint(path))
            refusePickleCheckpoint(path);
        throw Error(ErrorKind::Unsupported, path,
                    "is neither a GGUF file nor a Hugging Face model folder; pass the folder that holds "
                    "config.json and the .safetensors weights, or a .gguf file");
    }
    const auto configPath = (std::filesystem::path(path) / "config.json").string();
    const auto config = loadModelConfig(configPath);
    auto model = buildCausalLm(config);
    const auto weights = SafetensorsWeights::openFolder(path);
    if (config.quantization)
        loadDecoderWeights(*model, config, weights, loadQuantizedWeights(*model, weights, causalLmNaming(config)),
                           "model", configPath);
    else
        loadCausalLmWeights(*model, weights, configPath);
    model->fuseProjections();
    model->eval();
    return model;
}

} // namespace llmos
