#pragma once

#include "jobcenter/eventbatcher.h"
#include "jobcenter/joblistmodel.h"
#include "jobcenter/runrecord.h"

#include "jobs/jobscheduler.h"

#include <QObject>
#include <QThreadPool>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace llmos {

class SweepSessions;
class TrainingJobs;
struct SweepSpec;
struct TrainingRecipe;

// The window's side of the job system: it owns the scheduler that runs training jobs on
// worker threads, turns the scheduler's events into batched updates on the GUI thread
// (the job list, each watched run's curves and log), and carries out the user's commands
// (start, pause, resume, cancel, retry) on a worker of its own, because each of them
// writes and fsyncs a state file and the GUI thread never waits on a disk.
//
// Runs outlive the window: when the application quits with runs going, they are paused
// (they save a checkpoint) and resume on a later start, from the Jobs page or
// `llmos runs resume`.
class JobCenter : public QObject {
    Q_OBJECT
public:
    // home: the data folder (runs/ and the model registry). threads: the compute threads a
    // run uses (0: every core). workers: runs that may go at the same time, memory allowing.
    JobCenter(std::string home, int threads, int workers = 2, QObject *parent = nullptr);
    ~JobCenter() override;

    JobListModel *jobList() { return &m_jobList; }
    // For the API server's /api/jobs: runs submitted there are this window's runs too.
    JobScheduler &scheduler() { return *m_scheduler; }
    TrainingJobs &training() { return *m_training; }
    const std::string &home() const { return m_home; }

    // A run's curves and log. Runs started in this window are followed from their first
    // event; any other run's events.jsonl is read on a worker the first time it is asked
    // for: until then this returns null, and recordChanged(runId) says when it is there.
    std::shared_ptr<const RunRecord> record(const QString &runId);

    // Commands; each reports back through runSubmitted or commandFailed.
    void submitTraining(const TrainingRecipe &recipe);
    void pause(const QString &runId);
    void resume(const QString &runId);
    void cancel(const QString &runId);
    void retry(const QString &runId, bool fromLastCheckpoint);
    // Sweeps: created on the command worker, then run on a thread of their own
    // (SweepSessions); sweepStarted or commandFailed follows.
    void startSweep(const SweepSpec &spec);
    SweepSessions &sweeps() { return *m_sweeps; }
    // Reads the runs folder again (runs started by `llmos train` in a terminal appear).
    void refreshList();

    bool hasActiveRuns() const;
    // Pauses (or cancels) every run that has not ended and waits for them on a worker;
    // stoppedAll() follows. Later submissions are refused.
    void stopAll(ShutdownPolicy policy);

Q_SIGNALS:
    void runSubmitted(const QString &runId);
    void sweepStarted(const QString &sweepId);
    void commandFailed(const QString &message);
    void recordChanged(const QString &runId);
    void activeRunsChanged(const QStringList &names);
    void stoppedAll();

private:
    void onEvents(const std::vector<JobEvent> &events);
    void load(const QString &runId);
    // Runs `work` on the command worker; `done` gets its result on the GUI thread, a thrown
    // error becomes commandFailed(prefix + message).
    void runCommand(QString failurePrefix, std::function<std::string()> work,
                    std::function<void(const std::string &)> done = {});

    struct WatchedRun {
        std::shared_ptr<RunRecord> record; // null while its events.jsonl is being read
        std::vector<JobEvent> pending;     // live events that arrived meanwhile
    };

    std::string m_home;
    int m_threads;
    std::unique_ptr<JobScheduler> m_scheduler;
    std::unique_ptr<TrainingJobs> m_training;
    std::unique_ptr<SweepSessions> m_sweeps; // before the scheduler goes: sweeps pause their trials
    EventBatcher m_batcher;
    JobListModel m_jobList;
    std::map<QString, WatchedRun> m_watched;
    QStringList m_lastActive;
    QThreadPool m_commands; // one thread: commands run in the order they were given
    EventSubscription m_subscription; // last: closed first, before what its callback uses
};

} // namespace llmos
