#pragma once

#include "sweep/objective.h"
#include "sweep/sampler.h"
#include "sweep/sweepfile.h"

namespace llmos {

// The tree-structured Parzen estimator (Bergstra et al. 2011), as Optuna's TPESampler
// does it with its defaults (univariate, prior on, magic clip on):
// - the first `startupTrials` observations come from the random strategy (same seed,
//   same draws as RandomSampler);
// - then for each parameter, the trials where it was active are ranked best first
//   (succeeded trials by objective, then pruned ones: those that got further first),
//   the best ceil(gamma * n) of them (at least 1, at most 25) are "good", the rest "bad";
// - a ParzenEstimator l(x) of the good values and g(x) of the bad ones; `candidates`
//   values are drawn from l(x) and the one with the largest l(x) / g(x) wins.
// Failed, cancelled and running trials are not observations. Pruned trials are, as
// worse than every finished one (Optuna does the same). Draws come from streams seeded by
// (seed, trial number, parameter path), so a suggestion depends only on the settings,
// the trial number and the history: a resumed sweep suggests what it would have.
class TpeSampler : public Sampler {
public:
    TpeSampler(SearchSpace space, StrategySettings settings, Objective objective);
    std::optional<Assignment> suggest(int trialNumber, const std::vector<TrialRecord> &history) override;

private:
    nlohmann::json suggestParameter(const SearchParameter &parameter, int trialNumber,
                                     const std::vector<const TrialRecord *> &observations) const;

    SearchSpace m_space;
    StrategySettings m_settings;
    Objective m_objective;
};

} // namespace llmos
