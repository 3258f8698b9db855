#include "services/sweeprunner.h"

#include "services/trainingjobs.h"

#include "jobs/jobscheduler.h"
#include "recipe/trainingrecipe.h"
#include "sweep/pruner.h"
#include "sweep/sampler.h"
#include "sweep/sweepfile.h"
#include "sweep/sweepfolder.h"
#include "sweep/sweepjournal.h"
#include "sweep/sweepresults.h"
#include "sweep/trialrecipe.h"
#include "util/atomicfile.h"
#include "util/error.h"

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>

namespace llmos {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

nlohmann::json numberOrNull(std::optional<double> value)
{
    return value && std::isfinite(*value) ? nlohmann::json(*value) : nlohmann::json();
}

// The scheduler's events, handed from the event bus's thread to the runner's.
class EventQueue {
public:
    void push(const JobEvent &event)
    {
        std::lock_guard lock(m_mutex);
        m_events.push_back(event);
        m_ready.notify_one();
    }

    // The next event, or nullopt after `wait` without one.
    std::optional<JobEvent> pop(std::chrono::milliseconds wait)
    {
        std::unique_lock lock(m_mutex);
        if (!m_ready.wait_for(lock, wait, [this] { return !m_events.empty(); }))
            return std::nullopt;
        auto event = std::move(m_events.front());
        m_events.pop_front();
        return event;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<JobEvent> m_events;
};

struct ActiveTrial {
    int number = 0;
    Clock::time_point started;
    bool recorded = false; // its end is in the journal already (pruned, or cancelled by the budget)
};

// One session of one sweep: from the journal as it stands to the end of the budget or a
// stop request.
class SweepSession {
public:
    SweepSession(JobScheduler &scheduler, TrainingJobs &training, std::string folder, const SweepRunOptions &options)
        : m_scheduler(scheduler)
        , m_training(training)
        , m_folder(std::move(folder))
        , m_options(options)
        , m_spec(loadSweepFolder(m_folder))
        , m_state(replaySweepJournal(m_folder))
        , m_journal(m_folder, m_state.validBytes)
        , m_sampler(makeSampler(m_spec))
        , m_pruner(makePruner(m_spec))
    {
        restorePruner(*m_pruner, m_state);
    }

    SweepOutcome run()
    {
        writeStatus("running");
        for (const auto &warning : m_state.warnings)
            log("journal: " + warning);
        double usedBefore = 0;
        for (const auto &trial : m_state.trials)
            if (trial.state != TrialState::Running)
                usedBefore += trial.seconds;
        usedBefore /= static_cast<double>(std::max<std::int64_t>(1, m_spec.budget.maxConcurrent));
        m_started = Clock::now();
        m_secondsLeftAtStart = m_spec.budget.maxTimeSeconds > 0 ? m_spec.budget.maxTimeSeconds - usedBefore : 0;

        auto subscription = m_scheduler.subscribe([this](const JobEvent &event) { m_queue.push(event); });
        resumeUnfinished();
        for (;;) {
            if (m_options.stopRequested && m_options.stopRequested())
                return stop(subscription);
            if (outOfTime() && !m_timeSpent)
                spendTime();
            while (canStartAnother())
                startNextTrial();
            if (m_active.empty())
                break;
            if (const auto event = m_queue.pop(std::chrono::milliseconds(200)))
                handle(*event);
        }
        subscription.close();
        return finish();
    }

private:
    void emit(nlohmann::json event) const
    {
        if (m_options.onEvent)
            m_options.onEvent(event);
    }

    void log(const std::string &text) const { emit({{"event", "log"}, {"text", text}}); }

    void writeStatus(const std::string &status) const
    {
        writeFileAtomically(m_folder + "/status.json", nlohmann::json{{"status", status}}.dump() + "\n");
    }

    bool outOfTime() const
    {
        return m_spec.budget.maxTimeSeconds > 0 && secondsSince(m_started) >= m_secondsLeftAtStart;
    }

    std::int64_t trialBudget() const
    {
        return m_spec.budget.maxTrials > 0 ? m_spec.budget.maxTrials
                                           : static_cast<std::int64_t>(m_spec.grid.size());
    }

    bool canStartAnother() const
    {
        return !m_exhausted && !m_timeSpent
               && static_cast<std::int64_t>(m_active.size()) < std::max<std::int64_t>(1, m_spec.budget.maxConcurrent)
               && static_cast<std::int64_t>(m_state.trials.size()) < trialBudget();
    }

