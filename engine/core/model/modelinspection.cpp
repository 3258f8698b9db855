#include "model/modelinspection.h"

#include "formats/gguf/gguffile.h"
#include "formats/picklerefusal.h"
#include "formats/safetensorsweights.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace fs = std::filesystem;

namespace llmos {

namespace {

void addSafetensors(ModelInspection &out, const SafetensorsWeights &weights)
{
    for (const auto &file : weights.files()) {
        out.files.push_back(fs::path(file->path()).filename().string());
        for (const auto &[k, v] : file->header().metadata)
            out.metadata.emplace(k, v);
    }
    for (const auto &[name, entry] : weights.tensors()) {
        ModelInspection::Tensor t;
        t.name = name;
        t.dtype = std::string(dtypeName(entry.info->dtype));
        t.shape = entry.info->shape;
        t.bytes = entry.info->byteSize();
        if (weights.files().size() > 1)
            t.file = fs::path(entry.file->path()).filename().string();
        ++out.dtypeCounts[t.dtype];
        out.tensors.push_back(std::move(t));
    }
    out.parameterCount = weights.parameterCount();
    out.tensorBytes = weights.totalBytes();
}

// A quantized folder (weightquantization.h) counts weights, not stored words: a 4-bit
// weight_packed int32 holds eight, and the scales and shapes are no parameters.
void countQuantizedParameters(ModelInspection &out)
{
    out.parameterCount = 0;
    for (const auto &t : out.tensors) {
        if (t.name.ends_with(".weight_scale") || t.name.ends_with(".weight_shape"))
            continue;
        std::uint64_t elements = 1;
        for (const auto d : t.shape)
            elements *= d;
        out.parameterCount += t.name.ends_with(".weight_packed") ? elements * 8 : elements;
    }
}

// The config and the weights must agree on the embedding table; a mismatch means the
// model will not load (issue 3 refuses it), so inspect says so early.
void checkEmbedding(ModelInspection &out, const SafetensorsWeights &weights)
{
    static const char *const kNames[] = {"model.embed_tokens.weight", "transformer.wte.weight", "wte.weight",
                                         "bert.embeddings.word_embeddings.weight", "embeddings.word_embeddings.weight"};
    for (const char *name : kNames) {
        const auto *entry = weights.find(name);
        if (!entry)
            continue;
        const auto &shape = entry->info->shape;
        const auto &c = *out.config;
        if (shape.size() != 2 || shape[0] != static_cast<std::uint64_t>(c.vocabSize)
            || shape[1] != static_cast<std::uint64_t>(c.hiddenSize))
            out.warnings.push_back(std::string(name) + " has shape [" + std::to_string(shape.empty() ? 0 : shape[0])
                                   + ", " + std::to_string(shape.size() > 1 ? shape[1] : 0)
                                   + "] but config.json says vocab_size " + std::to_string(c.vocabSize)
                                   + " and hidden size " + std::to_string(c.hiddenSize));
        return;
    }
}

ModelInspection inspectFolder(const std::string &path)
{
    ModelInspection out;
    out.path = path;
    out.format = "huggingface-folder";
    const fs::path configPath = fs::path(path) / "config.json";
    if (fs::exists(configPath)) {
        out.config = loadModelConfig(configPath.string());
        out.family = modelFamilyName(out.config->family);
        out.architecture = out.config->architectures.empty() ? out.config->modelType
                                                             : out.config->architectures.front();
    } else {
        out.warnings.push_back("no config.json: the architecture is unknown and the model cannot be run");
    }
    const auto weights = SafetensorsWeights::openFolder(path);
    addSafetensors(out, weights);
    if (out.config && out.config->quantization)
        countQuantizedParameters(out);
    if (out.config)
        checkEmbedding(out, weights);
    return out;
}

ModelInspection inspectGguf(const std::string &path)
{
    const GgufFile file = GgufFile::open(path);
    ModelInspection out;
    out.path = path;
    out.format = "gguf";
    out.files.push_back(fs::path(path).filename().string());
    out.architecture = file.findString("general.architecture").value_or("");
    if (out.architecture == "llama" || out.architecture == "qwen2" || out.architecture == "mistral")
        out.family = "llama";
    else if (out.architecture == "gpt2" || out.architecture == "bert")
        out.family = out.architecture;
    for (const auto &kv : file.metadata()) {
        // Strings are shown as they are; numbers and arrays (whole vocabularies) summarised.
        const std::string *text = kv.value.string();
        out.metadata.emplace(kv.key, text ? *text : kv.value.describe());
    }
    for (const auto &info : file.tensors()) {
        ModelInspection::Tensor t;
        t.name = info.name;
        t.dtype = std::string(ggmlTypeName(info.type));
        for (auto d : info.shape)
            t.shape.push_back(static_cast<std::uint64_t>(d));
        t.bytes = info.byteSize;
        ++out.dtypeCounts[t.dtype];
        out.parameterCount += info.elementCount;
        out.tensorBytes += info.byteSize;
        out.tensors.push_back(std::move(t));
    }
    return out;
}

} // namespace

ModelInspection inspectModel(const std::string &path)
{
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        throw Error(ErrorKind::NotFound, path, "does not exist");
    if (fs::is_directory(status))
        return inspectFolder(path);
    const std::string ext = fs::path(path).extension().string();
    if (isPickleCheckpoint(path))
        refusePickleCheckpoint(path);
    if (ext == ".gguf")
        return inspectGguf(path);
    if (ext == ".safetensors") {
        ModelInspection out;
        out.path = path;
        out.format = "safetensors";
        addSafetensors(out, SafetensorsWeights::openFile(path));
        const fs::path configPath = fs::path(path).parent_path() / "config.json";
        if (fs::exists(configPath)) {
            out.config = loadModelConfig(configPath.string());
            out.family = modelFamilyName(out.config->family);
        }
        return out;
    }
    throw Error(ErrorKind::Unsupported, path,
                "is not a model this workbench reads (a Hugging Face folder, a .safetensors or a .gguf file)");
}

nlohmann::json toJson(const ModelInspection &m)
{
    nlohmann::json tensors = nlohmann::json::array();
    for (const auto &t : m.tensors) {
        nlohmann::json j{{"name", t.name}, {"dtype", t.dtype}, {"shape", t.shape}, {"bytes", t.bytes}};
        if (!t.file.empty())
            j["file"] = t.file;
        tensors.push_back(std::move(j));
    }
    nlohmann::json out{{"path", m.path},
                       {"format", m.format},
                       {"architecture", m.architecture},
                       {"family", m.family},
                       {"parameter_count", m.parameterCount},
                       {"tensor_bytes", m.tensorBytes},
                       {"dtypes", m.dtypeCounts},
                       {"files", m.files},
                       {"metadata", m.metadata},
                       {"tensors", std::move(tensors)},
                       {"warnings", m.warnings}};
    if (m.config) {
        const auto &c = *m.config;
        out["config"] = {{"model_type", c.modelType},     {"vocab_size", c.vocabSize},
                         {"hidden_size", c.hiddenSize},   {"intermediate_size", c.intermediateSize},
                         {"num_layers", c.numLayers},     {"num_heads", c.numHeads},
                         {"num_key_value_heads", c.numKeyValueHeads}, {"head_dim", c.headDim},
                         {"max_position_embeddings", c.maxPositionEmbeddings}};
    }
    return out;
}

} // namespace llmos
