#include "jobcenter/jobcenter.h"

#include "jobcenter/sweepsessions.h"
#include "recipe/trainingrecipe.h"
#include "services/sweeprunner.h"
#include "sweep/sweepfile.h"
#include "services/localscheduler.h"
#include "services/trainingjobs.h"
#include "util/error.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <thread>

namespace llmos {

namespace {

int resolvedThreads(int threads)
{
    return threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

} // namespace

JobCenter::JobCenter(std::string home, int threads, int workers, QObject *parent)
    : QObject(parent)
    , m_home(std::move(home))
    , m_threads(resolvedThreads(threads))
{
    m_commands.setMaxThreadCount(1);
    m_commands.setObjectName(QStringLiteral("llmos-job-commands"));
    m_scheduler = std::make_unique<JobScheduler>(RunStore(m_home + "/runs"), localSchedulerOptions(m_threads, workers));
    m_training = std::make_unique<TrainingJobs>(*m_scheduler, m_home, m_threads);
    m_sweeps = std::make_unique<SweepSessions>(*m_scheduler, *m_training, m_home);
    connect(&m_batcher, &EventBatcher::delivered, this, &JobCenter::onEvents);
    m_subscription = m_scheduler->subscribe([this](const JobEvent &event) { m_batcher.push(event); });
    refreshList();
}

JobCenter::~JobCenter()
{
    m_commands.waitForDone();
    m_sweeps.reset(); // stops the sweeps, which pause their trials, while events still flow
    m_subscription.close();
}

std::shared_ptr<const RunRecord> JobCenter::record(const QString &runId)
{
    const auto it = m_watched.find(runId);
    if (it != m_watched.end())
        return it->second.record;
    load(runId);
    return nullptr;
}

void JobCenter::load(const QString &runId)
{
    m_watched[runId] = WatchedRun{};
    const std::string id = runId.toStdString();
    QPointer<JobCenter> self(this);
    (void)QtConcurrent::run(&m_commands, [self, this, id, runId] {
        auto record = std::make_shared<RunRecord>();
        QString failure;
        try {
            for (const auto &event : m_scheduler->store().readEvents(id).events)
                record->apply(event);
        } catch (const std::exception &e) {
            failure = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(self, [self, runId, record, failure] {
            if (!self)
                return;
            auto &watched = self->m_watched[runId];
            for (const auto &event : watched.pending)
                record->apply(event);
            watched.pending.clear();
            watched.record = record;
            if (!failure.isEmpty())
                Q_EMIT self->commandFailed(tr("Could not read the events of run %1: %2").arg(runId, failure));
            Q_EMIT self->recordChanged(runId);
        });
    });
}

void JobCenter::onEvents(const std::vector<JobEvent> &events)
{
    std::vector<QString> touched;
    for (const JobEvent &event : events) {
        const QString runId = QString::fromStdString(event.runId);
        if (m_jobList.rowOf(runId) < 0) {
            try {
                m_jobList.upsert(m_scheduler->snapshot(event.runId));
            } catch (const std::exception &) {
                // Not this scheduler's run (it cannot be, but a stale event must not throw here).
            }
        }
        m_jobList.apply(event);

        auto it = m_watched.find(runId);
        if (it == m_watched.end() && event.sequence == 1)
            it = m_watched.emplace(runId, WatchedRun{std::make_shared<RunRecord>(), {}}).first; // new: follow it live
        if (it == m_watched.end())
            continue;
        if (it->second.record)
            it->second.record->apply(event);
        else
            it->second.pending.push_back(event);
        if (std::find(touched.begin(), touched.end(), runId) == touched.end())
            touched.push_back(runId);
    }
    for (const QString &runId : touched)
        Q_EMIT recordChanged(runId);
    const QStringList active = m_jobList.activeRunNames();
    if (active != m_lastActive) {
        m_lastActive = active;
        Q_EMIT activeRunsChanged(active);
    }
}

void JobCenter::runCommand(QString failurePrefix, std::function<std::string()> work,
                           std::function<void(const std::string &)> done)
{
    QPointer<JobCenter> self(this);
    (void)QtConcurrent::run(&m_commands, [self, failurePrefix, work = std::move(work), done = std::move(done)] {
        std::string result;
        QString failure;
        try {
            result = work();
        } catch (const std::exception &e) {
            failure = failurePrefix + QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(self, [self, result, failure, done] {
            if (!self)
                return;
            if (!failure.isEmpty())
                Q_EMIT self->commandFailed(failure);
            else if (done)
                done(result);
        });
    });
}

void JobCenter::submitTraining(const TrainingRecipe &recipe)
{
    runCommand(
        tr("The run could not start: "), [this, recipe] { return m_training->submit(recipe); },
        [this](const std::string &id) {
            m_jobList.upsert(m_scheduler->snapshot(id));
            Q_EMIT runSubmitted(QString::fromStdString(id));
        });
}

void JobCenter::pause(const QString &runId)
{
    runCommand(tr("Could not pause the run: "), [this, id = runId.toStdString()] {
        m_scheduler->pause(id);
        return std::string();
    });
}

void JobCenter::resume(const QString &runId)
{
    runCommand(tr("Could not resume the run: "), [this, id = runId.toStdString()] {
        m_training->resume(id);
        return std::string();
    });
}

void JobCenter::cancel(const QString &runId)
{
    runCommand(tr("Could not cancel the run: "), [this, id = runId.toStdString()] {
        m_scheduler->cancel(id);
        return std::string();
    });
}

void JobCenter::retry(const QString &runId, bool fromLastCheckpoint)
{
    const auto from = fromLastCheckpoint ? TrainingJobs::RetryFrom::LastCheckpoint : TrainingJobs::RetryFrom::Start;
    runCommand(
        tr("Could not retry the run: "), [this, id = runId.toStdString(), from] { return m_training->retry(id, from); },
        [this](const std::string &id) {
            m_jobList.upsert(m_scheduler->snapshot(id));
            Q_EMIT runSubmitted(QString::fromStdString(id));
        });
}

void JobCenter::startSweep(const SweepSpec &spec)
{
    runCommand(
        tr("The search could not start: "),
        [this, spec] { return SweepRunner(*m_scheduler, *m_training, m_home).create(spec); },
        [this](const std::string &id) {
            m_sweeps->resume(QString::fromStdString(id));
            Q_EMIT sweepStarted(QString::fromStdString(id));
        });
}

void JobCenter::refreshList()
{
    QPointer<JobCenter> self(this);
    (void)QtConcurrent::run(&m_commands, [self, this] {
        std::vector<RunState> runs;
        for (auto &listing : m_scheduler->store().list())
            if (listing.state)
                runs.push_back(std::move(*listing.state));
        // Runs of this process are newer in memory than on disk (a state file is written
        // before its event is published, but the list may be read in between).
        for (auto &live : m_scheduler->jobs())
            for (auto &run : runs)
                if (run.id == live.id)
                    run = live;
        QMetaObject::invokeMethod(self, [self, runs = std::move(runs)]() mutable {
            if (self)
                self->m_jobList.setRuns(std::move(runs));
        });
    });
}

bool JobCenter::hasActiveRuns() const
{
    for (const auto &run : m_scheduler->jobs())
        if (run.state == JobState::Running || run.state == JobState::Queued)
            return true;
    return false;
}

void JobCenter::stopAll(ShutdownPolicy policy)
{
    runCommand(QString(), [this, policy] {
        m_scheduler->shutdown(policy);
        return std::string();
    }, [this](const std::string &) { Q_EMIT stoppedAll(); });
}

} // namespace llmos
