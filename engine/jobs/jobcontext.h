#pragma once

#include "jobs/jobevent.h"
#include "jobs/stoprequest.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <memory>
#include <string>

namespace llmos {

class JobScheduler;
struct Job;

// A running body's line to the scheduler: who it is, whether it resumes, and where its
// events go. Reporting methods persist the event (events.jsonl) before subscribers see it
// and throw Error(Io) when the run folder cannot be written (a full disk): the job then
// fails with that reason. Only the body's own thread uses its context.
class JobContext {
public:
    JobContext(JobScheduler &scheduler, std::shared_ptr<Job> job, bool resuming);

    const std::string &runId() const;
    // True when this start continues a paused or interrupted run: the body restores its
    // state from checkpointDirectory() instead of starting over.
    bool resuming() const noexcept { return m_resuming; }
    const nlohmann::json &recipe() const;
    int threads() const;
    std::string runDirectory() const;
    std::string checkpointDirectory() const;

    // Call between steps (never inside one): what the scheduler asks. Cheap (an atomic
    // read), so calling it every step costs nothing.
    StopRequest checkpoint() const noexcept;
    bool stopRequested() const noexcept { return checkpoint() != StopRequest::None; }

    void reportStep(std::int64_t step, double epoch, MetricValues values);
    void reportEval(std::int64_t step, double epoch, MetricValues values);
    void log(LogLevel level, std::string text);
    void progress(std::int64_t done, std::int64_t total);
    // After the body wrote a checkpoint: logs it and makes the events so far durable
    // (fsync), so a resume from that checkpoint never finds fewer events than it expects.
    void checkpointSaved(std::int64_t step, const std::string &path);
    // Kept in state.json when the job ends (the last evaluation, say).
    void setFinalMetrics(MetricValues values);

private:
    JobScheduler &m_scheduler;
    std::shared_ptr<Job> m_job;
    bool m_resuming;
};

} // namespace llmos
