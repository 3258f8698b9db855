#include "training/trainablesummary.h"

#include "architectures/bertloader.h"
#include "architectures/bertmodel.h"
#include "architectures/causallmloader.h"
#include "methods/linearlayer.h"
#include "methods/methodfactory.h"
#include "methods/trainability.h"
#include "training/bertsequenceclassifier.h"
#include "training/cpugenerator.h"
#include "training/decodersequenceclassifier.h"

#include <filesystem>
#include <map>

namespace llmos {

namespace {

// The network a run of `recipe` trains, its parameters left unfilled, and what the task
// always trains (the new head).
struct SkeletonNetwork {
    std::shared_ptr<torch::nn::Module> network;
    std::vector<std::string> alwaysTrained;
};

SkeletonNetwork buildSkeleton(const TrainingRecipe &recipe, const ModelConfig &config, std::int64_t labelCount)
{
    if (recipe.task.kind != TrainingTaskKind::Classification)
        return {buildCausalLm(config).ptr(), {}};
    std::shared_ptr<SequenceClassifierImpl> classifier;
    if (config.family == ModelFamily::Bert)
        classifier = std::make_shared<BertSequenceClassifierImpl>(BertModel(config, /*withPooler=*/true), labelCount);
    else
        classifier = std::make_shared<DecoderSequenceClassifierImpl>(buildCausalLm(config), labelCount);
    return {classifier, {classifier->headPrefix()}};
}

// The skeleton with `method` attached as a run attaches it. A new classification head and
// the method's additions draw their initial values from the process's one generator: a
// run starting on another thread must still get the numbers its seed gives, so this draws
// under the runs' lock and puts the generator back.
SkeletonNetwork attachedSkeleton(const TrainingRecipe &recipe, ModelConfig &config, std::int64_t labelCount,
                                 FineTuningMethod &method)
{
    std::lock_guard<std::mutex> seeding(seedingMutex());
    const GeneratorStateRestorer keep;
    auto skeleton = buildSkeleton(recipe, config, labelCount);
    // Prompt tuning from a text reads its embeddings' rows; which rows does not change
    // any count, so the first row stands in for the text.
    const TrainingTarget target{*skeleton.network, config, skeleton.alwaysTrained,
                                [](const std::string &) { return std::vector<std::int64_t>{0}; }};
    attachMethod(method, target);
    return skeleton;
}

ParameterGroup &groupNamed(std::vector<ParameterGroup> &groups, std::map<std::string, std::size_t> &index,
                           const std::string &name)
{
    const auto [found, added] = index.try_emplace(name, groups.size());
    if (added)
        groups.push_back(ParameterGroup{name});
    return groups[found->second];
}

void add(ParameterGroup &group, std::int64_t count, bool trainable)
{
    group.parameters += count;
    if (trainable)
        group.trainable += count;
}

} // namespace

std::string moduleKindOf(const std::string &parameterName)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (auto dot = parameterName.find('.'); dot != std::string::npos; dot = parameterName.find('.', start)) {
        parts.push_back(parameterName.substr(start, dot - start));
        start = dot + 1;
    }
    // Drop the parameter's own name, and what a hook adds below the module it hooks.
    for (std::size_t i = 0; i < parts.size(); ++i)
        if (parts[i] == "hook") {
            parts.resize(i);
            break;
        }
    while (!parts.empty() && !parts.back().empty()
           && parts.back().find_first_not_of("0123456789") == std::string::npos)
        parts.pop_back(); // a list index ("layers.0") names no kind
    return parts.empty() ? parameterName.substr(start) : parts.back();
}

TrainableSummary summarizeTrainable(const TrainingRecipe &recipe, std::int64_t labelCount)
{
    const auto configPath = (std::filesystem::path(recipe.modelPath) / "config.json").string();
    auto config = loadModelConfig(configPath);
    if (config.family == ModelFamily::Bert)
        config = loadBertConfig(configPath).model; // as the BERT loader reads it
    auto method = makeFineTuningMethod(recipe.method);
    const auto skeleton = attachedSkeleton(recipe, config, labelCount, *method);

    TrainableSummary summary;
    summary.method = method->kind();
    summary.layerCount = config.numLayers;
    for (std::int64_t i = 0; i < config.numLayers; ++i)
        summary.layers.push_back(ParameterGroup{std::to_string(i)});
    summary.outsideLayers.name = "outside";
    std::map<std::string, std::size_t> moduleIndex;
    for (const auto &item : skeleton.network->named_parameters()) {
        const auto count = item.value().numel();
        const bool trainable = item.value().requires_grad();
        summary.totalParameters += count;
        add(groupNamed(summary.modules, moduleIndex, moduleKindOf(item.key())), count, trainable);
        const auto layer = layerIndexOf(item.key());
        add(layer && *layer < config.numLayers ? summary.layers[static_cast<std::size_t>(*layer)]
                                               : summary.outsideLayers,
            count, trainable);
    }
    summary.trainableParameters = countTrainableParameters(*skeleton.network);
    for (const auto &layer : findLinearLayers(*skeleton.network)) {
        const auto kind = moduleKindOf(layer.name() + ".weight");
        if (!startsWithAny(layer.name() + ".", skeleton.alwaysTrained)
            && std::find(summary.linearModules.begin(), summary.linearModules.end(), kind) == summary.linearModules.end())
            summary.linearModules.push_back(kind);
    }
    return summary;
}

} // namespace llmos
