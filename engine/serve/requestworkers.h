#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace llmos::serve {

// The threads that run request handlers, so the server's I/O thread never runs model code
// or waits on a slow client. A bounded queue in front: a request that finds it full is
// refused at once (429 with Retry-After) rather than piling up memory.
class RequestWorkers {
public:
    RequestWorkers(int threads, std::size_t maxQueued, std::string threadName = "llmos-request");
    ~RequestWorkers(); // finishes queued and running jobs, then joins

    RequestWorkers(const RequestWorkers &) = delete;
    RequestWorkers &operator=(const RequestWorkers &) = delete;

    // Queues the job; false when the queue is full or the workers are stopping.
    bool tryPost(std::function<void()> job);

    // Jobs waiting for a thread (not those running).
    std::size_t queued() const;

    // Runs what is queued, then stops the threads and joins them.
    void stop();

private:
    void work();

    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<std::function<void()>> m_jobs;
    std::size_t m_maxQueued;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

} // namespace llmos::serve
