#include "jobcenter/sweepsessions.h"

#include "services/sweeprunner.h"

#include <QPointer>

namespace llmos {

SweepSessions::SweepSessions(JobScheduler &scheduler, TrainingJobs &training, std::string home, QObject *parent)
    : QObject(parent)
    , m_scheduler(scheduler)
    , m_training(training)
    , m_home(std::move(home))
{
}

SweepSessions::~SweepSessions()
{
    stopAll();
    for (auto &[id, session] : m_sessions)
        if (session->thread.joinable())
            session->thread.join();
}

void SweepSessions::resume(const QString &sweepId)
{
    if (!isRunning(sweepId))
        run(sweepId);
}

void SweepSessions::run(const QString &sweepId)
{
    reap();
    if (m_sessions.count(sweepId))
        return; // still running
    auto session = std::make_unique<Session>();
    Session *raw = session.get();
    QPointer<SweepSessions> self(this);
    raw->thread = std::thread([self, this, raw, sweepId] {
        SweepRunOptions options;
        options.onEvent = [self, sweepId](const nlohmann::json &event) {
            QMetaObject::invokeMethod(self, [self, sweepId, event] {
                if (self)
                    Q_EMIT self->sweepEvent(sweepId, event);
            });
        };
        options.stopRequested = [raw] { return raw->stop.load(); };
        QString outcome;
        QString failure;
        try {
            SweepRunner runner(m_scheduler, m_training, m_home);
            outcome = runner.run(sweepId.toStdString(), options) == SweepOutcome::Finished ? QStringLiteral("finished")
                                                                                           : QStringLiteral("stopped");
        } catch (const std::exception &e) {
            outcome = QStringLiteral("failed");
            failure = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(self, [self, sweepId, outcome, failure] {
            if (self)
                Q_EMIT self->sweepEnded(sweepId, outcome, failure);
        });
        raw->ended = true;
    });
    m_sessions[sweepId] = std::move(session);
}

void SweepSessions::stop(const QString &sweepId)
{
    if (const auto it = m_sessions.find(sweepId); it != m_sessions.end())
        it->second->stop = true;
}

bool SweepSessions::isRunning(const QString &sweepId) const
{
    const auto it = m_sessions.find(sweepId);
    return it != m_sessions.end() && !it->second->ended;
}

void SweepSessions::stopAll()
{
    for (auto &[id, session] : m_sessions)
        session->stop = true;
}

void SweepSessions::reap()
{
    // Threads of sweeps that have ended are joined on the next start, so that starting
    // never waits on a sweep that is still deciding.
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        if (it->second->ended) {
            it->second->thread.join();
            it = m_sessions.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace llmos
