#include "jobs/jobcontext.h"

#include "jobs/job.h"
#include "jobs/jobscheduler.h"

namespace llmos {

JobContext::JobContext(JobScheduler &scheduler, std::shared_ptr<Job> job, bool resuming)
    : m_scheduler(scheduler)
    , m_job(std::move(job))
    , m_resuming(resuming)
{
}

const std::string &JobContext::runId() const
{
    return m_job->record.id; // the id never changes, so no lock is needed
}

const nlohmann::json &JobContext::recipe() const
{
    return m_job->spec.recipe;
}

int JobContext::threads() const
{
    return m_job->spec.threads;
}

std::string JobContext::runDirectory() const
{
    return m_scheduler.store().runDirectory(runId());
}

std::string JobContext::checkpointDirectory() const
{
    return m_scheduler.store().checkpointDirectory(runId());
}

StopRequest JobContext::checkpoint() const noexcept
{
    return m_job->stop.load(std::memory_order_acquire);
}

void JobContext::reportStep(std::int64_t step, double epoch, MetricValues values)
{
    m_scheduler.emitFromBody(*m_job, StepMetrics{step, epoch, std::move(values)}, false);
}

void JobContext::reportEval(std::int64_t step, double epoch, MetricValues values)
{
    m_scheduler.emitFromBody(*m_job, EvalMetrics{step, epoch, std::move(values)}, false);
}

void JobContext::log(LogLevel level, std::string text)
{
    m_scheduler.emitFromBody(*m_job, LogLine{level, std::move(text)}, false);
}

void JobContext::progress(std::int64_t done, std::int64_t total)
{
    m_scheduler.emitFromBody(*m_job, Progress{done, total}, false);
}

void JobContext::checkpointSaved(std::int64_t step, const std::string &path)
{
    m_scheduler.emitFromBody(*m_job, checkpointSavedLine(step, path), true);
}

void JobContext::setFinalMetrics(MetricValues values)
{
    m_scheduler.setFinalMetrics(*m_job, std::move(values));
}

} // namespace llmos
