#include "services/sweepthreads.h"

#include "services/sweeprunner.h"

#include <atomic>
#include <thread>

namespace llmos {

struct SweepThreads::Session {
    std::atomic<bool> stop{false};
    bool ended = false; // under m_mutex; set last thing by the thread: joining it then is instant
    std::vector<nlohmann::json> events; // under m_mutex
    std::thread thread;
};

SweepThreads::SweepThreads(JobScheduler &scheduler, TrainingJobs &training, std::string home, EventSink onEvent,
                           EndSink onEnd)
    : m_scheduler(scheduler)
    , m_training(training)
    , m_home(std::move(home))
    , m_onEvent(std::move(onEvent))
    , m_onEnd(std::move(onEnd))
{
}

SweepThreads::~SweepThreads()
{
    stopAll();
    std::map<std::string, std::shared_ptr<Session>> sessions;
    {
        std::lock_guard lock(m_mutex);
        sessions = m_sessions;
    }
    for (auto &[id, session] : sessions)
        if (session->thread.joinable())
            session->thread.join();
}

bool SweepThreads::resume(const std::string &sweepId)
{
    std::lock_guard lock(m_mutex);
    reapLocked();
    if (const auto it = m_sessions.find(sweepId); it != m_sessions.end() && !it->second->ended)
        return false;
    auto session = std::make_shared<Session>();
    m_sessions[sweepId] = session;
    session->thread = std::thread([this, sweepId, session] { run(sweepId, *session); });
    return true;
}

void SweepThreads::run(const std::string &sweepId, Session &session)
{
    SweepRunOptions options;
    options.onEvent = [this, &session, sweepId](const nlohmann::json &event) {
        {
            std::lock_guard lock(m_mutex);
            session.events.push_back(event);
        }
        m_changed.notify_all();
        if (m_onEvent)
            m_onEvent(sweepId, event);
    };
    options.stopRequested = [&session] { return session.stop.load(); };
    std::string outcome;
    std::string failure;
    try {
        SweepRunner runner(m_scheduler, m_training, m_home);
        outcome = runner.run(sweepId, options) == SweepOutcome::Finished ? "finished" : "stopped";
    } catch (const std::exception &e) {
        outcome = "failed";
        failure = e.what();
    }
    if (m_onEnd)
        m_onEnd(sweepId, outcome, failure);
    {
        std::lock_guard lock(m_mutex);
        session.ended = true;
    }
    m_changed.notify_all();
}

bool SweepThreads::stop(const std::string &sweepId)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_sessions.find(sweepId);
    if (it == m_sessions.end() || it->second->ended)
        return false;
    it->second->stop = true;
    return true;
}

bool SweepThreads::isRunning(const std::string &sweepId) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_sessions.find(sweepId);
    return it != m_sessions.end() && !it->second->ended;
}

void SweepThreads::stopAll()
{
    std::lock_guard lock(m_mutex);
    for (auto &[id, session] : m_sessions)
        session->stop = true;
}

SweepThreads::Events SweepThreads::eventsSince(const std::string &sweepId, std::size_t from,
                                               std::chrono::milliseconds wait) const
{
    std::unique_lock lock(m_mutex);
    const auto it = m_sessions.find(sweepId);
    if (it == m_sessions.end())
        return {};
    const auto session = it->second;
    m_changed.wait_for(lock, wait, [&] { return session->ended || session->events.size() > from; });
    Events out;
    out.ended = session->ended;
    for (auto i = from; i < session->events.size(); ++i)
        out.events.push_back(session->events[i]);
    return out;
}

void SweepThreads::reapLocked()
{
    // Threads of sessions that have ended are joined on the next start, so that starting
    // never waits on a sweep that is still deciding. Their events stay until then.
    for (auto &[id, session] : m_sessions)
        if (session->ended && session->thread.joinable())
            session->thread.join();
}

} // namespace llmos