    // Trials that were running when the last session ended: resumed from their
    // checkpoints, or recorded as their runs ended if they did.
    void resumeUnfinished()
    {
        for (const auto &trial : m_state.toResume()) {
            RunState run;
            try {
                run = m_scheduler.store().readState(trial.runId);
            } catch (const Error &e) {
                recordEnd({trial.number, TrialState::Failed, std::nullopt, trial.step,
                           std::string("its run cannot be read: ") + e.what(), 0});
                continue;
            }
            if (run.state == JobState::Paused || run.state == JobState::Interrupted) {
                log("resuming trial " + std::to_string(trial.number) + " (run " + trial.runId + ")");
                try {
                    m_training.resume(trial.runId);
                    m_active[trial.runId] = {trial.number, Clock::now(), false};
                } catch (const Error &e) {
                    recordEnd({trial.number, TrialState::Failed, std::nullopt, trial.step,
                               std::string("its run could not be resumed: ") + e.what(), 0});
                }
            } else {
                runEnded(trial.runId, trial.number, run.state, run.reason, 0);
            }
        }
    }

    void startNextTrial()
    {
        const int number = m_state.nextTrialNumber();
        const auto assignment = m_sampler->suggest(number, m_state.trials);
        if (!assignment) {
            m_exhausted = true;
            log("the strategy has no configuration left to try");
            return;
        }
        TrialRecord record;
        record.number = number;
        record.assignment = *assignment;
        std::string failure;
        try {
            auto document = makeTrialRecipe(m_spec, *assignment);
            document["output"]["register"] = false;
            document["output"]["name"] = m_spec.name + "-trial-" + std::to_string(number);
            record.runId = m_training.submit(parseTrainingRecipe(document, "trial " + std::to_string(number)));
        } catch (const Error &e) {
            failure = e.what();
        }
        m_journal.trialSuggested(number, *assignment, record.runId);
        m_state.trials.push_back(record);
        emit({{"event", "trial_started"},
              {"trial", number},
              {"run_id", record.runId},
              {"parameters", assignmentToJson(*assignment)}});
        if (!failure.empty()) {
            recordEnd({number, TrialState::Failed, std::nullopt, 0, failure, 0});
            return;
        }
        m_active[record.runId] = {number, Clock::now(), false};
    }

    void handle(const JobEvent &event)
    {
        const auto it = m_active.find(event.runId);
        if (it == m_active.end())
            return;
        if (const auto *eval = std::get_if<EvalMetrics>(&event.payload))
            onEvaluation(event.runId, it->second, *eval);
        else if (const auto *change = std::get_if<JobStateChanged>(&event.payload))
            onStateChanged(event.runId, it->second, *change);
    }

    void onEvaluation(const std::string &runId, ActiveTrial &active, const EvalMetrics &eval)
    {
        if (active.recorded)
            return;
        const auto found = eval.values.find(m_spec.objective.metric);
        if (found == eval.values.end()) {
            if (!m_warnedMissingMetric)
                log("the trials' evaluations have no " + m_spec.objective.metric + "; nothing to compare or prune on");
            m_warnedMissingMetric = true;
            return;
        }
        const double value = found->second;
        auto &trial = m_state.trials[static_cast<std::size_t>(active.number)];
        trial.intermediates[eval.step] = value;
        trial.step = eval.step;
        m_journal.intermediate(active.number, eval.step, value);
        emit({{"event", "trial_report"}, {"trial", active.number}, {"step", eval.step}, {"value", numberOrNull(value)}});
        const auto decision = m_pruner->report(active.number, eval.step, value);
        if (!decision.prune)
            return;
        // Recorded before the run is stopped: a crash in between must not run it again.
        recordEnd({active.number, TrialState::Pruned, value, eval.step, decision.reason, secondsSince(active.started)});
        active.recorded = true;
        try {
            m_scheduler.cancel(runId);
        } catch (const Error &) {
            // It ended on its own meanwhile; the journal says pruned, which is what was decided.
        }
    }

    void onStateChanged(const std::string &runId, ActiveTrial &active, const JobStateChanged &change)
    {
        if (change.to == JobState::Queued || change.to == JobState::Running)
            return;
        if (change.to == JobState::Paused && !m_stopping) {
            log("trial " + std::to_string(active.number) + " was paused from elsewhere; the sweep waits for it");
            return;
        }
        const ActiveTrial ended = active;
        m_active.erase(runId);
        if (change.to == JobState::Paused)
            return; // stopping: it resumes with the sweep
        if (!ended.recorded)
            runEnded(runId, ended.number, change.to, change.reason, secondsSince(ended.started));
    }

