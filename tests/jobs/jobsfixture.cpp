#include "jobsfixture.h"

namespace llmos::test {

void EventRecorder::operator()(const JobEvent &event)
{
    {
        std::lock_guard lock(m_mutex);
        m_events.push_back(event);
    }
    m_arrived.notify_all();
}

std::vector<JobEvent> EventRecorder::events() const
{
    std::lock_guard lock(m_mutex);
    return m_events;
}

std::vector<JobEvent> EventRecorder::eventsOf(const std::string &runId) const
{
    std::lock_guard lock(m_mutex);
    std::vector<JobEvent> out;
    for (const auto &e : m_events)
        if (e.runId == runId)
            out.push_back(e);
    return out;
}

bool EventRecorder::waitFor(const std::string &runId, const std::function<bool(const JobEvent &)> &match)
{
    std::unique_lock lock(m_mutex);
    return m_arrived.wait_for(lock, kGiveUp, [&] {
        for (const auto &e : m_events)
            if (e.runId == runId && match(e))
                return true;
        return false;
    });
}

bool EventRecorder::waitForState(const std::string &runId, JobState state)
{
    return waitFor(runId, [state](const JobEvent &e) {
        const auto *s = std::get_if<JobStateChanged>(&e.payload);
        return s && s->to == state && s->from != s->to;
    });
}

JobSchedulerOptions JobsTest::options(int workers, std::uint64_t memory, int threads) const
{
    JobSchedulerOptions o;
    o.workers = workers;
    o.capacity = DeviceCapacity{"cpu", memory, threads};
    return o;
}

std::unique_ptr<JobScheduler> JobsTest::makeScheduler(int workers, std::uint64_t memory, int threads) const
{
    return std::make_unique<JobScheduler>(store(), options(workers, memory, threads));
}

JobSpec JobsTest::spec(std::string name, JobBody body, int priority, std::uint64_t memory)
{
    JobSpec s;
    s.name = std::move(name);
    s.kind = "test";
    s.priority = priority;
    s.memoryEstimateBytes = memory;
    s.recipe = {{"task", "test"}, {"steps", 5}};
    s.body = std::move(body);
    return s;
}

} // namespace llmos::test
