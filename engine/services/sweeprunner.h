#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace llmos {

class JobScheduler;
class TrainingJobs;
struct SweepSpec;

// What a sweep run reports, one JSON object per event (`llmos sweep --json` prints them
// as lines; the window's Experiments page re-reads the sweep when they arrive):
//   {"event":"trial_started","trial":3,"run_id":"r-...","parameters":{...}}
//   {"event":"trial_report","trial":3,"step":150,"value":2.31}
//   {"event":"trial_pruned","trial":3,"step":150,"objective":2.31,"reason":"..."}
//   {"event":"trial_finished","trial":3,"state":"succeeded","objective":1.98,"seconds":41.2}
//   {"event":"log","text":"..."}
//   {"event":"sweep_finished","status":"finished","trials":12,"best_trial":7,"best_objective":1.71}
using SweepEventCallback = std::function<void(const nlohmann::json &event)>;

struct SweepRunOptions {
    SweepEventCallback onEvent; // may be empty; called on the runner's thread
    // Polled between events: true pauses the running trials (they checkpoint) and returns;
    // `llmos sweeps resume` continues the sweep later.
    std::function<bool()> stopRequested;
};

enum class SweepOutcome {
    Finished, // the budget is spent or the strategy has nothing left to try
    Stopped,  // stopRequested: trials paused, the sweep can be resumed
};

// Runs hyperparameter sweeps (engine/train/sweep) as training jobs: each trial is a run
// of TrainingJobs with its own recipe, events and checkpoints, kept unregistered
// (output.register false) until "promote best". The runner asks the sampler for
// configurations while fewer than budget.max_concurrent trials run (the scheduler's
// memory admission may hold some queued), feeds each trial's evaluations of the
// objective metric to the pruner and cancels the trials it prunes, and writes every
// decision to the sweep's journal before acting on it, so a sweep killed at any point
// resumes without running a finished trial again: unfinished trials' runs are resumed
// from their checkpoints and the sampler continues the same sequence.
//
// The time budget (budget.max_time_s) counts the trials' wall-clock time: the seconds of
// the trials finished in earlier sessions divided by max_concurrent, plus this session's.
class SweepRunner {
public:
    // home: the data folder ($LLMOS_HOME): sweeps live in <home>/sweeps/<id>/.
    SweepRunner(JobScheduler &scheduler, TrainingJobs &training, std::string home);

    // Creates the sweep's folder (sweep.json with the recipe inlined, an empty journal)
    // and returns its id ("s-..."). Throws Error(Io) when it cannot be written.
    std::string create(const SweepSpec &spec);

    // Runs or resumes sweep `id` on the calling thread until it finishes or is stopped.
    // Throws Error(NotFound) for an unknown id, the journal's Error(Format) for a damaged
    // journal; a trial that fails is recorded as failed and the sweep goes on.
    SweepOutcome run(const std::string &id, const SweepRunOptions &options = {});

private:
    JobScheduler &m_scheduler;
    TrainingJobs &m_training;
    std::string m_home;
};

} // namespace llmos
