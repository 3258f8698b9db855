#include "tasks/taskrunner.h"

#include "tasks/taskcancelled.h"

#include <QMetaObject>

#include <exception>

#if defined(__linux__)
#include <pthread.h>
#endif

namespace llmos {

TaskRunner::TaskRunner(QString title, Work work, QObject *parent)
    : QObject(parent)
    , m_title(std::move(title))
    , m_work(std::move(work))
{
}

TaskRunner::~TaskRunner()
{
    // Explicit, so the reason is visible here: stop the work and join before any member
    // it reports into goes away.
    if (m_thread.joinable()) {
        m_stopSource.request_stop();
        m_thread.join();
    }
}

void TaskRunner::start()
{
    if (m_state != TaskState::NotStarted)
        return;
    m_state = TaskState::Running;
    // Reports reach the GUI thread as queued calls on this object. They are posted only
    // while the runner exists: its destructor joins the thread before anything is freed.
    auto wake = [this] { QMetaObject::invokeMethod(this, &TaskRunner::applyReports, Qt::QueuedConnection); };
    m_context = std::make_unique<TaskContext>(m_stopSource.get_token(), wake);
    m_thread = std::thread([this] { runOnWorker(); });
    Q_EMIT started();
}

void TaskRunner::cancel()
{
    if (m_state != TaskState::Running || m_cancelRequested)
        return;
    m_cancelRequested = true;
    m_stopSource.request_stop();
}

void TaskRunner::runOnWorker()
{
#if defined(__linux__)
    pthread_setname_np(pthread_self(), "llmos-task"); // shows in top, gdb and perf
#endif
    TaskState outcome = TaskState::Succeeded;
    QString reason;
    try {
        m_work(*m_context);
        if (m_context->stopRequested())
            outcome = TaskState::Cancelled;
    } catch (const TaskCancelled &) {
        outcome = TaskState::Cancelled;
    } catch (const std::exception &e) {
        outcome = TaskState::Failed;
        reason = QString::fromUtf8(e.what());
    } catch (...) {
        outcome = TaskState::Failed;
        reason = tr("an unknown error stopped the task");
    }
    if (outcome == TaskState::Failed && reason.isEmpty())
        reason = tr("the task failed without saying why");
    QMetaObject::invokeMethod(
        this, [this, outcome, reason] { finish(outcome, reason); }, Qt::QueuedConnection);
}

void TaskRunner::applyReports()
{
    if (!m_context)
        return;
    const TaskContext::Snapshot latest = m_context->takeSnapshot();
    if (latest.fraction != m_progress) {
        m_progress = latest.fraction;
        Q_EMIT progressChanged(m_progress);
    }
    if (latest.status != m_status) {
        m_status = latest.status;
        Q_EMIT statusChanged(m_status);
    }
}

void TaskRunner::finish(TaskState state, const QString &reason)
{
    applyReports(); // the last report may still be waiting
    m_state = state;
    switch (state) {
    case TaskState::Succeeded:
        Q_EMIT succeeded();
        break;
    case TaskState::Failed:
        m_failReason = reason;
        Q_EMIT failed(reason);
        break;
    case TaskState::Cancelled:
        Q_EMIT cancelled();
        break;
    case TaskState::NotStarted:
    case TaskState::Running:
        break;
    }
    Q_EMIT finished();
}

} // namespace llmos
