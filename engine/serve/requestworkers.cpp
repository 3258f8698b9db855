#include "serve/requestworkers.h"

#include <pthread.h>

namespace llmos::serve {

RequestWorkers::RequestWorkers(int threads, std::size_t maxQueued, std::string threadName)
    : m_maxQueued(maxQueued)
{
    for (int i = 0; i < std::max(threads, 1); ++i) {
        m_threads.emplace_back([this] { work(); });
        pthread_setname_np(m_threads.back().native_handle(), threadName.substr(0, 15).c_str());
    }
}

RequestWorkers::~RequestWorkers()
{
    stop();
}

bool RequestWorkers::tryPost(std::function<void()> job)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || m_jobs.size() >= m_maxQueued)
            return false;
        m_jobs.push_back(std::move(job));
    }
    m_ready.notify_one();
    return true;
}

std::size_t RequestWorkers::queued() const
{
    std::lock_guard lock(m_mutex);
    return m_jobs.size();
}

void RequestWorkers::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_ready.notify_all();
    for (auto &thread : m_threads)
        if (thread.joinable())
            thread.join();
}

void RequestWorkers::work()
{
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(m_mutex);
            m_ready.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty())
                return; // stopping, nothing left
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        job(); // jobs catch their own exceptions (the router does)
    }
}

} // namespace llmos::serve
