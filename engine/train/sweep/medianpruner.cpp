#include "sweep/medianpruner.h"

#include <algorithm>
#include <cmath>

namespace llmos {

MedianPruner::MedianPruner(std::int64_t startupTrials, std::int64_t warmupSteps, Objective objective)
    : m_startupTrials(startupTrials)
    , m_warmupSteps(warmupSteps)
    , m_objective(std::move(objective))
{
}

void MedianPruner::trialFinished(int trial, TrialState state)
{
    if (state == TrialState::Succeeded)
        m_succeeded.insert(trial);
}

PruneDecision MedianPruner::report(int trial, std::int64_t step, double value)
{
    auto &mine = m_values[trial];
    mine[step] = value;
    if (m_succeeded.empty() || static_cast<std::int64_t>(m_succeeded.size()) < m_startupTrials || step < m_warmupSteps)
        return {};

    double best = std::nan("");
    for (const auto &[s, v] : mine)
        if (s <= step && (std::isnan(best) || m_objective.better(v, best)))
            best = v;
    if (std::isnan(best))
        return {true, "pruned at step " + std::to_string(step) + ": " + m_objective.metric + " is not a number"};

    std::vector<double> others;
    for (int t : m_succeeded) {
        if (t == trial)
            continue;
        const auto values = m_values.find(t);
        if (values == m_values.end())
            continue;
        const auto at = values->second.find(step);
        if (at != values->second.end() && !std::isnan(at->second))
            others.push_back(at->second);
    }
    if (others.empty())
        return {};
    std::sort(others.begin(), others.end());
    const std::size_t n = others.size();
    const double median = n % 2 == 1 ? others[n / 2] : 0.5 * (others[n / 2 - 1] + others[n / 2]);
    if (!m_objective.better(median, best))
        return {};
    return {true, "pruned at step " + std::to_string(step) + ": " + m_objective.metric + " " + formatMetric(best)
                      + (best == value ? "" : " (its best so far)") + " is worse than the median "
                      + formatMetric(median) + " of " + std::to_string(n) + " finished trials at this step"};
}

} // namespace llmos
