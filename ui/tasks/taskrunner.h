#pragma once

#include "tasks/taskcontext.h"
#include "tasks/taskstate.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <thread>

namespace llmos {

// Runs one long operation on its own named thread and tells the GUI about it through
// signals, always delivered on the thread that owns the runner (the GUI thread). The work
// receives a TaskContext to report progress and to check for cancellation between steps.
// Whatever the work throws becomes the Failed state with the exception's message
// (TaskCancelled becomes Cancelled), so a failure never escapes the thread.
//
// One runner runs its work once. Destroying a runner that is still running asks the work
// to stop and joins its thread: work that checks the flag between steps ends promptly.
class TaskRunner : public QObject {
    Q_OBJECT
public:
    using Work = std::function<void(TaskContext &)>;

    TaskRunner(QString title, Work work, QObject *parent = nullptr);
    ~TaskRunner() override;

    void start();
    // Asks the work to stop; the state becomes Cancelled once it has returned.
    void cancel();

    QString title() const { return m_title; }
    TaskState state() const { return m_state; }
    bool isRunning() const { return m_state == TaskState::Running; }
    bool cancelRequested() const { return m_cancelRequested; }
    double progress() const { return m_progress; } // negative: unknown
    QString status() const { return m_status; }
    QString failReason() const { return m_failReason; }

Q_SIGNALS:
    void started();
    void progressChanged(double fraction);
    void statusChanged(const QString &status);
    void succeeded();
    void failed(const QString &reason);
    void cancelled();
    // After succeeded, failed or cancelled.
    void finished();

private:
    void runOnWorker();
    void applyReports();
    void finish(TaskState state, const QString &reason);

    QString m_title;
    Work m_work;
    TaskState m_state = TaskState::NotStarted;
    bool m_cancelRequested = false;
    double m_progress = -1;
    QString m_status;
    QString m_failReason;
    std::stop_source m_stopSource;
    std::unique_ptr<TaskContext> m_context;
    std::thread m_thread; // joined in the destructor, before the members it uses go away
};

} // namespace llmos
