#pragma once

#include "registry/modelrecord.h"
#include "sweep/objective.h"
#include "sweep/sweepfile.h"
#include "sweep/sweepresults.h"
#include "sweep/trialrecord.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace llmos {

class ModelRegistry;

// The sweeps kept in <home>/sweeps, read back for `llmos sweeps list|show|promote` and
// the window: what each tried, how far it got, and which trial is best.
struct SweepSummary {
    std::string id;
    std::string name;
    // "running" (a process is running it, or it died while running: resume it),
    // "stopped" (stopped by request: resume it) or "finished".
    std::string status;
    std::string strategy; // "tpe", plus the pruner: "tpe + asha"
    Objective objective;
    int trials = 0;
    int succeeded = 0;
    int pruned = 0;
    int failed = 0;     // failed or cancelled
    int unfinished = 0; // running, or to resume
    std::optional<TrialRecord> best;
};

struct SweepReport {
    SweepSummary summary;
    SweepSpec spec;
    std::vector<LeaderboardRow> leaderboard;
    ImportanceReport importance;
    std::vector<std::string> warnings; // the journal's (a torn last line)
};

// As `llmos sweeps list|show --json` and the API print them (snake_case keys; the
// report adds the leaderboard, parameter importance and warnings to the summary).
nlohmann::json toJson(const SweepSummary &summary);
nlohmann::json toJson(const SweepReport &report);

// Every sweep, newest first. A folder that cannot be read is listed with its status
// saying why rather than hiding the others.
std::vector<SweepSummary> listSweeps(const std::string &home);

// Throws Error(NotFound) for an unknown id, Error(Format) for a damaged sweep.
SweepReport readSweep(const std::string &home, const std::string &id);

// Registers the best succeeded trial's model or adapter (kept unregistered in its run
// folder) under `name` (empty: "<sweep name>-best"), with the lineage edge from the
// base naming the trial's run and data, and the sweep in its description and tags
// ("sweep:<id>"). Throws Error(NotFound) when no trial succeeded, Error(InvalidInput)
// when the name is taken.
ModelRecord promoteBestTrial(ModelRegistry &registry, const std::string &home, const std::string &id,
                             const std::string &name = {});

} // namespace llmos
