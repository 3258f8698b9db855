#include "tasks/taskcontext.h"

#include "tasks/taskcancelled.h"

#include <algorithm>

namespace llmos {

TaskContext::TaskContext(std::stop_token stopToken, std::function<void()> wake)
    : m_stopToken(std::move(stopToken))
    , m_wake(std::move(wake))
{
}

void TaskContext::setProgress(double fraction)
{
    {
        std::lock_guard lock(m_mutex);
        m_latest.fraction = fraction < 0 ? -1.0 : std::min(fraction, 1.0);
    }
    wakeOnce();
}

void TaskContext::setStatus(const QString &status)
{
    {
        std::lock_guard lock(m_mutex);
        m_latest.status = status;
    }
    wakeOnce();
}

void TaskContext::setProgress(double fraction, const QString &status)
{
    {
        std::lock_guard lock(m_mutex);
        m_latest.fraction = fraction < 0 ? -1.0 : std::min(fraction, 1.0);
        m_latest.status = status;
    }
    wakeOnce();
}

void TaskContext::throwIfCancelled() const
{
    if (stopRequested())
        throw TaskCancelled();
}

TaskContext::Snapshot TaskContext::takeSnapshot()
{
    // Clear the flag before reading, so a report made while we read wakes us again.
    m_wakePending.store(false);
    std::lock_guard lock(m_mutex);
    return m_latest;
}

void TaskContext::wakeOnce()
{
    if (!m_wakePending.exchange(true) && m_wake)
        m_wake();
}

} // namespace llmos
