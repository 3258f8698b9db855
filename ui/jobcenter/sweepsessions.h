#pragma once

#include <QObject>
#include <QString>

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace llmos {

class JobScheduler;
class SweepThreads;
class TrainingJobs;

// Hyperparameter sweeps run from the window: SweepThreads (engine/services), whose events
// reach the GUI thread as signals. Each sweep has a thread of its own; its trials are
// ordinary training runs of the window's scheduler (they appear on the Jobs page).
// Stopping pauses the sweep's trials; a stopped or interrupted sweep continues with
// resume(). The API server started from the window uses the same threads (threads()).
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
    SweepThreads &threads() { return *m_threads; }

Q_SIGNALS:
    // One SweepRunner event (see engine/services/sweeprunner.h), on the GUI thread.
    void sweepEvent(const QString &sweepId, const nlohmann::json &event);
    // The sweep's thread has returned: finished, stopped or failed (message non-empty).
    void sweepEnded(const QString &sweepId, const QString &outcome, const QString &failure);

private:
    std::unique_ptr<SweepThreads> m_threads;
};

} // namespace llmos
