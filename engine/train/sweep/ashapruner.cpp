#include "sweep/ashapruner.h"

#include <algorithm>
#include <cmath>

namespace llmos {

namespace {

std::string shareName(std::int64_t reductionFactor)
{
    switch (reductionFactor) {
    case 2:
        return "half";
    case 3:
        return "third";
    case 4:
        return "quarter";
    default:
        return "1/" + std::to_string(reductionFactor);
    }
}

} // namespace

AshaPruner::AshaPruner(std::int64_t minSteps, std::int64_t maxSteps, std::int64_t reductionFactor, Objective objective,
                       int firstRung)
    : m_rungs(successiveHalvingRungs(minSteps, maxSteps, reductionFactor, firstRung))
    , m_reductionFactor(reductionFactor)
    , m_objective(std::move(objective))
    , m_rungValues(m_rungs.size())
{
}

std::vector<std::int64_t> AshaPruner::rungSteps(int) const
{
    return m_rungs;
}

PruneDecision AshaPruner::report(int trial, std::int64_t step, double value)
{
    auto &next = m_nextRung[trial];
    if (next >= m_rungs.size() || step < m_rungs[next])
        return {};
    if (std::isnan(value)) {
        next = m_rungs.size();
        return {true, "pruned at step " + std::to_string(step) + ": " + m_objective.metric + " is not a number"};
    }
    while (next < m_rungs.size() && step >= m_rungs[next]) {
        auto &recorded = m_rungValues[next];
        recorded.push_back(value);
        std::vector<double> sorted = recorded;
        std::sort(sorted.begin(), sorted.end(), [&](double a, double b) { return m_objective.better(a, b); });
        // The first eta - 1 trials at a rung have no top 1/eta yet; like Optuna, the best
        // so far continues (there is no pausing a trial to promote it later).
        const std::size_t keep = std::max<std::size_t>(1, recorded.size() / static_cast<std::size_t>(m_reductionFactor));
        if (m_objective.better(sorted[keep - 1], value)) {
            const std::int64_t rung = m_rungs[next];
            next = m_rungs.size();
            const std::string best = recorded.size() / static_cast<std::size_t>(m_reductionFactor) == 0
                                         ? "the best"
                                         : "in the best " + shareName(m_reductionFactor);
            return {true, "pruned at step " + std::to_string(step) + ": " + m_objective.metric + " "
                              + formatMetric(value) + " is not " + best + " of " + std::to_string(recorded.size())
                              + " trials at "
                              + (rung == step ? std::string("this rung") : "the rung of step " + std::to_string(rung))};
        }
        ++next;
    }
    return {};
}

} // namespace llmos
