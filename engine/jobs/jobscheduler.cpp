#include "jobs/jobscheduler.h"

#include "jobs/job.h"
#include "jobs/jobcontext.h"
#include "jobs/runid.h"
#include "util/error.h"
#include "util/heaptuning.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <pthread.h>

namespace llmos {

namespace {

std::string bytesText(std::uint64_t bytes)
{
    const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1024 && unit < 4) {
        value /= 1024;
        ++unit;
    }
    return unit == 0 ? fmt::format("{} B", bytes) : fmt::format("{:.1f} {} ({} bytes)", value, units[unit], bytes);
}

// The queue's order: higher priority first, then earlier submission.
bool runsBefore(const std::shared_ptr<Job> &a, const std::shared_ptr<Job> &b)
{
    if (a->spec.priority != b->spec.priority)
        return a->spec.priority > b->spec.priority;
    return a->order < b->order;
}

std::string describeException(std::exception_ptr error)
{
    try {
        std::rethrow_exception(error);
    } catch (const std::exception &e) {
        // llmos::Error, c10::Error (whose what() carries a C++ backtrace: keep its first line)
        std::string text = e.what();
        if (const auto newline = text.find('\n'); newline != std::string::npos && text.size() > 2000)
            text.resize(newline);
        return text.empty() ? std::string("the job failed with an exception that has no message") : text;
    } catch (...) {
        return "the job failed with an exception that is not a std::exception (no message)";
    }
}

} // namespace

JobScheduler::JobScheduler(RunStore store, JobSchedulerOptions options)
    : m_store(std::move(store))
    , m_options(std::move(options))
{
    if (m_options.workers < 1)
        throw Error(ErrorKind::InvalidInput, "job scheduler", "needs at least one worker thread");
    m_recovery = m_store.recoverInterrupted();
    for (int i = 0; i < m_options.workers; ++i) {
        m_workers.emplace_back([this] { workerLoop(); });
        pthread_setname_np(m_workers.back().native_handle(), "llmos-job");
    }
}

JobScheduler::~JobScheduler()
{
    shutdown(ShutdownPolicy::Pause);
}

void JobScheduler::refuseIfTooBig(const std::string &name, std::uint64_t memory, int threads) const
{
    const DeviceCapacity &cap = m_options.capacity;
    if (memory > cap.memoryBytes)
        throw Error(ErrorKind::InvalidInput, "job '" + name + "'",
                    fmt::format("needs about {} of memory (its estimate) but {} has {} for jobs; lower the batch size or "
                                "sequence length, or choose a method that trains fewer parameters",
                                bytesText(memory), cap.device, bytesText(cap.memoryBytes)));
    if (threads > cap.threads)
        throw Error(ErrorKind::InvalidInput, "job '" + name + "'",
                    fmt::format("asks for {} threads but {} has {}; ask for at most {}", threads, cap.device, cap.threads,
                                cap.threads));
}

std::string JobScheduler::submit(JobSpec spec)
{
    if (!spec.body)
        throw Error(ErrorKind::InvalidInput, "job '" + spec.name + "'", "has no body to run");
    if (spec.threads < 1)
        throw Error(ErrorKind::InvalidInput, "job '" + spec.name + "'", "threads must be at least 1");
    if (spec.name.empty())
        spec.name = spec.kind;
    refuseIfTooBig(spec.name, spec.memoryEstimateBytes, spec.threads);
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            throw Error(ErrorKind::InvalidInput, "job '" + spec.name + "'", "the scheduler is shutting down");
    }

    auto job = std::make_shared<Job>();
    RunState &r = job->record;
    r.id = newRunId();
    r.name = spec.name;
    r.kind = spec.kind;
    r.priority = spec.priority;
    r.memoryEstimateBytes = spec.memoryEstimateBytes;
    r.threads = spec.threads;
    r.state = JobState::Queued;
    r.createdMs = r.updatedMs = wallClockMs();
    m_store.create(r, spec.recipe);
    job->lock = RunLock::tryAcquire(m_store.runDirectory(r.id));
    if (!job->lock)
        throw Error(ErrorKind::Internal, m_store.runDirectory(r.id), "a new run's lock is held by someone else");
    job->log = std::make_unique<EventLogWriter>(m_store.eventsPath(r.id), 0);
    job->spec = std::move(spec);

    std::lock_guard lock(m_mutex);
    m_jobs[r.id] = job;
    // The first event of every run: it exists, queued.
    emitLocked(*job, JobStateChanged{JobState::Queued, JobState::Queued, "submitted"}, true);
    if (m_stopping) { // shut down while the folder was being written
        transitionLocked(*job, JobState::Cancelled, "the scheduler shut down before it started");
        throw Error(ErrorKind::InvalidInput, "job '" + r.name + "'", "the scheduler is shutting down");
    }
    enqueueLocked(job);
    return r.id;
}

