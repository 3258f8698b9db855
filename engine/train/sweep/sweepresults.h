#pragma once

#include "sweep/objective.h"
#include "sweep/searchspace.h"
#include "sweep/trialrecord.h"

#include <optional>
#include <string>
#include <vector>

namespace llmos {

struct LeaderboardRow {
    int trial = 0;
    Assignment parameters;
    std::optional<double> objective;
    TrialState state = TrialState::Running;
    std::int64_t step = 0;
    double seconds = 0;
    std::string runId;
    std::string reason;
};

// Every trial, best first: succeeded trials by objective in the sweep's direction, then
// pruned ones (those that got further first, then by their last value), then running
// ones, then failed and cancelled ones, each by number.
std::vector<LeaderboardRow> leaderboard(const std::vector<TrialRecord> &trials, const Objective &objective);

// The succeeded trial with the best objective; nullopt when none succeeded.
std::optional<TrialRecord> bestTrial(const std::vector<TrialRecord> &trials, const Objective &objective);

struct ParameterImportance {
    std::string path;
    double share = 0;     // of the explained spread, all parameters summing to 1
    double explained = 0; // epsilon squared: the share of the objective ranks' variance it explains
    int groups = 0;       // values, bins (and "inactive") its trials were grouped by
};

struct ImportanceReport {
    std::vector<ParameterImportance> parameters; // most important first
    std::string reason; // why there are no shares (too few trials, no spread); empty when there are
    int trials = 0;     // the succeeded trials it was computed from
};

// How much each parameter matters, by its main effect, from the succeeded trials. The
// objective is replaced by its rank (so one diverged trial with a huge loss does not make
// whichever parameter it sat with look important). The trials are grouped by the
// parameter's value: a list or choice by value, a number into floor(sqrt(m)) bins of equal
// counts over the m trials that used it (quantiles; at least 2, at most 10; equal values
// share a bin), and the trials where it was inactive into a group of their own. With k
// groups, the parameter explains epsilon squared, (SS_between - (k - 1) * MS_within) /
// SS_total clipped at 0: the share of the ranks' variance that the group means account for,
// less what k groups would account for by chance, so a parameter that does not matter
// scores near 0. The scores are then normalised to sum to 1. Interactions between
// parameters are not credited to either. Needs at least 4 succeeded trials.
ImportanceReport parameterImportance(const SearchSpace &space, const std::vector<TrialRecord> &trials);

} // namespace llmos
