#pragma once

#include "sweep/objective.h"
#include "sweep/pruner.h"

#include <map>

namespace llmos {

// Asynchronous successive halving (Li et al. 2020, "A System for Massively Parallel
// Hyperparameter Tuning"), as Optuna's SuccessiveHalvingPruner: rungs at
// minSteps * eta^(firstRung + k) below maxSteps. When a trial reaches a rung its value is
// recorded there, and it continues only if that value is among the best
// max(1, floor(n / eta)) of the n values recorded at the rung so far, its own included.
// A value reported past several unjudged rungs is judged at each of them in turn (the
// highest last); a rung judges a trial once.
class AshaPruner : public Pruner {
public:
    AshaPruner(std::int64_t minSteps, std::int64_t maxSteps, std::int64_t reductionFactor, Objective objective,
               int firstRung = 0);

    PruneDecision report(int trial, std::int64_t step, double value) override;
    std::vector<std::int64_t> rungSteps(int trial) const override;
    const std::vector<std::int64_t> &rungs() const { return m_rungs; }

private:
    std::vector<std::int64_t> m_rungs;
    std::int64_t m_reductionFactor;
    Objective m_objective;
    std::vector<std::vector<double>> m_rungValues; // per rung, every value recorded there
    std::map<int, std::size_t> m_nextRung;         // per trial, the first rung not yet judged
};

} // namespace llmos
