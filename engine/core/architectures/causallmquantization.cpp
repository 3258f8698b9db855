#include "architectures/causallmquantization.h"

#include "architectures/projection.h"
#include "architectures/tokenembedding.h"
#include "formats/tensorload.h"
#include "util/atomicfile.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <set>
#include <utility>
#include <vector>

namespace llmos {

namespace {

constexpr const char *kHead = "lm_head";

// Every Projection of the model with its module name ("model.layers.0.self_attn.q_proj").
std::vector<std::pair<std::string, ProjectionImpl *>> projectionsOf(const torch::nn::Module &model)
{
    std::vector<std::pair<std::string, ProjectionImpl *>> out;
    for (const auto &item : model.named_modules("", /*include_self=*/false))
        if (auto *projection = dynamic_cast<ProjectionImpl *>(item.value().get()))
            out.emplace_back(item.key(), projection);
    return out;
}

// The untied LM head's table, or nullptr (tied, or a family without one).
TokenEmbeddingImpl *untiedHead(const CausalLmImpl &model)
{
    for (const auto &item : model.named_children())
        if (item.key() == kHead)
            return dynamic_cast<TokenEmbeddingImpl *>(item.value().get());
    return nullptr;
}

void requireLlamaFamily(const CausalLmImpl &model)
{
    if (model.config().family != ModelFamily::Llama)
        throw Error(ErrorKind::Unsupported, model.config().modelType,
                    "weight quantization runs the Llama family (llama, mistral, qwen2); this is a " +
                        model.config().modelType + " model");
}

// The stored tensors of one quantized matrix under module name `name`, as compressed-
// tensors names them.
void addStored(std::vector<std::pair<std::string, at::Tensor>> &tensors, const std::string &name,
               const QuantizedMatrix &matrix)
{
    if (matrix.scheme().bits == 8) {
        tensors.emplace_back(name + ".weight", matrix.values().contiguous());
    } else {
        // Eight 4-bit values per int32 word, lowest bits first: on a little-endian machine
        // exactly our bytes (quantizedkernels.h).
        tensors.emplace_back(name + ".weight_packed", matrix.values().contiguous().view(torch::kInt));
        tensors.emplace_back(name + ".weight_shape", torch::tensor({matrix.rows(), matrix.cols()}, torch::kLong));
    }
    tensors.emplace_back(name + ".weight_scale", matrix.scales().contiguous());
}

// The quantized matrix stored under module name `name` for a [rows, cols] weight.
QuantizedMatrix readStored(const SafetensorsWeights &weights, const std::string &name, const WeightQuantization &scheme,
                           std::int64_t rows, std::int64_t cols)
{
    const auto tensor = [&](const std::string &suffix) {
        const auto *entry = weights.find(name + suffix);
        if (!entry)
            throw Error(ErrorKind::NotFound, name + suffix,
                        "is missing; a " + scheme.describe() + " quantized model stores it for every linear layer");
        return toTorch(*entry);
    };
    if (scheme.bits == 4) {
        const auto shape = tensor(".weight_shape").to(torch::kLong).reshape({-1});
        if (shape.numel() != 2 || shape[0].item<std::int64_t>() != rows || shape[1].item<std::int64_t>() != cols)
            throw Error(ErrorKind::Format, name + ".weight_shape",
                        "does not say [" + std::to_string(rows) + ", " + std::to_string(cols) + "], the shape the " +
                            "config implies");
        return QuantizedMatrix::fromStored(tensor(".weight_packed"), tensor(".weight_scale"), scheme, rows, cols,
                                           name + ".weight_packed");
    }
    const auto values = tensor(".weight");
    if (values.scalar_type() != torch::kChar)
        throw Error(ErrorKind::Format, name + ".weight", "must be I8 in an int8 quantized model");
    return QuantizedMatrix::fromStored(values, tensor(".weight_scale"), scheme, rows, cols, name + ".weight");
}

} // namespace

void quantizeCausalLm(CausalLmImpl &model, const WeightQuantization &requested)
{
    requireLlamaFamily(model);
    if (model.quantization())
        throw Error(ErrorKind::InvalidInput, "quantize", "the model is quantized already (" +
                                                             model.quantization()->describe() + ")");
    auto scheme = requested;
    auto *head = untiedHead(model);
    scheme.quantizedHead = requested.quantizedHead && head != nullptr;
    // Quantize everything first, so that a matrix the scheme does not fit leaves the
    // model as it was.
    std::vector<std::pair<ProjectionImpl *, std::shared_ptr<const QuantizedMatrix>>> done;
    for (const auto &[name, projection] : projectionsOf(model))
        done.emplace_back(projection, std::make_shared<const QuantizedMatrix>(
                                          QuantizedMatrix::quantize(projection->weight, scheme)));
    std::shared_ptr<const QuantizedMatrix> quantizedHead;
    if (scheme.quantizedHead)
        quantizedHead = std::make_shared<const QuantizedMatrix>(QuantizedMatrix::quantize(head->weight, scheme));
    for (auto &[projection, matrix] : done)
        projection->setQuantized(std::move(matrix));
    if (quantizedHead) {
        torch::NoGradGuard noGrad;
        model.setQuantizedHead(std::move(quantizedHead));
        head->weight.set_data(torch::empty({0}));
    }
    auto config = model.config();
    config.quantization = scheme;
    model.updateConfig(std::move(config));
    model.fuseProjections();
}

void saveQuantizedCausalLm(const CausalLmImpl &model, const std::string &folder)
{
    if (!model.quantization())
        throw Error(ErrorKind::InvalidInput, folder, "the model is not quantized; save it with saveCausalLm");
    std::vector<std::pair<std::string, at::Tensor>> tensors;
    std::set<std::string> quantizedParameters;
    for (const auto &[name, projection] : projectionsOf(model)) {
        if (!projection->quantized)
            continue;
        addStored(tensors, name, *projection->quantized);
        quantizedParameters.insert(name + ".weight");
    }
    if (const auto *head = model.quantizedHead()) {
        addStored(tensors, kHead, *head);
        quantizedParameters.insert(std::string(kHead) + ".weight");
    }
    for (const auto &item : model.named_parameters(/*recurse=*/true))
        if (!quantizedParameters.contains(item.key()))
            tensors.emplace_back(item.key(), item.value().detach().to(torch::kFloat).contiguous());

    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec)
        throw Error(ErrorKind::Io, folder, "cannot create the folder: " + ec.message());
    // Weights first, config last: a folder with a config.json has complete weights.
    writeSafetensors((std::filesystem::path(folder) / "model.safetensors").string(), tensors, {{"format", "pt"}});
    auto config = modelConfigToJson(model.config());
    config["torch_dtype"] = "float32";
    writeFileAtomically((std::filesystem::path(folder) / "config.json").string(), config.dump(2) + "\n");
}

