#include "jobcenter/eventbatcher.h"

namespace llmos {

EventBatcher::EventBatcher(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventBatcher::flush);
    m_timer.start();
}

void EventBatcher::push(const JobEvent &event)
{
    std::lock_guard lock(m_mutex);
    m_pending.push_back(event);
}

void EventBatcher::flush()
{
    std::vector<JobEvent> events;
    {
        std::lock_guard lock(m_mutex);
        events.swap(m_pending);
    }
    if (!events.empty())
        Q_EMIT delivered(events);
}

} // namespace llmos