void JobScheduler::enqueueLocked(const std::shared_ptr<Job> &job)
{
    job->order = m_nextOrder++;
    job->waitingLogged = false;
    job->stop.store(StopRequest::None);
    m_queue.push_back(job);
    m_dispatch.notify_all();
}

void JobScheduler::removeFromQueueLocked(const Job &job)
{
    std::erase_if(m_queue, [&](const auto &queued) { return queued.get() == &job; });
}

bool JobScheduler::fitsLocked(const Job &job) const
{
    return m_memoryInUse + job.spec.memoryEstimateBytes <= m_options.capacity.memoryBytes
           && m_threadsInUse + job.spec.threads <= m_options.capacity.threads;
}

std::shared_ptr<Job> JobScheduler::takeNextJobLocked(std::unique_lock<std::mutex> &lock)
{
    for (;;) {
        if (m_stopping)
            return nullptr;
        if (!m_queue.empty()) {
            const auto head = std::min_element(m_queue.begin(), m_queue.end(), runsBefore);
            std::shared_ptr<Job> job = *head;
            if (fitsLocked(*job)) {
                m_queue.erase(head);
                return job;
            }
            if (!job->waitingLogged) {
                job->waitingLogged = true;
                emitLocked(*job,
                           LogLine{LogLevel::Info,
                                   fmt::format("waiting for memory: needs {}; {} of {} is held by running jobs",
                                               bytesText(job->spec.memoryEstimateBytes), bytesText(m_memoryInUse),
                                               bytesText(m_options.capacity.memoryBytes))},
                           false);
            }
        }
        m_dispatch.wait(lock);
    }
}

void JobScheduler::workerLoop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        std::shared_ptr<Job> job = takeNextJobLocked(lock);
        if (!job)
            return;
        m_memoryInUse += job->spec.memoryEstimateBytes;
        m_threadsInUse += job->spec.threads;
        if (job->record.startedMs == 0)
            job->record.startedMs = wallClockMs();
        transitionLocked(*job, JobState::Running, {});
        lock.unlock();
        runJob(job);
        lock.lock();
        m_memoryInUse -= job->spec.memoryEstimateBytes;
        m_threadsInUse -= job->spec.threads;
        m_dispatch.notify_all();
        if (m_threadsInUse == 0) {
            // Nothing runs: hand the buffers the job's steps kept pooled back to the system
            // (see util/heaptuning.h), outside the lock: trimming a large heap takes a while.
            lock.unlock();
            returnFreedMemoryToSystem();
            lock.lock();
        }
    }
}

void JobScheduler::runJob(const std::shared_ptr<Job> &job)
{
    bool resuming = false;
    {
        std::lock_guard lock(m_mutex);
        resuming = job->hasRun;
        job->hasRun = true;
    }
    JobOutcome outcome = JobOutcome::Succeeded;
    std::string failure;
    try {
        JobContext context(*this, job, resuming);
        outcome = job->spec.body(context);
    } catch (...) {
        failure = describeException(std::current_exception());
    }

    std::lock_guard lock(m_mutex);
    Job &j = *job;
    j.record.finishedMs = wallClockMs();
    if (!failure.empty()) {
        transitionLocked(j, JobState::Failed, failure);
    } else if (outcome == JobOutcome::Paused && j.stop.load() != StopRequest::Cancel) {
        transitionLocked(j, JobState::Paused, j.stop.load() == StopRequest::Pause ? "paused by request" : "the job paused itself");
    } else if (outcome != JobOutcome::Succeeded) {
        // Cancelled, or paused while a cancel arrived: the cancel wins, so a cancel racing
        // a pause still ends the run exactly once.
        transitionLocked(j, JobState::Cancelled,
                         j.stop.load() == StopRequest::Cancel ? "cancelled by request" : "the job cancelled itself");
    } else {
        transitionLocked(j, JobState::Succeeded, {});
    }
    j.stop.store(StopRequest::None);
}

std::shared_ptr<Job> JobScheduler::findLocked(const std::string &id) const
{
    const auto it = m_jobs.find(id);
    return it == m_jobs.end() ? nullptr : it->second;
}