CheckpointNaming loadQuantizedWeights(CausalLmImpl &model, const SafetensorsWeights &weights, CheckpointNaming naming)
{
    requireLlamaFamily(model);
    const auto scheme = *model.quantization();
    auto quantized = std::make_shared<std::set<std::string, std::less<>>>();
    for (const auto &[name, projection] : projectionsOf(model)) {
        const auto rows = projection->weight.size(0);
        const auto cols = projection->weight.size(1);
        projection->setQuantized(std::make_shared<const QuantizedMatrix>(readStored(weights, name, scheme, rows, cols)));
        quantized->insert(name);
    }
    if (auto *head = untiedHead(model); head && scheme.quantizedHead) {
        model.setQuantizedHead(std::make_shared<const QuantizedMatrix>(
            readStored(weights, kHead, scheme, head->weight.size(0), head->weight.size(1))));
        torch::NoGradGuard noGrad;
        head->weight.set_data(torch::empty({0}));
        quantized->insert(kHead);
    }
    // "<module>.weight" of a quantized module is loaded here; its stored tensors are not
    // the generic loader's.
    const auto moduleOf = [](std::string_view tensor) {
        for (const auto *suffix : {".weight_packed", ".weight_scale", ".weight_shape", ".weight"})
            if (tensor.ends_with(suffix))
                return tensor.substr(0, tensor.size() - std::string_view(suffix).size());
        return std::string_view();
    };
    naming.loadedElsewhere = [quantized, moduleOf](const std::string &parameter) {
        return quantized->contains(moduleOf(parameter));
    };
    naming.isIgnorable = [quantized, moduleOf, base = naming.isIgnorable](std::string_view name) {
        return quantized->contains(moduleOf(name)) || base(name);
    };
    return naming;
}

std::int64_t quantizedWeightBytes(const CausalLmImpl &model)
{
    std::int64_t bytes = model.quantizedHead() ? model.quantizedHead()->bytes() : 0;
    for (const auto &[name, projection] : projectionsOf(model))
        if (projection->quantized)
            bytes += projection->quantized->bytes();
    return bytes;
}

} // namespace llmos
