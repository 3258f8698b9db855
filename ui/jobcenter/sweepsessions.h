#pragma once

#include <QObject>
#include <QString>

#include <nlohmann/json.hpp>

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <thread>

namespace llmos {

class JobScheduler;
class TrainingJobs;

// Hyperparameter sweeps run from the window. SweepRunner::run() decides trials and waits
// for their results, so each sweep gets a thread of its own; its trials are ordinary
// training runs of the window's scheduler (they appear on the Jobs page), its events
// reach the GUI thread as sweepEvent signals. Stopping pauses the sweep's trials; a
// stopped or interrupted sweep continues with resume().
class SweepSessions : public QObject {
    Q_OBJECT
public:
    SweepSessions(JobScheduler &scheduler, TrainingJobs &training, std::string home, QObject *parent = nullptr);
    // Stops every running sweep and waits for them (their trials pause).
    ~SweepSessions() override;

    // Runs (or continues) a sweep whose folder exists (SweepRunner::create made it).
    void resume(const QString &sweepId);
    void stop(const QString &sweepId);
    bool isRunning(const QString &sweepId) const;
    // Asks every sweep to stop, without waiting.
    void stopAll();

Q_SIGNALS:
    // One SweepRunner event (see engine/services/sweeprunner.h), on the GUI thread.
    void sweepEvent(const QString &sweepId, const nlohmann::json &event);
    // The sweep's thread has returned: finished, stopped or failed (message non-empty).
    void sweepEnded(const QString &sweepId, const QString &outcome, const QString &failure);

private:
    struct Session {
        std::atomic<bool> stop{false};
        std::atomic<bool> ended{false}; // set last thing by the thread: joining it then is instant
        std::thread thread;
    };
    void run(const QString &sweepId);
    void reap();

    JobScheduler &m_scheduler;
    TrainingJobs &m_training;
    std::string m_home;
    std::map<QString, std::unique_ptr<Session>> m_sessions;
};

} // namespace llmos
