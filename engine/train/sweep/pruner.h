#pragma once

#include "sweep/trialrecord.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace llmos {

struct SweepSpec;
struct PrunerSettings;

struct PruneDecision {
    bool prune = false;
    std::string reason; // when pruning, why, in plain words
};

// Early stopping of weak trials. The runner reports each trial's objective metric at
// its evaluations (the resource is optimizer steps) and stops a trial told to prune.
// Decisions depend only on the order of reports and finishes, so feeding a fresh pruner
// a sweep's journal (restorePruner) rebuilds the same state after a crash.
class Pruner {
public:
    virtual ~Pruner() = default;
    // `value` of `trial` at optimizer `step`. A trial's reports come in step order;
    // reporting a step again (a resumed run evaluates again) decides nothing new.
    virtual PruneDecision report(int trial, std::int64_t step, double value) = 0;
    // A trial ended; median pruning compares against the succeeded ones.
    virtual void trialFinished(int trial, TrialState state);
    // The steps at which `trial` can be pruned; empty: at any evaluation.
    virtual std::vector<std::int64_t> rungSteps(int trial) const;
};

// Never prunes (pruner "none").
class NoPruner : public Pruner {
public:
    PruneDecision report(int trial, std::int64_t step, double value) override;
};

// The pruner the sweep names.
std::unique_ptr<Pruner> makePruner(const SweepSpec &spec);

// Successive-halving rungs: minSteps * reductionFactor^k for k >= firstRung, below
// maxSteps. A rung at maxSteps itself would only judge trials that already finished
// their training, so there is none.
std::vector<std::int64_t> successiveHalvingRungs(std::int64_t minSteps, std::int64_t maxSteps,
                                                 std::int64_t reductionFactor, int firstRung = 0);

// The evaluation interval trials need so the pruner sees every rung: the greatest
// common divisor of all rung steps (of every Hyperband bracket). 0 for median pruning
// and none, which use the recipe's own training.eval_every.
std::int64_t pruningEvalEvery(const PrunerSettings &settings);

// "2.31" for messages: six significant digits.
std::string formatMetric(double value);

} // namespace llmos
