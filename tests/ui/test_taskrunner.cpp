#include "tasks/progressdialog.h"
#include "tasks/taskcancelled.h"
#include "tasks/taskrunner.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>

using namespace llmos;

namespace {

// Holds a worker at a known point until the test opens it, or until the task is asked
// to stop, so tests need no sleeps and a failing test never leaves a worker stuck.
class Gate {
public:
    // True when opened, false when stop was requested first.
    bool wait(std::stop_token stop)
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait(lock, stop, [this] { return m_open; });
    }
    void open()
    {
        {
            std::lock_guard lock(m_mutex);
            m_open = true;
        }
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable_any m_changed;
    bool m_open = false;
};

} // namespace

class TestTaskRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void progressAndStatusArriveOnTheGuiThread();
    void cancelStopsTheWorker();
    void throwIfCancelledEndsAsCancelled();
    void anExceptionBecomesAFailureWithItsMessage();
    void anythingThrownIsAFailure();
    void manyReportsEndWithTheLastOne();
    void destroyingARunningTaskStopsAndJoinsIt();
    void dialogShowsProgressAndCancels();
    void dialogShowsTheFailureUntilClosed();
    void dialogClosesWhenTheTaskSucceeds();
};

void TestTaskRunner::progressAndStatusArriveOnTheGuiThread()
{
    Gate gate;
    std::atomic<bool> reported = false;
    TaskRunner task(QStringLiteral("Hash files"), [&](TaskContext &context) {
        context.setProgress(0.25, QStringLiteral("model-00001-of-00004.safetensors"));
        reported = true;
        if (!gate.wait(context.stopToken()))
            return;
        context.setProgress(1.0, QStringLiteral("done"));
    });
    QThread *guiThread = QThread::currentThread();
    QList<QThread *> signalThreads;
    connect(&task, &TaskRunner::progressChanged, this, [&] { signalThreads << QThread::currentThread(); });
    QSignalSpy succeeded(&task, &TaskRunner::succeeded);
    QSignalSpy finished(&task, &TaskRunner::finished);

    QCOMPARE(task.state(), TaskState::NotStarted);
    task.start();
    QCOMPARE(task.state(), TaskState::Running);
    QTRY_COMPARE(task.progress(), 0.25);
    QCOMPARE(task.status(), QStringLiteral("model-00001-of-00004.safetensors"));
    QCOMPARE(finished.count(), 0); // the worker is held at the gate

    gate.open();
    QTRY_COMPARE(task.state(), TaskState::Succeeded);
    QCOMPARE(task.progress(), 1.0);
    QCOMPARE(task.status(), QStringLiteral("done"));
    QCOMPARE(succeeded.count(), 1);
    QCOMPARE(finished.count(), 1);
    QVERIFY(!signalThreads.isEmpty());
    for (QThread *thread : signalThreads)
        QCOMPARE(thread, guiThread);
}

void TestTaskRunner::cancelStopsTheWorker()
{
    Gate gate; // never opened: only a stop ends the wait
    std::atomic<bool> waiting = false;
    std::atomic<bool> sawStop = false;
    TaskRunner task(QStringLiteral("Import"), [&](TaskContext &context) {
        context.setStatus(QStringLiteral("waiting"));
        waiting = true;
        sawStop = !gate.wait(context.stopToken());
    });
    QSignalSpy cancelled(&task, &TaskRunner::cancelled);
    QSignalSpy succeeded(&task, &TaskRunner::succeeded);
    task.start();
    QTRY_VERIFY(waiting.load());

    task.cancel();
    QVERIFY(task.cancelRequested());
    QTRY_COMPARE(task.state(), TaskState::Cancelled);
    QVERIFY(sawStop.load());
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(succeeded.count(), 0);
    QVERIFY(task.failReason().isEmpty());
}

void TestTaskRunner::throwIfCancelledEndsAsCancelled()
{
    Gate gate;
    std::atomic<bool> waiting = false;
    TaskRunner task(QStringLiteral("Export"), [&](TaskContext &context) {
        waiting = true;
        gate.wait(context.stopToken());
        context.throwIfCancelled();
        throw std::runtime_error("not reached: cancel was asked for");
    });
    QSignalSpy failed(&task, &TaskRunner::failed);
    task.start();
    QTRY_VERIFY(waiting.load());
    task.cancel();
    QTRY_COMPARE(task.state(), TaskState::Cancelled);
    QCOMPARE(failed.count(), 0);
}