void JobScheduler::transitionLocked(Job &job, JobState to, std::string reason)
{
    const JobState from = job.record.state;
    if (!isLegalTransition(from, to))
        throw Error(ErrorKind::Internal, "run " + job.record.id,
                    fmt::format("illegal state change {} -> {}", jobStateName(from), jobStateName(to)));
    job.record.state = to;
    job.record.reason = reason;
    job.record.updatedMs = wallClockMs();
    if (to == JobState::Paused || isTerminal(to))
        job.record.finishedMs = job.record.updatedMs;
    try {
        m_store.writeState(job.record);
    } catch (const Error &e) {
        try {
            emitLocked(job, LogLine{LogLevel::Error, std::string("could not record the state change: ") + e.what()}, false);
        } catch (const Error &) {
            // The event log is not writable either; subscribers still get the state below.
        }
    }
    const JobEvent fallback{job.record.id, job.lastSequence + 1, wallClockMs(), JobStateChanged{from, to, reason}};
    try {
        emitLocked(job, JobStateChanged{from, to, std::move(reason)}, true);
    } catch (const Error &) {
        job.lastSequence = fallback.sequence;
        m_bus.publish(fallback);
    }
    if (isTerminal(to)) {
        // The run is finished: release the folder to other processes.
        job.log.reset();
        job.lock.reset();
    }
    m_changed.notify_all();
}

void JobScheduler::emitLocked(Job &job, JobEventPayload payload, bool sync)
{
    if (!job.log)
        throw Error(ErrorKind::Internal, "run " + job.record.id, "an event after the run ended");
    JobEvent event{job.record.id, job.lastSequence + 1, wallClockMs(), std::move(payload)};
    job.log->append(event);
    if (sync)
        job.log->sync();
    job.lastSequence = event.sequence;
    m_bus.publish(event);
}

void JobScheduler::emitFromBody(Job &job, JobEventPayload payload, bool sync)
{
    std::lock_guard lock(m_mutex);
    emitLocked(job, std::move(payload), sync);
}

void JobScheduler::setFinalMetrics(Job &job, MetricValues values)
{
    std::lock_guard lock(m_mutex);
    job.record.finalMetrics = std::move(values);
}

void JobScheduler::pause(const std::string &id)
{
    std::lock_guard lock(m_mutex);
    const auto job = findLocked(id);
    if (!job)
        throw Error(ErrorKind::NotFound, "run " + id, "no such job in this process");
    switch (job->record.state) {
    case JobState::Running:
        if (job->stop.load() == StopRequest::None) {
            job->stop.store(StopRequest::Pause);
            emitLocked(*job, LogLine{LogLevel::Info, "pause requested: the job pauses after its current step"}, false);
        }
        return;
    case JobState::Queued:
        removeFromQueueLocked(*job);
        transitionLocked(*job, JobState::Paused, "paused before it started");
        return;
    case JobState::Paused:
        return;
    default:
        throw Error(ErrorKind::InvalidInput, "run " + id,
                    std::string("is ") + jobStateName(job->record.state) + "; only queued or running jobs can be paused");
    }
}

void JobScheduler::cancel(const std::string &id)
{
    std::unique_lock lock(m_mutex);
    const auto job = findLocked(id);
    if (!job) {
        lock.unlock();
        cancelOnDisk(id);
        return;
    }
    switch (job->record.state) {
    case JobState::Running:
        if (job->stop.load() != StopRequest::Cancel) {
            job->stop.store(StopRequest::Cancel);
            emitLocked(*job, LogLine{LogLevel::Info, "cancel requested: the job stops after its current step"}, false);
        }
        return;
    case JobState::Queued:
    case JobState::Paused:
        removeFromQueueLocked(*job);
        transitionLocked(*job, JobState::Cancelled, "cancelled by request");
        return;
    default:
        throw Error(ErrorKind::InvalidInput, "run " + id,
                    std::string("has already ") + (job->record.state == JobState::Succeeded ? "succeeded"
                                                   : job->record.state == JobState::Failed  ? "failed"
                                                                                            : "been cancelled")
                        + "; there is nothing to cancel");
    }
}

void JobScheduler::cancelOnDisk(const std::string &id)
{
    RunState state = m_store.readState(id);
    if (!isLegalTransition(state.state, JobState::Cancelled) || state.state == JobState::Running
        || state.state == JobState::Queued)
        throw Error(ErrorKind::InvalidInput, "run " + id,
                    std::string("is ") + jobStateName(state.state) + " and not held by this process; only paused or "
                                                                    "interrupted runs can be cancelled from here");
    const auto lock = RunLock::tryAcquire(m_store.runDirectory(id));
    if (!lock)
        throw Error(ErrorKind::InvalidInput, "run " + id, "is in use by another process; cancel it there");
    const EventLog log = m_store.readEvents(id);
    const JobState from = state.state;
    state.state = JobState::Cancelled;
    state.reason = "cancelled by request";
    state.updatedMs = state.finishedMs = wallClockMs();
    EventLogWriter writer(m_store.eventsPath(id), log.completeBytes);
    JobEvent event{id, log.lastSequence + 1, state.updatedMs, JobStateChanged{from, JobState::Cancelled, state.reason}};
    writer.append(event);
    writer.sync();
    m_store.writeState(state);
    m_bus.publish(event);
}

