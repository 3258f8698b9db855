#include "methods/lorafinetuning.h"

#include "methods/adapterfolder.h"
#include "methods/trainability.h"
#include "util/error.h"

#include <algorithm>
#include <cmath>

namespace llmos {

double LoraOptions::scale() const
{
    return rsLora ? alpha / std::sqrt(static_cast<double>(rank)) : alpha / static_cast<double>(rank);
}

namespace {

// PEFT's TRANSFORMERS_MODELS_TO_LORA_TARGET_MODULES_MAPPING for our families.
std::vector<std::string> defaultTargets(const std::vector<LinearLayer> &layers)
{
    for (const auto &layer : layers) {
        if (nameMatchesTarget(layer.name(), "c_attn"))
            return {"c_attn"};
        if (nameMatchesTarget(layer.name(), "q_proj"))
            return {"q_proj", "v_proj"};
        if (nameMatchesTarget(layer.name(), "query"))
            return {"query", "value"};
    }
    return {};
}

// "c_attn, c_proj, c_fc": the kinds of linear layer a model has, for an error message.
std::string linearKinds(const std::vector<LinearLayer> &layers)
{
    std::string available;
    for (const auto &layer : layers) {
        const auto last = layer.name().substr(layer.name().rfind('.') + 1);
        if (available.find(last) == std::string::npos)
            available += (available.empty() ? "" : ", ") + last;
    }
    return available;
}

} // namespace

std::vector<LinearLayer> selectTargetLayers(torch::nn::Module &model, const std::vector<std::string> &targets,
                                            const std::vector<std::string> &excludedPrefixes,
                                            const std::vector<std::int64_t> &layers)
{
    std::vector<LinearLayer> candidates;
    for (auto &layer : findLinearLayers(model))
        if (!startsWithAny(layer.name() + ".", excludedPrefixes))
            candidates.push_back(layer);
    const bool allLinear = targets.size() == 1 && targets.front() == "all-linear";
    const auto names = targets.empty() ? defaultTargets(candidates) : targets;
    std::vector<LinearLayer> selected;
    for (auto &layer : candidates) {
        bool match = allLinear;
        for (const auto &target : names)
            match = match || nameMatchesTarget(layer.name(), target);
        if (match)
            selected.push_back(layer);
    }
    if (selected.empty())
        throw Error(ErrorKind::InvalidInput, "method.target_modules",
                    "names no linear layer of this model (its linear layers: " + linearKinds(candidates) + ")");
    if (layers.empty())
        return selected;
    std::vector<LinearLayer> inLayers;
    std::int64_t layerCount = 0;
    for (auto &layer : selected) {
        const auto index = layer.layerIndex();
        layerCount = std::max(layerCount, index.value_or(-1) + 1);
        if (index && std::find(layers.begin(), layers.end(), *index) != layers.end())
            inLayers.push_back(layer);
    }
    if (inLayers.empty())
        throw Error(ErrorKind::InvalidInput, "method.layers_to_transform",
                    "names no layer that has the target modules (this model's layers are numbered 0.."
                        + std::to_string(layerCount - 1) + ")");
    return inLayers;
}

LoraFineTuning::LoraFineTuning(LoraOptions options)
    : m_options(std::move(options))
{
}

void LoraFineTuning::attach(const TrainingTarget &target)
{
    m_layers = selectTargetLayers(target.model, m_options.targetModules, target.alwaysTrained,
                                  m_options.layersToTransform);
    for (auto &layer : m_layers) {
        auto hook = std::make_shared<LoraHookImpl>(layer.in(), layer.out(), m_options.rank, m_options.scale(),
                                                   m_options.dropout, layer.weight().options());
        layer.setHook(hook);
        m_hooks.push_back(hook);
    }
    selectTrainable(target, [](const std::string &name) {
        return name.ends_with(".hook.lora_A") || name.ends_with(".hook.lora_B");
    });
}

void LoraFineTuning::saveAdapter(const TrainingTarget &target, const std::filesystem::path &folder,
                                 const std::string &baseModelNameOrPath) const
{
    if (m_hooks.empty())
        throw Error(ErrorKind::Internal, folder.string(), "LoRA adapter saved before it was attached");
    auto config = peftConfigBase("LORA", target, baseModelNameOrPath);
    config["r"] = m_options.rank;
    config["lora_alpha"] = m_options.alpha;
    config["lora_dropout"] = m_options.dropout;
    config["use_rslora"] = m_options.rsLora;
    config["bias"] = "none";
    config["fan_in_fan_out"] = m_layers.front().transposed(); // GPT-2's Conv1D
    config["init_lora_weights"] = true;
    config["use_dora"] = false;
    config["layers_to_transform"] = layersToTransformJson(m_options.layersToTransform);
    config["layers_pattern"] = nullptr;
    config["rank_pattern"] = nlohmann::json::object();
    config["alpha_pattern"] = nlohmann::json::object();
    config["target_modules"] = targetModuleNames(m_layers);

    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        const auto base = kPeftModelPrefix + m_layers[i].name();
        tensors.emplace_back(base + ".lora_A.weight", m_hooks[i]->lora_A);
        tensors.emplace_back(base + ".lora_B.weight", m_hooks[i]->lora_B);
    }
    appendTaskHead(target, tensors);
    writeAdapterFolder(folder, config, tensors);
}

void LoraFineTuning::mergeIntoBase(const TrainingTarget &target)
{
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        m_layers[i].addToWeight(m_hooks[i]->delta().detach());
        m_layers[i].clearHook();
    }
    m_layers.clear();
    m_hooks.clear();
}

} // namespace llmos
