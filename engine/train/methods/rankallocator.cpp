#include "methods/rankallocator.h"

#include "util/error.h"

#include <cmath>

namespace llmos {

RankAllocator::RankAllocator(RankSchedule schedule,
                             std::vector<std::pair<std::string, std::shared_ptr<AdaLoraHookImpl>>> hooks)
    : m_schedule(schedule)
    , m_hooks(std::move(hooks))
{
    for (const auto &[name, hook] : m_hooks) {
        std::vector<Averages> averages;
        for (const auto *p : {&hook->lora_A, &hook->lora_B, &hook->lora_E})
            averages.push_back({torch::zeros_like(*p), torch::zeros_like(*p)});
        m_averages.push_back(std::move(averages));
    }
}

std::vector<torch::Tensor *> RankAllocator::parametersOf(std::size_t layer) const
{
    auto &hook = *m_hooks[layer].second;
    return {&hook.lora_A, &hook.lora_B, &hook.lora_E};
}

std::pair<std::int64_t, bool> RankAllocator::budget(std::int64_t step, std::int64_t totalSteps) const
{
    const auto layers = static_cast<std::int64_t>(m_hooks.size());
    const auto initial = m_schedule.initialRank * layers;
    const auto target = m_schedule.targetRank * layers;
    const auto tinit = m_schedule.warmupSteps;
    const auto tfinal = m_schedule.finalSteps;
    if (step <= tinit)
        return {initial, false};
    if (step > totalSteps - tfinal)
        return {target, true};
    const double progress = static_cast<double>(step - tinit) / static_cast<double>(totalSteps - tfinal - tinit);
    const double remaining = 1.0 - progress;
    const auto budget = static_cast<std::int64_t>(static_cast<double>(initial - target) * remaining * remaining * remaining
                                                  + static_cast<double>(target));
    return {budget, step % m_schedule.interval == 0};
}

void RankAllocator::updateImportance()
{
    torch::NoGradGuard noGrad;
    for (std::size_t layer = 0; layer < m_hooks.size(); ++layer) {
        const auto parameters = parametersOf(layer);
        for (std::size_t i = 0; i < parameters.size(); ++i) {
            const auto &p = *parameters[i];
            if (!p.grad().defined())
                continue;
            const auto importance = (p * p.grad()).abs();
            auto &avg = m_averages[layer][i];
            avg.sensitivity.mul_(m_schedule.beta1).add_(importance, 1.0 - m_schedule.beta1);
            avg.uncertainty.mul_(m_schedule.beta2).add_((importance - avg.sensitivity).abs(), 1.0 - m_schedule.beta2);
        }
    }
}

torch::Tensor RankAllocator::tripletScore(std::size_t layer) const
{
    const auto &avg = m_averages[layer];
    const auto score = [&](std::size_t i) { return avg[i].sensitivity * avg[i].uncertainty; };
    const auto a = score(0).mean(1);      // [r]: row i of A
    const auto b = score(1).mean(0);      // [r]: column i of B
    const auto e = score(2).view({-1});   // [r]
    return e + a + b;
}

void RankAllocator::maskToBudget(std::int64_t budget)
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> scores;
    for (std::size_t layer = 0; layer < m_hooks.size(); ++layer)
        scores.push_back(tripletScore(layer));
    const auto all = torch::cat(scores);
    const auto prune = all.numel() - budget;
    if (prune <= 0)
        return;
    const double threshold = std::get<0>(torch::kthvalue(all, prune)).item<double>();
    m_pattern.clear();
    for (std::size_t layer = 0; layer < m_hooks.size(); ++layer) {
        const auto pruned = scores[layer] <= threshold;
        m_hooks[layer].second->lora_E.masked_fill_(pruned.view({-1, 1}), 0.0);
        m_pattern.push_back(pruned.logical_not());
    }
}

void RankAllocator::maskWithPattern()
{
    torch::NoGradGuard noGrad;
    for (std::size_t layer = 0; layer < m_pattern.size() && layer < m_hooks.size(); ++layer)
        m_hooks[layer].second->lora_E.masked_fill_(m_pattern[layer].logical_not().view({-1, 1}), 0.0);
}

void RankAllocator::update(std::int64_t step, std::int64_t totalSteps)
{
    const auto fixedFrom = totalSteps - m_schedule.finalSteps;
    if (step < fixedFrom) {
        updateImportance();
        const auto [budget, mask] = this->budget(step, totalSteps);
        if (mask)
            maskToBudget(budget);
    } else if (step == fixedFrom) {
        updateImportance();
        maskToBudget(this->budget(step, totalSteps).first);
        for (auto &averages : m_averages) // PEFT's reset_ipt: the allocation is final
            for (auto &avg : averages) {
                avg.sensitivity.zero_();
                avg.uncertainty.zero_();
            }
    } else {
        maskWithPattern();
    }
}

std::vector<std::int64_t> RankAllocator::keptRanks() const
{
    std::vector<std::int64_t> ranks;
    for (const auto &[name, hook] : m_hooks)
        ranks.push_back((hook->lora_E != 0).sum().item<std::int64_t>());
    return ranks;
}

std::vector<std::pair<std::string, torch::Tensor>> RankAllocator::state() const
{
    static const char *parts[] = {"lora_A", "lora_B", "lora_E"};
    std::vector<std::pair<std::string, torch::Tensor>> state;
    for (std::size_t layer = 0; layer < m_hooks.size(); ++layer) {
        const auto &name = m_hooks[layer].first;
        for (std::size_t i = 0; i < 3; ++i) {
            state.emplace_back("adalora." + name + "." + parts[i] + ".exp_avg_ipt", m_averages[layer][i].sensitivity);
            state.emplace_back("adalora." + name + "." + parts[i] + ".exp_avg_unc", m_averages[layer][i].uncertainty);
        }
        if (layer < m_pattern.size())
            state.emplace_back("adalora." + name + ".rank_pattern", m_pattern[layer]);
    }
    return state;
}

void RankAllocator::restore(const std::vector<std::pair<std::string, torch::Tensor>> &state)
{
    static const char *parts[] = {"lora_A", "lora_B", "lora_E"};
    const auto find = [&](const std::string &key) -> const torch::Tensor * {
        for (const auto &[name, tensor] : state)
            if (name == key)
                return &tensor;
        return nullptr;
    };
    const auto copyInto = [&](torch::Tensor &into, const std::string &key) {
        const auto *from = find(key);
        if (!from)
            throw Error(ErrorKind::Format, key, "missing from the checkpoint's AdaLoRA state");
        if (from->sizes() != into.sizes())
            throw Error(ErrorKind::Format, key, "has another shape than the model's AdaLoRA layer");
        into.copy_(*from);
    };
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> pattern;
    for (std::size_t layer = 0; layer < m_hooks.size(); ++layer) {
        const auto &name = m_hooks[layer].first;
        for (std::size_t i = 0; i < 3; ++i) {
            copyInto(m_averages[layer][i].sensitivity, "adalora." + name + "." + parts[i] + ".exp_avg_ipt");
            copyInto(m_averages[layer][i].uncertainty, "adalora." + name + "." + parts[i] + ".exp_avg_unc");
        }
        if (const auto *kept = find("adalora." + name + ".rank_pattern"))
            pattern.push_back(kept->to(torch::kBool).clone());
    }
    if (!pattern.empty() && pattern.size() != m_hooks.size())
        throw Error(ErrorKind::Format, "adalora rank_pattern", "present for some layers only");
    m_pattern = std::move(pattern);
}

} // namespace llmos
