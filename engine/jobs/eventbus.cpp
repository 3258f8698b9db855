#include "jobs/eventbus.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <pthread.h>
#include <thread>

namespace llmos {

// One subscriber: a queue drained by its own thread.
class EventSubscriber {
public:
    explicit EventSubscriber(EventCallback callback)
        : m_callback(std::move(callback))
        , m_thread([this] { deliver(); })
    {
        pthread_setname_np(m_thread.native_handle(), "llmos-events");
    }

    ~EventSubscriber() { close(); }

    void push(const JobEvent &event)
    {
        {
            std::lock_guard lock(m_mutex);
            if (m_closed)
                return;
            m_queue.push_back(event);
        }
        m_wake.notify_one();
    }

    void close()
    {
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_wake.notify_one();
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    void deliver()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [this] { return m_closed || !m_queue.empty(); });
            if (m_queue.empty())
                return; // closed, and every event published before was delivered
            JobEvent event = std::move(m_queue.front());
            m_queue.pop_front();
            lock.unlock();
            try {
                m_callback(event);
            } catch (...) {
                // A subscriber's bug must not stop delivery to it, nor reach the job.
            }
            lock.lock();
        }
    }

    EventCallback m_callback;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<JobEvent> m_queue;
    bool m_closed = false;
    std::thread m_thread; // last: starts once the members above exist
};

EventSubscription::EventSubscription(std::shared_ptr<EventSubscriber> subscriber)
    : m_subscriber(std::move(subscriber))
{
}

EventSubscription &EventSubscription::operator=(EventSubscription &&other) noexcept
{
    if (this != &other) {
        close();
        m_subscriber = std::move(other.m_subscriber);
    }
    return *this;
}

EventSubscription::~EventSubscription()
{
    close();
}

void EventSubscription::close()
{
    if (m_subscriber) {
        m_subscriber->close();
        m_subscriber.reset();
    }
}

EventSubscription EventBus::subscribe(EventCallback callback)
{
    auto subscriber = std::make_shared<EventSubscriber>(std::move(callback));
    std::lock_guard lock(m_mutex);
    m_subscribers.push_back(subscriber);
    return EventSubscription(std::move(subscriber));
}

void EventBus::publish(const JobEvent &event)
{
    std::vector<std::shared_ptr<EventSubscriber>> live;
    {
        std::lock_guard lock(m_mutex);
        std::erase_if(m_subscribers, [](const auto &weak) { return weak.expired(); });
        for (const auto &weak : m_subscribers)
            if (auto s = weak.lock())
                live.push_back(std::move(s));
    }
    for (const auto &s : live)
        s->push(event);
}

} // namespace llmos
