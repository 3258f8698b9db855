#include "architectures/ggufexport.h"

#include "architectures/causallmloader.h"
#include "architectures/ggufllamalayout.h"
#include "formats/gguf/gguftorch.h"
#include "formats/gguf/ggufwriter.h"
#include "model/modelconfig.h"
#include "tokenizer/gguftokenizer.h"
#include "util/error.h"

#include <filesystem>

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

void addHyperparameters(GgufWriter &writer, const ModelConfig &config, const std::string &architecture,
                        const std::string &name, std::uint32_t fileType)
{
    const auto u32 = [](std::int64_t v) { return static_cast<std::uint32_t>(v); };
    const auto key = [&](std::string_view suffix) { return ggufKey(architecture, suffix); };
    writer.addMetadata(std::string(ggufkey::kArchitecture), architecture);
    writer.addMetadata("general.type", "model");
    writer.addMetadata(std::string(ggufkey::kName), name);
    writer.addMetadata(key(ggufkey::kBlockCount), u32(config.numLayers));
    writer.addMetadata(key(ggufkey::kContextLength), u32(config.maxPositionEmbeddings));
    writer.addMetadata(key(ggufkey::kEmbeddingLength), u32(config.hiddenSize));
    writer.addMetadata(key(ggufkey::kFeedForwardLength), u32(config.intermediateSize));
    writer.addMetadata(key(ggufkey::kHeadCount), u32(config.numHeads));
    writer.addMetadata(key(ggufkey::kHeadCountKv), u32(config.numKeyValueHeads));
    writer.addMetadata(key(ggufkey::kRopeFreqBase), static_cast<float>(config.ropeTheta));
    writer.addMetadata(key(ggufkey::kRmsEpsilon), static_cast<float>(config.normEps));
    if (config.headDim * config.numHeads != config.hiddenSize) {
        writer.addMetadata(key(ggufkey::kKeyLength), u32(config.headDim));
        writer.addMetadata(key(ggufkey::kValueLength), u32(config.headDim));
    }
    writer.addMetadata(std::string(ggufkey::kFileType), fileType);
    writer.addMetadata(key(ggufkey::kVocabSize), u32(config.vocabSize));
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

} // namespace

void exportCausalLmToGguf(const std::string &hfFolder, const std::string &outPath, GgmlType storeAs,
                          const GgufExportProgress &progress)
{
    const auto fileType = llamaFileType(storeAs, outPath);
    const auto configPath = (fs::path(hfFolder) / "config.json").string();
    const auto config = loadModelConfig(configPath);
    if (config.family != ModelFamily::Llama)
        throw Error(ErrorKind::Unsupported, configPath + ": model_type",
                    "\"" + config.modelType + "\" cannot be exported to GGUF yet (supported: llama, mistral, qwen2)");
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
    auto parameters = model->named_parameters(/*recurse=*/true);
    std::size_t done = 0;
    for (auto &item : parameters) {
        const auto name = ggufTensorName(item.key());
        if (!name)
            throw Error(ErrorKind::Internal, item.key(), "has no GGUF name in the llama layout");
        auto tensor = item.value();
        if (const auto heads = ropeHeadsOf(item.key(), config); heads && permute)
            tensor = ropeRowsToGgml(tensor, *heads);
        addTorchTensor(writer, *name, tensor, storageFor(*name, tensor, storeAs));
        // The encoded copy is all the writer needs: free the fp32 one as we go.
        item.value().set_data(torch::empty({0}));
        ++done;
        if (progress && !progress(done, parameters.size()))
            throw Error(ErrorKind::Cancelled, outPath, "the export was cancelled; nothing was written");
    }
    writer.write(outPath);
}

} // namespace llmos
