#include "methods/bitfit.h"

#include "architectures/causallm.h"
#include "methods/linearlayer.h"
#include "methods/trainability.h"

namespace llmos {

namespace {

// Llama-family projections and the config flag that gives them a bias.
enum class BiasGroup { None, Attention, Mlp };

BiasGroup groupOf(const std::string &name, const ModelConfig &config)
{
    if (config.family != ModelFamily::Llama)
        return BiasGroup::None;
    for (const char *p : {"q_proj", "k_proj", "v_proj"})
        if (nameMatchesTarget(name, p))
            return BiasGroup::Attention;
    // Qwen2 never has an o_proj bias, whatever attention_bias says: leave it out.
    if (nameMatchesTarget(name, "o_proj") && config.modelType != "qwen2")
        return BiasGroup::Attention;
    for (const char *p : {"gate_proj", "up_proj", "down_proj"})
        if (nameMatchesTarget(name, p))
            return BiasGroup::Mlp;
    return BiasGroup::None;
}

} // namespace

void BitFit::attach(const TrainingTarget &target)
{
    auto *lm = findCausalLm(target.model);
    bool attention = false;
    bool mlp = false;
    for (auto &layer : findLinearLayers(target.model)) {
        if (layer.bias().defined())
            continue;
        const auto group = groupOf(layer.name(), target.config);
        if (group == BiasGroup::None)
            continue; // e.g. a task head without bias: trained whole through alwaysTrained, or not at all
        layer.ensureBias();
        (group == BiasGroup::Attention ? attention : mlp) = true;
    }
    if (attention)
        target.config.attentionBias = true;
    if (mlp)
        target.config.mlpBias = true;
    if (lm && (attention || mlp)) {
        auto config = lm->config();
        config.attentionBias = config.attentionBias || attention;
        config.mlpBias = config.mlpBias || mlp;
        lm->updateConfig(config);
    }
    selectTrainable(target, [](const std::string &name) { return name == "bias" || name.ends_with(".bias"); });
}

} // namespace llmos
