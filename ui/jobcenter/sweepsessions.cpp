#include "jobcenter/sweepsessions.h"

#include "services/sweepthreads.h"

#include <QPointer>

namespace llmos {

SweepSessions::SweepSessions(JobScheduler &scheduler, TrainingJobs &training, std::string home, QObject *parent)
    : QObject(parent)
{
    // The threads report on their own threads; the signals go out on the GUI thread.
    QPointer<SweepSessions> self(this);
    m_threads = std::make_unique<SweepThreads>(
        scheduler, training, std::move(home),
        [self](const std::string &id, const nlohmann::json &event) {
            QMetaObject::invokeMethod(self, [self, sweepId = QString::fromStdString(id), event] {
                if (self)
                    Q_EMIT self->sweepEvent(sweepId, event);
            });
        },
        [self](const std::string &id, const std::string &outcome, const std::string &failure) {
            QMetaObject::invokeMethod(self, [self, sweepId = QString::fromStdString(id),
                                             outcome = QString::fromStdString(outcome),
                                             failure = QString::fromUtf8(failure.c_str())] {
                if (self)
                    Q_EMIT self->sweepEnded(sweepId, outcome, failure);
            });
        });
}

SweepSessions::~SweepSessions() = default;

void SweepSessions::resume(const QString &sweepId)
{
    m_threads->resume(sweepId.toStdString());
}

void SweepSessions::stop(const QString &sweepId)
{
    m_threads->stop(sweepId.toStdString());
}

bool SweepSessions::isRunning(const QString &sweepId) const
{
    return m_threads->isRunning(sweepId.toStdString());
}

void SweepSessions::stopAll()
{
    m_threads->stopAll();
}

} // namespace llmos
