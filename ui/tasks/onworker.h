#pragma once

#include <QException>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace llmos {

// The message of what a worker threw, as QFuture::result() rethrows it: Qt wraps an
// exception that is not a QException in a QUnhandledException, whose what() says only
// "std::exception"; the engine's Error, with the field and the reason, is inside it.
inline QString workerErrorText(const std::exception &e)
{
    if (const auto *wrapped = dynamic_cast<const QUnhandledException *>(&e); wrapped && wrapped->exception()) {
        try {
            std::rethrow_exception(wrapped->exception());
        } catch (const std::exception &inner) {
            return QString::fromUtf8(inner.what());
        } catch (...) {
        }
    }
    return QString::fromUtf8(e.what());
}

// Runs `work` on Qt's thread pool and hands its result — or a default Result and the
// error's text — to `done(result, error)` on `owner`'s thread, unless `owner` is gone by
// then. For short reads and writes a page must not do on the GUI thread.
template <typename Result, typename Work, typename Done>
void onWorker(QObject *owner, Work work, Done done)
{
    auto *watcher = new QFutureWatcher<Result>(owner);
    QObject::connect(watcher, &QFutureWatcher<Result>::finished, owner, [watcher, done] {
        watcher->deleteLater();
        try {
            done(watcher->result(), QString());
        } catch (const std::exception &e) {
            done(Result{}, workerErrorText(e));
        }
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace llmos
