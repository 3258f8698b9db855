#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace llmos {

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
            done(Result{}, QString::fromUtf8(e.what()));
        }
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace llmos
