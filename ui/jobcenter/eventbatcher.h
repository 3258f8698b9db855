#pragma once

#include "jobs/jobevent.h"

#include <QObject>
#include <QTimer>

#include <mutex>
#include <vector>

namespace llmos {

// Carries job events from the scheduler's event thread to the GUI thread in batches: the
// event thread only appends under a mutex (never waits on the GUI), and a timer on the GUI
// thread hands over everything gathered since the last tick in one signal. A training run
// reports hundreds of steps a second; one repaint per tick instead of per event keeps the
// window responsive, and 20 ticks a second still look live.
class EventBatcher : public QObject {
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 50;

    explicit EventBatcher(QObject *parent = nullptr);

    // Any thread.
    void push(const JobEvent &event);
    // GUI thread: delivers what is waiting now, without waiting for the next tick.
    void flush();

Q_SIGNALS:
    // Events in the order they were published; never empty.
    void delivered(const std::vector<JobEvent> &events);

private:
    std::mutex m_mutex;
    std::vector<JobEvent> m_pending;
    QTimer m_timer;
};

} // namespace llmos
