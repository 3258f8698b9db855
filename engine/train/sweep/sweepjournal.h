#pragma once

#include "sweep/trialrecord.h"
#include "util/linelog.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace llmos {

class Pruner;

// How a trial ended, as the journal records it.
struct TrialOutcome {
    int trial = 0;
    TrialState state = TrialState::Succeeded; // succeeded, pruned, failed or cancelled
    std::optional<double> objective;
    std::int64_t step = 0;
    std::string reason;
    double seconds = 0;
};

// What the pruner saw, in journal order: a report, or the end of a trial.
struct PruningEvent {
    int trial = 0;
    bool finished = false;
    std::int64_t step = 0; // report
    double value = 0;      // report (NaN when the metric was not a number)
    TrialState state = TrialState::Running; // finish
};

// A sweep rebuilt from its journal.
struct SweepState {
    std::vector<TrialRecord> trials; // trials[k] is trial number k
    std::vector<PruningEvent> pruningHistory;
    // Lines dropped, in words (a torn last line after a crash).
    std::vector<std::string> warnings;
    // The length of the journal up to its last good line: where appending continues.
    std::uint64_t validBytes = 0;

    int nextTrialNumber() const { return static_cast<int>(trials.size()); }
    // Suggested but never finished (the sweep stopped while they ran): their runs are to be
    // resumed, not started again. Finished trials are never run again.
    std::vector<TrialRecord> toResume() const;
};

// journal.jsonl of a sweep folder: one JSON object per line, appended and fsync'ed
// before the call returns, so what the journal says happened survives a crash:
//   {"event":"suggested","trial":0,"assignment":{"optimizer.lr":0.001},"run_id":"r-..."}
//   {"event":"intermediate","trial":0,"step":50,"value":2.31}
//   {"event":"finished","trial":0,"state":"pruned","objective":2.31,"step":150,
//    "reason":"pruned at step 150: ...","seconds":42.5}
// Non-finite numbers are written as null.
class SweepJournal {
public:
    // Opens <folder>/journal.jsonl (creating it) for appending at `validBytes`, which cuts
    // off a torn last line left by a crash. A new sweep passes 0.
    SweepJournal(const std::string &folder, std::uint64_t validBytes);

    void trialSuggested(int trial, const Assignment &assignment, const std::string &runId);
    void intermediate(int trial, std::int64_t step, double value);
    void trialFinished(const TrialOutcome &outcome);

    const std::string &path() const { return m_log.path(); }

private:
    void append(const nlohmann::json &line);

    LineLog m_log;
};

// Reads <folder>/journal.jsonl (missing: a sweep with no trials yet). A torn or unreadable
// last line (a crash mid-write) is dropped with a warning; any other bad line is
// Error(Format, "<journal>: line N") naming what is wrong.
SweepState replaySweepJournal(const std::string &folder);

// Feeds a fresh pruner the reports and finishes of the journal, in order, so it decides
// as the pruner before the crash would have.
void restorePruner(Pruner &pruner, const SweepState &state);

} // namespace llmos
