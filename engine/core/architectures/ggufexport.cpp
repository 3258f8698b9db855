#include "architectures/ggufexport.h"

#include "architectures/bertloader.h"
#include "architectures/causallmloader.h"
#include "architectures/encoderinput.h"
#include "architectures/ggufbertlayout.h"
#include "architectures/ggufgpt2layout.h"
#include "architectures/ggufllamalayout.h"
#include "formats/gguf/gguftorch.h"
#include "formats/gguf/ggufwriter.h"
#include "model/modelconfig.h"
#include "tokenizer/gguftokenizer.h"
#include "util/error.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <optional>

namespace llmos {

namespace {

namespace fs = std::filesystem;

// llama.cpp's llama_ftype for general.file_type.
std::uint32_t llamaFileType(GgmlType storeAs, const std::string &outPath)
{
    switch (storeAs) {
    case GgmlType::F32:
        return 0; // LLAMA_FTYPE_ALL_F32
    case GgmlType::F16:
        return 1; // LLAMA_FTYPE_MOSTLY_F16
    case GgmlType::Q8_0:
        return 7; // LLAMA_FTYPE_MOSTLY_Q8_0
    case GgmlType::BF16:
        return 32; // LLAMA_FTYPE_MOSTLY_BF16
    default:
        break;
    }
    throw Error(ErrorKind::InvalidInput, outPath,
                "cannot export as " + std::string(ggmlTypeName(storeAs)) + " (choose F32, F16, BF16 or Q8_0)");
}

// As llama.cpp's converter: 1-D tensors and norms stay F32, and Q8_0 needs rows made of
// whole 32-value blocks, else F16.
GgmlType storageFor(const std::string &ggufName, const torch::Tensor &tensor, GgmlType storeAs)
{
    if (tensor.dim() <= 1 || ggufName.ends_with("_norm.weight"))
        return GgmlType::F32;
    if (storeAs == GgmlType::Q8_0 && tensor.size(-1) % 32 != 0)
        return GgmlType::F16;
    return storeAs;
}

std::string modelName(const std::string &folder)
{
    auto path = fs::path(folder).lexically_normal();
    if (path.filename().empty())
        path = path.parent_path();
    return path.filename().string();
}

void checkRopeScaling(const ModelConfig &config, const std::string &architecture, const std::string &configPath)
{
    if (!config.ropeScaling)
        return;
    const auto &type = config.ropeScaling->type;
    if (type == "linear" || (type == "llama3" && architecture == "llama"))
        return;
    throw Error(ErrorKind::Unsupported, configPath + ": rope_scaling",
                "\"" + type + "\" rotary scaling cannot be exported for the " + architecture +
                    " GGUF architecture (supported: linear; llama3 for llama)");
}

std::uint32_t u32(std::int64_t v)
{
    return static_cast<std::uint32_t>(v);
}

// What every architecture writes first: general.* and the sizes all three share.
void addCommonHyperparameters(GgufWriter &writer, const ModelConfig &config, const std::string &architecture,
                              const std::string &name, std::uint32_t fileType)
{
    const auto key = [&](std::string_view suffix) { return ggufKey(architecture, suffix); };
    writer.addMetadata(std::string(ggufkey::kArchitecture), architecture);
    writer.addMetadata("general.type", "model");
    writer.addMetadata(std::string(ggufkey::kName), name);
    writer.addMetadata(key(ggufkey::kBlockCount), u32(config.numLayers));
    writer.addMetadata(key(ggufkey::kContextLength), u32(config.maxPositionEmbeddings));
    writer.addMetadata(key(ggufkey::kEmbeddingLength), u32(config.hiddenSize));
    writer.addMetadata(key(ggufkey::kFeedForwardLength), u32(config.intermediateSize));
    writer.addMetadata(key(ggufkey::kHeadCount), u32(config.numHeads));
    writer.addMetadata(std::string(ggufkey::kFileType), fileType);
    writer.addMetadata(key(ggufkey::kVocabSize), u32(config.vocabSize));
}

void addHyperparameters(GgufWriter &writer, const ModelConfig &config, const std::string &architecture,
                        const std::string &name, std::uint32_t fileType)
{
    const auto key = [&](std::string_view suffix) { return ggufKey(architecture, suffix); };
    addCommonHyperparameters(writer, config, architecture, name, fileType);
    writer.addMetadata(key(ggufkey::kHeadCountKv), u32(config.numKeyValueHeads));
    writer.addMetadata(key(ggufkey::kRopeFreqBase), static_cast<float>(config.ropeTheta));
    writer.addMetadata(key(ggufkey::kRmsEpsilon), static_cast<float>(config.normEps));
    // Without it the model would attend to every earlier token once loaded back, and
    // answer differently past the window.
    if (config.slidingWindow)
        writer.addMetadata(key(ggufkey::kSlidingWindow), u32(*config.slidingWindow));
    if (config.headDim * config.numHeads != config.hiddenSize) {
        writer.addMetadata(key(ggufkey::kKeyLength), u32(config.headDim));
        writer.addMetadata(key(ggufkey::kValueLength), u32(config.headDim));
    }
    writer.addMetadata(key(ggufkey::kRopeDimensionCount), u32(config.headDim));
    if (config.ropeScaling && config.ropeScaling->type == "linear") {
        writer.addMetadata(key(ggufkey::kRopeScalingType), "linear");
        writer.addMetadata(key(ggufkey::kRopeScalingFactor), static_cast<float>(config.ropeScaling->factor));
    }
    writer.addMetadata("general.quantization_version", std::uint32_t{2}); // GGML_QNT_VERSION
}

// Without a tokenizer to carry them, the config's special token ids still tell a loader
// where a sequence starts and ends.
void addConfigTokenIds(GgufWriter &writer, const ModelConfig &config)
{
    if (config.bosTokenId)
        writer.addMetadata(std::string(ggufkey::kBosTokenId), static_cast<std::uint32_t>(*config.bosTokenId));
    if (!config.eosTokenIds.empty())
        writer.addMetadata(std::string(ggufkey::kEosTokenId), static_cast<std::uint32_t>(config.eosTokenIds.front()));
    if (config.padTokenId)
        writer.addMetadata(std::string(ggufkey::kPadTokenId), static_cast<std::uint32_t>(*config.padTokenId));
}


// The encoded parameters of `module` under the names `nameOf` gives (nothing: left out),
// each turned by `toStored` into the file's layout; the fp32 copies are freed as they go.
void addParameters(GgufWriter &writer, torch::nn::Module &module,
                   const std::function<std::optional<std::string>(const std::string &)> &nameOf,
                   const std::function<torch::Tensor(const std::string &, torch::Tensor)> &toStored,
                   GgmlType storeAs, const std::string &outPath, const GgufExportProgress &progress)
{
    torch::NoGradGuard noGrad;
    auto parameters = module.named_parameters(/*recurse=*/true);
    std::size_t done = 0;
    for (auto &item : parameters) {
        if (const auto name = nameOf(item.key())) {
            const auto tensor = toStored ? toStored(item.key(), item.value()) : item.value();
            addTorchTensor(writer, *name, tensor, storageFor(*name, tensor, storeAs));
        }
        // The encoded copy is all the writer needs: free the fp32 one as we go.
        item.value().set_data(torch::empty({0}));
        ++done;
        if (progress && !progress(done, parameters.size()))
            throw Error(ErrorKind::Cancelled, outPath, "the export was cancelled; nothing was written");
    }
}

std::function<std::optional<std::string>(const std::string &)> requiredName(
    std::optional<std::string> (*layout)(std::string_view), const char *layoutName)
{
    return [layout, layoutName](const std::string &parameter) {
        auto name = layout(parameter);
        if (!name)
            throw Error(ErrorKind::Internal, parameter, std::string("has no GGUF name in the ") + layoutName + " layout");
        return name;
    };
}

void exportLlamaFamily(const std::string &hfFolder, const std::string &outPath, GgmlType storeAs,
                       const GgufExportProgress &progress, const ModelConfig &config, const std::string &configPath,
                       std::uint32_t fileType)
{
    const auto architecture = ggufArchitectureFor(config);
    checkRopeScaling(config, architecture, configPath);

    // Loading the model checks every tensor's name, shape and dtype as loadCausalLm does.
    auto model = buildCausalLm(config);
    loadCausalLmWeights(*model, SafetensorsWeights::openFolder(hfFolder), configPath);

    GgufWriter writer;
    addHyperparameters(writer, config, architecture, modelName(hfFolder), fileType);
    if (!addGgufTokenizerMetadata(writer, hfFolder))
        addConfigTokenIds(writer, config);

    torch::NoGradGuard noGrad;
    if (config.ropeScaling && config.ropeScaling->type == "llama3")
        addTorchTensor(writer, std::string(kRopeFreqsTensor), ropeFrequencyFactors(config), GgmlType::F32);
    const bool permute = ggufPermutesRope(architecture);
    addParameters(
        writer, *model, requiredName(ggufTensorName, "llama"),
        [&](const std::string &parameter, torch::Tensor tensor) {
            const auto heads = ropeHeadsOf(parameter, config);
            return heads && permute ? ropeRowsToGgml(tensor, *heads) : tensor;
        },
        storeAs, outPath, progress);
    writer.write(outPath);
}

// convert_hf_to_gguf.py's GPT2Model: gpt2.* with the LayerNorm epsilon, the Conv1D
// weights transposed to [out, in], output.weight only for an untied head.
void exportGpt2(const std::string &hfFolder, const std::string &outPath, GgmlType storeAs,
                const GgufExportProgress &progress, const ModelConfig &config, const std::string &configPath,
                std::uint32_t fileType)
{
    auto model = buildCausalLm(config);
    loadCausalLmWeights(*model, SafetensorsWeights::openFolder(hfFolder), configPath);

    GgufWriter writer;
    addCommonHyperparameters(writer, config, "gpt2", modelName(hfFolder), fileType);
    writer.addMetadata(ggufKey("gpt2", ggufkey::kLayerNormEpsilon), static_cast<float>(config.normEps));
    if (config.hiddenAct != "gelu_new")
        writer.addMetadata(std::string(ggufkey::kHiddenAct), config.hiddenAct);
    writer.addMetadata("general.quantization_version", std::uint32_t{2});
    if (!addGgufTokenizerMetadata(writer, hfFolder))
        addConfigTokenIds(writer, config);
    addParameters(
        writer, *model, requiredName(ggufGpt2TensorName, "GPT-2"),
        [](const std::string &parameter, torch::Tensor tensor) {
            return ggufGpt2Transposes(parameter) ? tensor.t().contiguous() : tensor;
        },
        storeAs, outPath, progress);
    writer.write(outPath);
}

// sentence-transformers' 1_Pooling/config.json as convert_hf_to_gguf.py reads it (mean
// before CLS); nothing when the folder has none or asks for another mode.
std::optional<GgufPoolingType> folderPooling(const fs::path &folder)
{
    const auto path = folder / "1_Pooling" / "config.json";
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        return std::nullopt;
    const auto json = readJsonFile(path.string());
    const auto on = [&json](const char *key) {
        const auto it = json.is_object() ? json.find(key) : json.end();
        return it != json.end() && it->is_boolean() && it->get<bool>();
    };
    if (on("pooling_mode_mean_tokens"))
        return GgufPoolingType::Mean;
    if (on("pooling_mode_cls_token"))
        return GgufPoolingType::Cls;
    return std::nullopt;
}

// convert_hf_to_gguf.py's BertModel: bert.* with causal attention off, the pooling type,
// the token types and the labels. A classifier keeps its pooler and head as cls and
// cls.output (llama.cpp's RANK pooling); an encoder drops its pooler, as llama.cpp does.
void exportBert(const std::string &hfFolder, const std::string &outPath, GgmlType storeAs,
                const GgufExportProgress &progress, const std::string &configPath, std::uint32_t fileType)
{
    const auto bert = loadBertConfig(configPath);
    const auto &config = bert.model;
    const bool classifier = std::find(config.architectures.begin(), config.architectures.end(),
                                      "BertForSequenceClassification") != config.architectures.end();
    GgufWriter writer;
    addCommonHyperparameters(writer, config, "bert", modelName(hfFolder), fileType);
    const auto key = [](std::string_view suffix) { return ggufKey("bert", suffix); };
    writer.addMetadata(key(ggufkey::kLayerNormEpsilon), static_cast<float>(config.normEps));
    writer.addMetadata(key(ggufkey::kCausalAttention), false);
    if (const auto pooling = classifier ? std::optional(GgufPoolingType::Rank) : folderPooling(hfFolder))
        writer.addMetadata(key(ggufkey::kPoolingType), static_cast<std::uint32_t>(*pooling));
    if (classifier && !config.labels.empty())
        writer.addMetadata(key(ggufkey::kClassifierLabels), GgufArray(std::vector<std::string>(config.labels)));
    if (config.hiddenAct != "gelu")
        writer.addMetadata(std::string(ggufkey::kHiddenAct), config.hiddenAct);
    if (classifier && !bert.problemType.empty())
        writer.addMetadata(std::string(ggufkey::kProblemType), bert.problemType);
    writer.addMetadata(std::string(ggufkey::kTokenTypeCount), u32(config.typeVocabSize));
    writer.addMetadata("general.quantization_version", std::uint32_t{2});
    if (!addGgufTokenizerMetadata(writer, hfFolder) && config.padTokenId)
        writer.addMetadata(std::string(ggufkey::kPadTokenId), u32(*config.padTokenId));

    if (classifier) {
        auto model = loadBertClassifier(hfFolder);
        addParameters(writer, *model, requiredName(ggufBertTensorName, "BERT"), {}, storeAs, outPath, progress);
    } else {
        auto model = loadBertModel(hfFolder);
        addParameters(
            writer, *model,
            [](const std::string &parameter) -> std::optional<std::string> {
                if (parameter.starts_with("pooler."))
                    return std::nullopt; // an encoder for embeddings: llama.cpp drops the pooler
                return requiredName(ggufBertTensorName, "BERT")(parameter);
            },
            {}, storeAs, outPath, progress);
    }
    writer.write(outPath);
}

} // namespace

void exportModelToGguf(const std::string &hfFolder, const std::string &outPath, GgmlType storeAs,
                       const GgufExportProgress &progress)
{
    const auto fileType = llamaFileType(storeAs, outPath);
    const auto configPath = (fs::path(hfFolder) / "config.json").string();
    const auto config = loadModelConfig(configPath);
    switch (config.family) {
    case ModelFamily::Llama:
        return exportLlamaFamily(hfFolder, outPath, storeAs, progress, config, configPath, fileType);
    case ModelFamily::Gpt2:
        return exportGpt2(hfFolder, outPath, storeAs, progress, config, configPath, fileType);
    case ModelFamily::Bert:
        return exportBert(hfFolder, outPath, storeAs, progress, configPath, fileType);
    }
    throw Error(ErrorKind::Unsupported, configPath + ": model_type",
                "\"" + config.modelType + "\" cannot be exported to GGUF (supported: gpt2, llama, mistral, qwen2, bert)");
}

void exportCausalLmToGguf(const std::string &hfFolder, const std::string &outPath, GgmlType storeAs,
                          const GgufExportProgress &progress)
{
    const auto configPath = (fs::path(hfFolder) / "config.json").string();
    const auto config = loadModelConfig(configPath);
    if (config.family == ModelFamily::Bert)
        throw Error(ErrorKind::Unsupported, configPath + ": model_type",
                    "\"bert\" is an encoder, not a causal language model; export it with exportModelToGguf");
    exportModelToGguf(hfFolder, outPath, storeAs, progress);
}

} // namespace llmos
