#pragma once

#include "jobs/devicecapacity.h"
#include "jobs/eventbus.h"
#include "jobs/jobcontext.h"
#include "jobs/jobspec.h"
#include "jobs/runstate.h"
#include "jobs/runstore.h"

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace llmos {

struct Job;

// What shutdown() does with jobs that have not ended.
enum class ShutdownPolicy {
    Pause,  // running jobs are asked to pause (they save a checkpoint), queued ones become
            // paused: all can be resumed by the next process (resume(id, body))
    Cancel, // running jobs are asked to cancel, queued ones are cancelled
};

struct JobSchedulerOptions {
    int workers = 1;          // jobs that can run at the same time
    DeviceCapacity capacity;  // what they may use together
};

// Runs jobs on worker threads ("llmos-job"), one run folder per job (RunStore).
//
// Order: the highest priority first, submission order within a priority. Admission: a job
// whose memory estimate (or thread count) exceeds the device's capacity on its own is
// refused by submit() with both figures in the message. A job that fits the device but
// not next to the running jobs waits, and so does everything queued behind it: the queue
// is never overtaken (no backfilling), so a stream of small jobs cannot starve a big one;
// the price is an idle share of the device while the big job waits for the running ones
// to finish. A waiting job gets a log event saying what it waits for.
//
// Pause and cancel are cooperative: the body reads context.checkpoint() between steps and
// returns JobOutcome::Paused or ::Cancelled. A body that throws (std::exception, c10::Error,
// or anything else) fails the job with a readable reason; the worker goes on.
//
// At construction, runs left queued or running by a process that died become interrupted
// (RunStore::recoverInterrupted). The destructor shuts down with ShutdownPolicy::Pause.
//
// Thread safety: every public method may be called from any thread, including from event
// callbacks. Calls that change a state write state.json (fsync) before they return.
class JobScheduler {
public:
    JobScheduler(RunStore store, JobSchedulerOptions options);
    ~JobScheduler();
    JobScheduler(const JobScheduler &) = delete;
    JobScheduler &operator=(const JobScheduler &) = delete;

    // Creates the run folder and queues the job; returns the run id. Throws
    // Error(InvalidInput) when the job cannot fit the device or has no body, Error(Io) when
    // its folder cannot be written.
    std::string submit(JobSpec spec);

    // Throw Error(NotFound) for ids this scheduler does not hold (cancel and resume with a
    // body also reach runs on disk) and Error(InvalidInput) when the state does not allow it.
    void pause(const std::string &id);
    void cancel(const std::string &id);
    // A job paused in this process, with its body.
    void resume(const std::string &id);
    // A paused or interrupted run, in this process or on disk (after a restart), with a
    // body to run; the body sees context.resuming() == true once the run has started before.
    void resume(const std::string &id, JobBody body);

    JobState state(const std::string &id) const;
    RunState snapshot(const std::string &id) const;
    std::vector<RunState> jobs() const;
    // Blocks until the job is neither queued nor running (nor asked to pause while queued).
    JobState wait(const std::string &id);

    EventSubscription subscribe(EventCallback callback);

    // Applies `policy` to the jobs that have not ended, waits for the running ones to
    // return and joins the workers. Later submits are refused. Idempotent.
    void shutdown(ShutdownPolicy policy = ShutdownPolicy::Pause);

    const RunStore &store() const noexcept { return m_store; }
    const RunStore::Recovery &startupRecovery() const noexcept { return m_recovery; }
    const DeviceCapacity &capacity() const noexcept { return m_options.capacity; }

private:
    friend class JobContext;

    void workerLoop();
    std::shared_ptr<Job> takeNextJobLocked(std::unique_lock<std::mutex> &lock);
    bool fitsLocked(const Job &job) const;
    void runJob(const std::shared_ptr<Job> &job);
    void refuseIfTooBig(const std::string &name, std::uint64_t memory, int threads) const;

    std::shared_ptr<Job> findLocked(const std::string &id) const;
    void enqueueLocked(const std::shared_ptr<Job> &job);
    void removeFromQueueLocked(const Job &job);
    // Changes the state (a legal transition, else Error(Internal)), writes state.json and
    // emits the state event. Persisting problems become an error log event, never a throw:
    // the in-memory state and subscribers must still learn what happened.
    void transitionLocked(Job &job, JobState to, std::string reason);
    // Assigns the sequence number, appends to events.jsonl (fsync when `sync`), publishes.
    void emitLocked(Job &job, JobEventPayload payload, bool sync);
    void emitFromBody(Job &job, JobEventPayload payload, bool sync);
    void setFinalMetrics(Job &job, MetricValues values);
    void cancelOnDisk(const std::string &id);
    void resumeFromDisk(const std::string &id, JobBody body);

    RunStore m_store;
    JobSchedulerOptions m_options;
    RunStore::Recovery m_recovery;
    EventBus m_bus;

    mutable std::mutex m_mutex;
    std::condition_variable m_dispatch; // workers: the queue or the free resources changed
    std::condition_variable m_changed;  // wait(): a state changed
    std::map<std::string, std::shared_ptr<Job>> m_jobs;
    std::vector<std::shared_ptr<Job>> m_queue;
    std::uint64_t m_nextOrder = 0;
    std::uint64_t m_memoryInUse = 0;
    int m_threadsInUse = 0;
    bool m_stopping = false;
    std::vector<std::thread> m_workers;
};

} // namespace llmos
