#pragma once

#include "jobs/jobevent.h"

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace llmos {

using EventCallback = std::function<void(const JobEvent &)>;

class EventSubscriber;

// Ends a subscription when it is destroyed or closed: the events published before are
// still delivered, then the subscriber's thread stops and is joined.
class EventSubscription {
public:
    EventSubscription() = default;
    explicit EventSubscription(std::shared_ptr<EventSubscriber> subscriber);
    EventSubscription(EventSubscription &&) noexcept = default;
    EventSubscription &operator=(EventSubscription &&other) noexcept;
    ~EventSubscription();

    void close();

private:
    std::shared_ptr<EventSubscriber> m_subscriber;
};

// Fans events out to subscribers without ever blocking the job that emits them: each
// subscriber has its own queue and its own thread ("llmos-events") that calls its
// callback, in publish order. A slow callback only delays its own queue (which grows in
// memory meanwhile); a callback that throws loses that event, never the job. Callbacks may
// call back into the scheduler (pause, cancel) but must not close their own subscription.
class EventBus {
public:
    EventBus() = default;
    EventBus(const EventBus &) = delete;
    EventBus &operator=(const EventBus &) = delete;

    EventSubscription subscribe(EventCallback callback);
    void publish(const JobEvent &event);

private:
    std::mutex m_mutex;
    std::vector<std::weak_ptr<EventSubscriber>> m_subscribers;
};

} // namespace llmos