void TestTaskRunner::anExceptionBecomesAFailureWithItsMessage()
{
    const QString message = QStringLiteral("model.safetensors: the header says 8 GiB but the file has 3 bytes");
    TaskRunner task(QStringLiteral("Import"), [&](TaskContext &context) {
        context.setProgress(0.5);
        throw std::runtime_error(message.toStdString());
    });
    QSignalSpy failed(&task, &TaskRunner::failed);
    QSignalSpy finished(&task, &TaskRunner::finished);
    task.start();
    QTRY_COMPARE(task.state(), TaskState::Failed);
    QCOMPARE(task.failReason(), message);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).toString(), message);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(task.progress(), 0.5); // the last report before the failure still arrived
}

void TestTaskRunner::anythingThrownIsAFailure()
{
    TaskRunner task(QStringLiteral("Odd"), [](TaskContext &) { throw 42; });
    task.start();
    QTRY_COMPARE(task.state(), TaskState::Failed);
    QVERIFY(!task.failReason().isEmpty());
}

void TestTaskRunner::manyReportsEndWithTheLastOne()
{
    constexpr int kSteps = 100000;
    TaskRunner task(QStringLiteral("Count"), [](TaskContext &context) {
        for (int i = 1; i <= kSteps; ++i)
            context.setProgress(double(i) / kSteps, QStringLiteral("step %1").arg(i));
    });
    QSignalSpy progress(&task, &TaskRunner::progressChanged);
    task.start();
    QTRY_COMPARE(task.state(), TaskState::Succeeded);
    QCOMPARE(task.progress(), 1.0);
    QCOMPARE(task.status(), QStringLiteral("step %1").arg(kSteps));
    QVERIFY(progress.count() <= kSteps); // reports coalesce while the GUI is busy
}

void TestTaskRunner::destroyingARunningTaskStopsAndJoinsIt()
{
    Gate gate;
    std::atomic<bool> waiting = false;
    std::atomic<bool> returned = false;
    auto task = std::make_unique<TaskRunner>(QStringLiteral("Long"), [&](TaskContext &context) {
        waiting = true;
        gate.wait(context.stopToken());
        returned = true;
    });
    task->start();
    QTRY_VERIFY(waiting.load());
    task.reset(); // must not hang, crash, or leave the thread running
    QVERIFY(returned.load());
}

void TestTaskRunner::dialogShowsProgressAndCancels()
{
    Gate gate;
    TaskRunner task(QStringLiteral("Import gpt2"), [&](TaskContext &context) {
        context.setProgress(0.5, QStringLiteral("Hashing model.safetensors"));
        gate.wait(context.stopToken());
    });
    ProgressDialog dialog(task);
    dialog.open();
    task.start();
    auto *bar = dialog.findChild<QProgressBar *>(QStringLiteral("taskProgress"));
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("taskStatus"));
    QTRY_COMPARE(bar->value(), 500);
    QCOMPARE(bar->maximum(), 1000);
    QCOMPARE(status->text(), QStringLiteral("Hashing model.safetensors"));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Import gpt2"));

    auto *cancel = dialog.findChild<QPushButton *>();
    QCOMPARE(cancel->text(), QStringLiteral("Cancel"));
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE(task.state(), TaskState::Cancelled);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestTaskRunner::dialogShowsTheFailureUntilClosed()
{
    TaskRunner task(QStringLiteral("Import"),
                    [](TaskContext &) { throw std::runtime_error("pytorch_model.bin: pickle files can run code"); });
    ProgressDialog dialog(task);
    dialog.open();
    task.start();
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("taskError"));
    QTRY_VERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("pickle files can run code")));
    QVERIFY(dialog.isVisible()); // stays, so the reason can be read
    auto *close = dialog.findChild<QPushButton *>();
    QCOMPARE(close->text(), QStringLiteral("Close"));
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
}

void TestTaskRunner::dialogClosesWhenTheTaskSucceeds()
{
    TaskRunner task(QStringLiteral("Quick"), [](TaskContext &context) { context.setProgress(1.0); });
    ProgressDialog dialog(task);
    dialog.open();
    task.start();
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

QTEST_MAIN(TestTaskRunner)
#include "test_taskrunner.moc"
