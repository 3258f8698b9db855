#pragma once

// Shared by the jobs tests: a scheduler on a temporary runs folder, and an event recorder.

#include "jobs/jobscheduler.h"
#include "tempdir.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <future>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

namespace llmos {
// gtest prints states by name.
inline void PrintTo(JobState state, std::ostream *out)
{
    *out << jobStateName(state);
}
} // namespace llmos

namespace llmos::test {

// Guards the waits below: a broken scheduler fails the test instead of hanging ctest.
inline constexpr std::chrono::seconds kGiveUp{30};

// Collects events from a subscription and lets a test wait for one that matches.
class EventRecorder {
public:
    void operator()(const JobEvent &event);
    // The events so far (a copy).
    std::vector<JobEvent> events() const;
    std::vector<JobEvent> eventsOf(const std::string &runId) const;
    // Waits until an event of `runId` satisfies `match`; false after kGiveUp.
    bool waitFor(const std::string &runId, const std::function<bool(const JobEvent &)> &match);
    // Waits until the run's state event to `state` arrived.
    bool waitForState(const std::string &runId, JobState state);

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_arrived;
    std::vector<JobEvent> m_events;
};

// A one-shot signal between the test and a body.
class Gate {
public:
    void open() { m_promise.set_value(); }
    // False after kGiveUp, so a body never blocks forever.
    bool pass() { return m_future.wait_for(kGiveUp) == std::future_status::ready; }

private:
    std::promise<void> m_promise;
    std::shared_future<void> m_future = m_promise.get_future().share();
};

class JobsTest : public ::testing::Test {
protected:
    std::string runsRoot() const { return m_dir.file("runs"); }
    RunStore store() const { return RunStore(runsRoot()); }
    JobSchedulerOptions options(int workers, std::uint64_t memory = 1ull << 30, int threads = 64) const;
    std::unique_ptr<JobScheduler> makeScheduler(int workers = 1, std::uint64_t memory = 1ull << 30, int threads = 64) const;
    static JobSpec spec(std::string name, JobBody body, int priority = 0, std::uint64_t memory = 0);

    TempDir m_dir;
};

} // namespace llmos::test
