#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace llmos {

class JobScheduler;
class TrainingJobs;

// Sweeps running in the background of a long-lived process (the window, `llmos serve`).
// SweepRunner::run() decides trials and waits for their results, so each sweep gets a
// thread of its own; its trials are ordinary training runs of the scheduler. Stopping
// pauses the sweep's trials; a stopped or interrupted sweep continues with resume(). The
// events of each sweep's latest session are kept, so a follower can read them from the
// start and wait for more (the API's event stream). Safe to call from any thread.
class SweepThreads {
public:
    // Told of every SweepRunner event and of each session's end ("finished", "stopped" or
    // "failed" with the error), on the sweep's thread.
    using EventSink = std::function<void(const std::string &sweepId, const nlohmann::json &event)>;
    using EndSink = std::function<void(const std::string &sweepId, const std::string &outcome, const std::string &failure)>;

    SweepThreads(JobScheduler &scheduler, TrainingJobs &training, std::string home, EventSink onEvent = {},
                 EndSink onEnd = {});
    // Stops every running sweep and waits for them (their trials pause).
    ~SweepThreads();

    // Runs (or continues) a sweep whose folder exists (SweepRunner::create made it); false
    // when it is running already.
    bool resume(const std::string &sweepId);
    // False when it is not running.
    bool stop(const std::string &sweepId);
    bool isRunning(const std::string &sweepId) const;
    // Asks every sweep to stop, without waiting.
    void stopAll();

    // The latest session's events from index `from` on; when there are none yet and the
    // session is going, waits up to `wait` for one. `ended`: the session is over (or there
    // is none), so no more will come.
    struct Events {
        std::vector<nlohmann::json> events;
        bool ended = true;
    };
    Events eventsSince(const std::string &sweepId, std::size_t from, std::chrono::milliseconds wait) const;

private:
    struct Session;
    void run(const std::string &sweepId, Session &session);
    void reapLocked();

    JobScheduler &m_scheduler;
    TrainingJobs &m_training;
    std::string m_home;
    EventSink m_onEvent;
    EndSink m_onEnd;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::map<std::string, std::shared_ptr<Session>> m_sessions; // the latest per sweep
};

} // namespace llmos
