#include "methods/bottleneckadapters.h"

#include "methods/adapterfolder.h"
#include "methods/lorafinetuning.h"
#include "methods/trainability.h"
#include "util/error.h"

namespace llmos {

const std::vector<std::string> &BottleneckAdapters::placements()
{
    static const std::vector<std::string> names{"o_proj", "down_proj", "attn.c_proj", "mlp.c_proj",
                                                "attention.output.dense", "output.dense"};
    return names;
}

BottleneckAdapters::BottleneckAdapters(BottleneckOptions options)
    : m_options(std::move(options))
{
}

void BottleneckAdapters::attach(const TrainingTarget &target)
{
    m_layers = selectTargetLayers(target.model, placements(), target.alwaysTrained);
    for (auto &layer : m_layers) {
        auto hook = std::make_shared<BottleneckHookImpl>(layer.out(), m_options.size, m_options.activation,
                                                         layer.weight().options());
        layer.setHook(hook);
        m_hooks.push_back(hook);
    }
    selectTrainable(target, [](const std::string &name) {
        for (const char *part : {".hook.down_weight", ".hook.down_bias", ".hook.up_weight", ".hook.up_bias"})
            if (name.ends_with(part))
                return true;
        return false;
    });
}

void BottleneckAdapters::saveAdapter(const TrainingTarget &target, const std::filesystem::path &folder,
                                     const std::string &baseModelNameOrPath) const
{
    auto config = peftConfigBase("BOTTLENECK", target, baseModelNameOrPath);
    config["adapter_size"] = m_options.size;
    config["adapter_activation"] = m_options.activation;
    config["target_modules"] = placements();
    config["llmos_note"] = "Houlsby bottleneck adapters; PEFT has no such type, the layout follows its LoRA files";
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        const auto base = kPeftModelPrefix + m_layers[i].name();
        tensors.emplace_back(base + ".adapter_down.weight", m_hooks[i]->down_weight);
        tensors.emplace_back(base + ".adapter_down.bias", m_hooks[i]->down_bias);
        tensors.emplace_back(base + ".adapter_up.weight", m_hooks[i]->up_weight);
        tensors.emplace_back(base + ".adapter_up.bias", m_hooks[i]->up_bias);
    }
    appendTaskHead(target, tensors);
    writeAdapterFolder(folder, config, tensors);
}

void BottleneckAdapters::mergeIntoBase(const TrainingTarget &)
{
    throw Error(ErrorKind::Unsupported, "method adapter",
                "bottleneck adapters add a non-linear module and cannot be merged into the base weights; save the "
                "adapter instead (\"merge\": false)");
}

} // namespace llmos
