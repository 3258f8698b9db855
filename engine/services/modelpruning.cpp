#include "services/modelpruning.h"

#include "architectures/causallmloader.h"
#include "architectures/encoderinput.h"
#include "formats/safetensorsweights.h"
#include "formats/tensorload.h"
#include "model/modelconfig.h"
#include "registry/modelregistry.h"
#include "training/tokenizercompanions.h"
#include "util/atomicfile.h"
#include "util/error.h"
#include "util/partialfolder.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <regex>
#include <set>

namespace llmos {

namespace {

namespace fs = std::filesystem;

constexpr double kMostSparsity = 0.95;

// Where a checkpoint names its decoder layers: "model.layers.N." (Llama family) or
// "transformer.h.N." / "h.N." (GPT-2), and the config field that counts them.
struct LayerNaming {
    std::regex pattern; // prefix, layer number, rest
    const char *countField;
};

LayerNaming layerNaming(const ModelConfig &config, const std::string &where)
{
    switch (config.family) {
    case ModelFamily::Llama: return {std::regex(R"(^(model\.layers\.)(\d+)(\..*)$)"), "num_hidden_layers"};
    case ModelFamily::Gpt2: return {std::regex(R"(^((?:transformer\.)?h\.)(\d+)(\..*)$)"), "n_layer"};
    case ModelFamily::Bert: break;
    }
    throw Error(ErrorKind::Unsupported, where, "pruning works on GPT-2 and Llama-family language models");
}

// The linear weights magnitude pruning thins: 2-D matrices inside the decoder layers.
bool isLayerMatrix(const at::Tensor &tensor, const std::string &rest)
{
    return tensor.dim() == 2 && rest.ends_with(".weight");
}

// `tensor` with its `share` smallest-magnitude entries set to zero (ties at the threshold
// keep their first entries), and the number zeroed.
std::pair<at::Tensor, std::int64_t> magnitudePruned(const at::Tensor &tensor, double share)
{
    const auto values = tensor.to(torch::kFloat).flatten().clone();
    const auto count = static_cast<std::int64_t>(std::floor(share * static_cast<double>(values.numel())));
    if (count == 0)
        return {tensor, 0};
    const auto smallest = std::get<1>(values.abs().topk(count, 0, /*largest=*/false, /*sorted=*/false));
    values.index_fill_(0, smallest, 0.0f);
    return {values.view(tensor.sizes()).to(tensor.scalar_type()), count};
}

} // namespace

nlohmann::json toJson(const ModelPruningReport &r)
{
    auto json = toJson(r.comparison);
    json["source"] = {{"id", r.sourceId}, {"name", r.sourceName}};
    json["model"] = {{"id", r.modelId}, {"name", r.modelName}};
    json["dropped_layers"] = r.droppedLayers;
    json["sparsity"] = r.sparsity;
    json["parameters"] = {{"source", r.sourceParameters}, {"kept", r.keptParameters}};
    return json;
}

void writePrunedModel(const std::string &sourcePath, const ModelPruningRequest &request, const std::string &folder,
                      ModelPruningReport &report)
{
    if (isGgufFile(sourcePath))
        throw Error(ErrorKind::Unsupported, sourcePath,
                    "is a GGUF file; pruning rewrites Hugging Face folders (export the model as one first)");
    const auto configPath = (fs::path(sourcePath) / "config.json").string();
    auto configJson = readJsonFile(configPath);
    const auto config = parseModelConfig(configJson, configPath);
    const auto naming = layerNaming(config, configPath);
    if (!(request.sparsity >= 0 && request.sparsity <= kMostSparsity))
        throw Error(ErrorKind::InvalidInput, "sparsity", "must be between 0 and 0.95");
    const std::set<std::int64_t> dropped(request.dropLayers.begin(), request.dropLayers.end());
    for (const auto layer : dropped)
        if (layer < 0 || layer >= config.numLayers)
            throw Error(ErrorKind::InvalidInput, "layers",
                        "the model has layers 0 to " + std::to_string(config.numLayers - 1) + "; there is no layer " +
                            std::to_string(layer));
    if (static_cast<std::int64_t>(dropped.size()) >= config.numLayers)
        throw Error(ErrorKind::InvalidInput, "layers", "dropping every layer leaves no model; keep at least one");
    if (dropped.empty() && request.sparsity == 0)
        throw Error(ErrorKind::InvalidInput, "prune", "nothing to do: give layers to drop, a sparsity, or both");

    // Kept layer number -> its new number.
    std::vector<std::int64_t> renumbered(static_cast<std::size_t>(config.numLayers), -1);
    for (std::int64_t layer = 0, next = 0; layer < config.numLayers; ++layer)
        if (!dropped.contains(layer))
            renumbered[static_cast<std::size_t>(layer)] = next++;

    const auto weights = SafetensorsWeights::openFolder(sourcePath);
    std::vector<std::pair<std::string, at::Tensor>> tensors;
    std::size_t done = 0;
    for (const auto &[name, entry] : weights.tensors()) {
        if (request.progress && !request.progress(0.2 * static_cast<double>(done++) / static_cast<double>(weights.tensors().size())))
            throw Error(ErrorKind::Cancelled, sourcePath, "pruning was cancelled");
        auto tensor = toTorch(entry);
        report.sourceParameters += tensor.numel();
        std::smatch match;
        if (!std::regex_match(name, match, naming.pattern)) {
            report.keptParameters += tensor.numel();
            tensors.emplace_back(name, tensor);
            continue;
        }
        const auto layer = std::stoll(match[2].str());
        if (layer >= config.numLayers)
            throw Error(ErrorKind::Format, sourcePath + ": " + name,
                        "belongs to a layer the config does not have (num_hidden_layers / n_layer)");
        if (renumbered[static_cast<std::size_t>(layer)] < 0)
            continue;
        const auto rest = match[3].str();
        std::int64_t zeroed = 0;
        if (request.sparsity > 0 && isLayerMatrix(tensor, rest))
            std::tie(tensor, zeroed) = magnitudePruned(tensor, request.sparsity);
        report.keptParameters += tensor.numel() - zeroed;
        tensors.emplace_back(match[1].str() + std::to_string(renumbered[static_cast<std::size_t>(layer)]) + rest, tensor);
    }
    fs::create_directories(folder);
    // Weights first, config last: a folder with a config.json has complete weights.
    writeSafetensors((fs::path(folder) / "model.safetensors").string(), tensors, {{"format", "pt"}});
    configJson[naming.countField] = config.numLayers - static_cast<std::int64_t>(dropped.size());
    writeFileAtomically((fs::path(folder) / "config.json").string(), configJson.dump(2) + "\n");
    copyTokenizerCompanions(sourcePath, folder);
    report.droppedLayers.assign(dropped.begin(), dropped.end());
    report.sparsity = request.sparsity;
}

ModelPruningReport pruneRegisteredModel(ModelRegistry &registry, const ModelPruningRequest &request)
{
    const auto source = openDerivationSource(registry, request.model, request.name, "-pruned", "prune");
    ModelPruningReport result;
    result.sourceId = source.model.id;
    result.sourceName = source.model.name;
    result.modelName = source.name;
    PartialFolder staging(fs::path(registry.home()) / "pruned");
    const auto prunedPath = staging.path().string();
    writePrunedModel(source.path, request, prunedPath, result);

    ComparisonOptions comparison;
    comparison.perplexityData = request.perplexityData;
    comparison.perplexityExamples = request.perplexityExamples;
    comparison.progress = [&](bool derived) { return !request.progress || request.progress(derived ? 0.6 : 0.25); };
    result.comparison = compareDerivedModel(source.path, prunedPath, comparison);
    if (request.progress && !request.progress(0.95))
        throw Error(ErrorKind::Cancelled, request.model, "pruning was cancelled");

    std::string what;
    if (!result.droppedLayers.empty())
        what = std::to_string(result.droppedLayers.size()) + " of " + std::to_string(result.droppedLayers.size() +
               static_cast<std::size_t>(loadModelConfig((staging.path() / "config.json").string()).numLayers)) +
               " layers removed";
    if (result.sparsity > 0)
        what += (what.empty() ? "" : ", ") + std::to_string(static_cast<int>(std::lround(result.sparsity * 100))) +
                "% of the layers' weights zeroed by magnitude";
    // Origin "fine-tuned": the registry's origins name how a model's weights came to be
    // changed from a parent's; the lineage edge says it was pruning.
    result.modelId = registerDerivedModel(registry, source, prunedPath, ModelOrigin::FineTuned, LineageKind::Prune,
                                          "Pruned from " + source.model.name + ": " + what, toJson(result), "prunings");
    return result;
}

} // namespace llmos
