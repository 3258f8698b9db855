#pragma once

#include "sweep/objective.h"
#include "sweep/pruner.h"

#include <map>
#include <set>

namespace llmos {

// Median stopping, as Optuna's MedianPruner: once `startupTrials` trials have succeeded,
// a trial at step >= `warmupSteps` is pruned when its best value so far is worse than the
// median of the succeeded trials' values at that same step. Steps where no succeeded
// trial reported decide nothing.
class MedianPruner : public Pruner {
public:
    MedianPruner(std::int64_t startupTrials, std::int64_t warmupSteps, Objective objective);

    PruneDecision report(int trial, std::int64_t step, double value) override;
    void trialFinished(int trial, TrialState state) override;

private:
    std::int64_t m_startupTrials;
    std::int64_t m_warmupSteps;
    Objective m_objective;
    std::map<int, std::map<std::int64_t, double>> m_values; // trial -> step -> value
    std::set<int> m_succeeded;
};

} // namespace llmos
