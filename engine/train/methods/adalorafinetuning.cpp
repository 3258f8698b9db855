#include "methods/adalorafinetuning.h"

#include "methods/adapterfolder.h"
#include "methods/trainability.h"
#include "util/error.h"

#include <algorithm>

namespace llmos {

AdaLoraFineTuning::AdaLoraFineTuning(AdaLoraOptions options)
    : m_options(std::move(options))
{
}

void AdaLoraFineTuning::attach(const TrainingTarget &target)
{
    m_layers = selectTargetLayers(target.model, m_options.targetModules, target.alwaysTrained,
                                  m_options.layersToTransform);
    std::vector<std::pair<std::string, std::shared_ptr<AdaLoraHookImpl>>> named;
    for (auto &layer : m_layers) {
        auto hook = std::make_shared<AdaLoraHookImpl>(layer.in(), layer.out(), m_options.schedule.initialRank,
                                                      m_options.alpha, m_options.dropout, layer.weight().options());
        layer.setHook(hook);
        m_hooks.push_back(hook);
        named.emplace_back(layer.name(), hook);
    }
    m_allocator.emplace(m_options.schedule, std::move(named));
    selectTrainable(target, [](const std::string &name) {
        return name.ends_with(".hook.lora_A") || name.ends_with(".hook.lora_B") || name.ends_with(".hook.lora_E");
    });
}

void AdaLoraFineTuning::afterOptimizerStep(std::int64_t step, std::int64_t totalSteps)
{
    if (totalSteps <= m_options.schedule.warmupSteps + m_options.schedule.finalSteps)
        throw Error(ErrorKind::InvalidInput, "method.tinit",
                    "tinit + tfinal (" + std::to_string(m_options.schedule.warmupSteps + m_options.schedule.finalSteps)
                        + ") must be below the run's " + std::to_string(totalSteps)
                        + " steps: there is no room left to reallocate ranks");
    m_totalSteps = totalSteps;
    m_allocator->update(step, totalSteps);
}

torch::Tensor AdaLoraFineTuning::extraLoss()
{
    if (m_hooks.empty() || m_options.orthogonalityWeight == 0)
        return {};
    torch::Tensor total;
    std::int64_t count = 0;
    for (const auto &hook : m_hooks) {
        const auto aaT = torch::matmul(hook->lora_A, hook->lora_A.t());
        const auto bTb = torch::matmul(hook->lora_B.t(), hook->lora_B);
        for (const auto &cov : {aaT, bTb}) {
            // The 2-norm of the flattened matrix: its Frobenius norm.
            const auto term = torch::norm(cov - torch::eye(cov.size(0), cov.options()));
            total = total.defined() ? total + term : term;
            ++count;
        }
    }
    return total * (m_options.orthogonalityWeight / static_cast<double>(count));
}

std::vector<std::pair<std::string, torch::Tensor>> AdaLoraFineTuning::checkpointState() const
{
    return m_allocator ? m_allocator->state() : std::vector<std::pair<std::string, torch::Tensor>>{};
}

void AdaLoraFineTuning::restoreCheckpointState(const std::vector<std::pair<std::string, torch::Tensor>> &state)
{
    if (!m_allocator)
        throw Error(ErrorKind::Internal, "AdaLoRA", "checkpoint state restored before the method was attached");
    m_allocator->restore(state);
}

void AdaLoraFineTuning::saveAdapter(const TrainingTarget &target, const std::filesystem::path &folder,
                                    const std::string &baseModelNameOrPath) const
{
    if (m_hooks.empty())
        throw Error(ErrorKind::Internal, folder.string(), "AdaLoRA adapter saved before it was attached");
    const auto &s = m_options.schedule;
    auto config = peftConfigBase("ADALORA", target, baseModelNameOrPath);
    config["r"] = s.initialRank;
    config["init_r"] = s.initialRank;
    config["target_r"] = s.targetRank;
    config["tinit"] = s.warmupSteps;
    config["tfinal"] = s.finalSteps;
    config["deltaT"] = s.interval;
    config["beta1"] = s.beta1;
    config["beta2"] = s.beta2;
    config["orth_reg_weight"] = m_options.orthogonalityWeight;
    config["total_step"] = m_totalSteps > 0 ? nlohmann::json(m_totalSteps) : nlohmann::json(nullptr);
    config["lora_alpha"] = m_options.alpha;
    config["lora_dropout"] = m_options.dropout;
    config["bias"] = "none";
    config["fan_in_fan_out"] = m_layers.front().transposed();
    // Pruned ranks are stored as zero singular values at full size, so rank_pattern is
    // not needed to load the tensors (PEFT then builds every layer at init_r).
    config["rank_pattern"] = nullptr;
    config["target_modules"] = targetModuleNames(m_layers);
    config["layers_to_transform"] = layersToTransformJson(m_options.layersToTransform);
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        const auto base = kPeftModelPrefix + m_layers[i].name();
        tensors.emplace_back(base + ".lora_A", m_hooks[i]->lora_A);
        tensors.emplace_back(base + ".lora_B", m_hooks[i]->lora_B);
        tensors.emplace_back(base + ".lora_E", m_hooks[i]->lora_E);
    }
    appendTaskHead(target, tensors);
    writeAdapterFolder(folder, config, tensors);
}

void AdaLoraFineTuning::mergeIntoBase(const TrainingTarget &target)
{
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        m_layers[i].addToWeight(m_hooks[i]->delta().detach());
        m_layers[i].clearHook();
    }
    m_layers.clear();
    m_hooks.clear();
    m_allocator.reset();
}

} // namespace llmos
