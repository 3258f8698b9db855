#pragma once

#include "sweep/searchspace.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace llmos {

// Where a trial stands. Running: suggested and not finished (after a crash: to resume).
enum class TrialState { Running, Succeeded, Pruned, Failed, Cancelled };

const char *trialStateName(TrialState state) noexcept;
// The state named `name` ("succeeded", ...); nullopt for an unknown name.
std::optional<TrialState> trialStateFromName(const std::string &name);

// One trial of a sweep as the journal knows it: what it tried and how it ended.
struct TrialRecord {
    int number = 0;
    Assignment assignment;
    std::string runId;
    TrialState state = TrialState::Running;
    // The objective metric at the end (succeeded), or at the step a trial was pruned.
    std::optional<double> objective;
    std::int64_t step = 0; // the last optimizer step the trial reached
    std::string reason;    // why it was pruned or failed, in plain words
    double seconds = 0;
    std::map<std::int64_t, double> intermediates; // step -> objective metric, as reported
};

} // namespace llmos