void JobScheduler::resume(const std::string &id)
{
    std::lock_guard lock(m_mutex);
    const auto job = findLocked(id);
    if (!job)
        throw Error(ErrorKind::NotFound, "run " + id, "no such job in this process; resume it with a body to run");
    if (job->record.state != JobState::Paused)
        throw Error(ErrorKind::InvalidInput, "run " + id,
                    std::string("is ") + jobStateName(job->record.state) + "; only paused jobs can be resumed");
    if (m_stopping)
        throw Error(ErrorKind::InvalidInput, "run " + id, "the scheduler is shutting down");
    transitionLocked(*job, JobState::Queued, "resumed");
    enqueueLocked(job);
}

void JobScheduler::resume(const std::string &id, JobBody body)
{
    if (!body)
        throw Error(ErrorKind::InvalidInput, "run " + id, "has no body to run");
    {
        std::unique_lock lock(m_mutex);
        if (const auto job = findLocked(id)) {
            if (job->record.state == JobState::Paused)
                job->spec.body = std::move(body);
            lock.unlock();
            resume(id); // checks the state again, under the lock
            return;
        }
    }
    resumeFromDisk(id, std::move(body));
}

void JobScheduler::resumeFromDisk(const std::string &id, JobBody body)
{
    RunState record = m_store.readState(id);
    if (!isResumable(record.state))
        throw Error(ErrorKind::InvalidInput, "run " + id,
                    std::string("is ") + jobStateName(record.state) + "; only paused or interrupted runs can be resumed");
    refuseIfTooBig(record.name, record.memoryEstimateBytes, record.threads);
    auto job = std::make_shared<Job>();
    job->lock = RunLock::tryAcquire(m_store.runDirectory(id));
    if (!job->lock)
        throw Error(ErrorKind::InvalidInput, "run " + id, "is in use by another process");
    record = m_store.readState(id); // again, under the lock
    if (!isResumable(record.state))
        throw Error(ErrorKind::InvalidInput, "run " + id, std::string("became ") + jobStateName(record.state));
    const EventLog log = m_store.readEvents(id);
    job->log = std::make_unique<EventLogWriter>(m_store.eventsPath(id), log.completeBytes);
    job->lastSequence = log.lastSequence;
    job->spec.name = record.name;
    job->spec.kind = record.kind;
    job->spec.priority = record.priority;
    job->spec.memoryEstimateBytes = record.memoryEstimateBytes;
    job->spec.threads = record.threads;
    job->spec.recipe = m_store.readRecipe(id);
    job->spec.body = std::move(body);
    job->hasRun = record.startedMs != 0;
    job->record = std::move(record);

    std::lock_guard lock(m_mutex);
    if (m_stopping)
        throw Error(ErrorKind::InvalidInput, "run " + id, "the scheduler is shutting down");
    m_jobs[id] = job;
    transitionLocked(*job, JobState::Queued, "resumed");
    enqueueLocked(job);
}

JobState JobScheduler::state(const std::string &id) const
{
    return snapshot(id).state;
}

RunState JobScheduler::snapshot(const std::string &id) const
{
    std::lock_guard lock(m_mutex);
    const auto job = findLocked(id);
    if (!job)
        throw Error(ErrorKind::NotFound, "run " + id, "no such job in this process");
    return job->record;
}

std::vector<RunState> JobScheduler::jobs() const
{
    std::lock_guard lock(m_mutex);
    std::vector<RunState> out;
    for (const auto &[id, job] : m_jobs)
        out.push_back(job->record);
    return out;
}

JobState JobScheduler::wait(const std::string &id)
{
    std::unique_lock lock(m_mutex);
    const auto job = findLocked(id);
    if (!job)
        throw Error(ErrorKind::NotFound, "run " + id, "no such job in this process");
    m_changed.wait(lock, [&] { return job->record.state != JobState::Queued && job->record.state != JobState::Running; });
    return job->record.state;
}

EventSubscription JobScheduler::subscribe(EventCallback callback)
{
    return m_bus.subscribe(std::move(callback));
}

void JobScheduler::shutdown(ShutdownPolicy policy)
{
    std::vector<std::thread> workers;
    {
        std::lock_guard lock(m_mutex);
        if (!m_stopping) {
            m_stopping = true;
            const StopRequest request = policy == ShutdownPolicy::Pause ? StopRequest::Pause : StopRequest::Cancel;
            for (const auto &job : m_queue)
                transitionLocked(*job, policy == ShutdownPolicy::Pause ? JobState::Paused : JobState::Cancelled,
                                 "the scheduler shut down before it started");
            m_queue.clear();
            for (const auto &[id, job] : m_jobs)
                if (job->record.state == JobState::Running)
                    job->stop.store(request);
        }
        workers.swap(m_workers);
        m_dispatch.notify_all();
    }
    for (auto &w : workers)
        w.join();
}

} // namespace llmos
