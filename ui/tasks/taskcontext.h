#pragma once

#include <QString>

#include <atomic>
#include <functional>
#include <mutex>
#include <stop_token>

namespace llmos {

// What the work running on a TaskRunner's thread sees: a way to report progress and
// status, and the cancel flag to check between steps. Reports are cheap: they store the
// latest values and wake the GUI thread at most once until it has read them, so a loop
// may report on every step without flooding the event queue.
class TaskContext {
public:
    // `wake` is called on the worker thread when a report is waiting for the GUI.
    TaskContext(std::stop_token stopToken, std::function<void()> wake);

    // Fraction done in [0, 1]; a negative value means "unknown" (a busy indicator).
    void setProgress(double fraction);
    void setStatus(const QString &status);
    void setProgress(double fraction, const QString &status);

    bool stopRequested() const { return m_stopToken.stop_requested(); }
    std::stop_token stopToken() const { return m_stopToken; }
    // Throws TaskCancelled when cancel was asked for.
    void throwIfCancelled() const;

    // GUI side: the latest values, and clears the "report waiting" flag so the next
    // report wakes the GUI again.
    struct Snapshot {
        double fraction = -1;
        QString status;
    };
    Snapshot takeSnapshot();

private:
    void wakeOnce();

    std::stop_token m_stopToken;
    std::function<void()> m_wake;
    mutable std::mutex m_mutex;
    Snapshot m_latest;
    std::atomic<bool> m_wakePending{false};
};

} // namespace llmos