    void runEnded(const std::string &runId, int number, JobState state, const std::string &reason, double seconds)
    {
        TrialOutcome outcome{number, TrialState::Failed, std::nullopt, m_state.trials[static_cast<std::size_t>(number)].step,
                             reason, seconds};
        if (state == JobState::Succeeded) {
            outcome.state = TrialState::Succeeded;
            const auto metrics = m_scheduler.store().readState(runId).finalMetrics;
            if (const auto it = metrics.find(m_spec.objective.metric); it != metrics.end())
                outcome.objective = it->second;
            outcome.reason.clear();
        } else if (state == JobState::Cancelled) {
            outcome.state = TrialState::Cancelled;
        }
        recordEnd(outcome);
    }

    void recordEnd(const TrialOutcome &outcome)
    {
        m_journal.trialFinished(outcome);
        auto &trial = m_state.trials[static_cast<std::size_t>(outcome.trial)];
        trial.state = outcome.state;
        trial.objective = outcome.objective;
        trial.step = std::max(trial.step, outcome.step);
        trial.reason = outcome.reason;
        trial.seconds = outcome.seconds;
        m_pruner->trialFinished(outcome.trial, outcome.state);
        emit({{"event", outcome.state == TrialState::Pruned ? "trial_pruned" : "trial_finished"},
              {"trial", outcome.trial},
              {"state", trialStateName(outcome.state)},
              {"step", outcome.step},
              {"objective", numberOrNull(outcome.objective)},
              {"reason", outcome.reason},
              {"seconds", outcome.seconds}});
    }

    // The time budget is spent: the running trials are cancelled (recorded first).
    void spendTime()
    {
        m_timeSpent = true;
        log("the time budget is spent; stopping the running trials");
        for (auto &[runId, active] : m_active) {
            if (active.recorded)
                continue;
            const auto &trial = m_state.trials[static_cast<std::size_t>(active.number)];
            std::optional<double> last;
            if (!trial.intermediates.empty())
                last = trial.intermediates.rbegin()->second;
            recordEnd({active.number, TrialState::Cancelled, last, trial.step, "the sweep's time budget was spent",
                       secondsSince(active.started)});
            active.recorded = true;
            try {
                m_scheduler.cancel(runId);
            } catch (const Error &) {
            }
        }
    }

    SweepOutcome stop(EventSubscription &subscription)
    {
        m_stopping = true;
        log("stopping: the running trials pause at their next step and keep a checkpoint");
        for (const auto &[runId, active] : m_active) {
            try {
                m_scheduler.pause(runId);
            } catch (const Error &) {
                // Already ending; its state change is on its way.
            }
        }
        while (!m_active.empty())
            if (const auto event = m_queue.pop(std::chrono::milliseconds(200)))
                handle(*event);
        subscription.close();
        writeStatus("stopped");
        emit({{"event", "sweep_finished"}, {"status", "stopped"}, {"trials", m_state.trials.size()}});
        return SweepOutcome::Stopped;
    }

    SweepOutcome finish()
    {
        writeStatus("finished");
        nlohmann::json done = {{"event", "sweep_finished"}, {"status", "finished"}, {"trials", m_state.trials.size()}};
        if (const auto best = bestTrial(m_state.trials, m_spec.objective)) {
            done["best_trial"] = best->number;
            done["best_objective"] = numberOrNull(best->objective);
            done["best_run_id"] = best->runId;
        }
        emit(done);
        return SweepOutcome::Finished;
    }

    JobScheduler &m_scheduler;
    TrainingJobs &m_training;
    std::string m_folder;
    const SweepRunOptions &m_options;
    SweepSpec m_spec;
    SweepState m_state;
    SweepJournal m_journal;
    std::unique_ptr<Sampler> m_sampler;
    std::unique_ptr<Pruner> m_pruner;
    EventQueue m_queue;
    std::map<std::string, ActiveTrial> m_active; // by run id
    Clock::time_point m_started;
    double m_secondsLeftAtStart = 0;
    bool m_exhausted = false;
    bool m_timeSpent = false;
    bool m_stopping = false;
    bool m_warnedMissingMetric = false;
};

} // namespace

SweepRunner::SweepRunner(JobScheduler &scheduler, TrainingJobs &training, std::string home)
    : m_scheduler(scheduler), m_training(training), m_home(std::move(home))
{
}

std::string SweepRunner::create(const SweepSpec &spec)
{
    const auto folder = createSweepFolder(m_home, spec);
    return std::filesystem::path(folder).filename().string();
}

SweepOutcome SweepRunner::run(const std::string &id, const SweepRunOptions &options)
{
    if (!isSafeSweepId(id))
        throw Error(ErrorKind::InvalidInput, "sweep " + id, "is not a sweep id (s-...)");
    const auto folder = sweepFolderPath(m_home, id);
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        throw Error(ErrorKind::NotFound, "sweep " + id, "does not exist (llmos sweeps list shows the sweeps)");
    SweepSession session(m_scheduler, m_training, folder, options);
    return session.run();
}

} // namespace llmos
