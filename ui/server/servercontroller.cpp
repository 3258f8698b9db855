#include "server/servercontroller.h"

#include "jobcenter/jobcenter.h"
#include "jobcenter/sweepsessions.h"
#include "registry/modelregistry.h"
#include "serve/apiserver.h"
#include "tasks/onworker.h"

#include <algorithm>

namespace llmos {

namespace {

constexpr int kDrainIntervalMs = 250;

serve::ServerOptions optionsFrom(const ServerSettings &settings)
{
    serve::ServerOptions options;
    options.host = settings.network ? "0.0.0.0" : "127.0.0.1";
    options.port = static_cast<std::uint16_t>(settings.port);
    for (const auto &stored : settings.keys) {
        serve::ApiKey key;
        key.digest = stored.digest.toStdString();
        key.name = stored.name.toStdString();
        key.scope = stored.management ? serve::KeyScope::Management : serve::KeyScope::Inference;
        options.keys.push_back(std::move(key));
    }
    options.unloadAfterIdle = std::chrono::minutes(settings.unloadAfterMinutes);
    options.inference.maxTokens = settings.maxTokens;
    return options;
}

} // namespace

// What a running server needs kept alive: the registry the management API reads, which
// must outlive the server (members go in reverse order).
struct ServerController::Running {
    std::unique_ptr<ModelRegistry> registry;
    std::unique_ptr<serve::ApiServer> server;
};

ServerController::ServerController(std::string home, JobCenter *jobs, QObject *parent)
    : QObject(parent)
    , m_home(std::move(home))
    , m_jobs(jobs)
{
    m_drainTimer.setInterval(kDrainIntervalMs);
    connect(&m_drainTimer, &QTimer::timeout, this, &ServerController::drain);
    m_tickTimer.setInterval(1000);
    connect(&m_tickTimer, &QTimer::timeout, this, &ServerController::tick);
}

ServerController::~ServerController()
{
    if (m_running)
        m_running->server->stop();
}

QString ServerController::address() const
{
    if (m_state != State::Running)
        return {};
    return QStringLiteral("http://%1:%2").arg(m_settings.network ? QStringLiteral("0.0.0.0") : QStringLiteral("127.0.0.1"))
        .arg(m_port);
}

QStringList ServerController::deployed() const
{
    QStringList names;
    if (m_running)
        for (const auto &model : m_running->server->models().models())
            names.append(QString::fromStdString(model.id));
    return names;
}

void ServerController::start(const ServerSettings &settings)
{
    if (m_state != State::Stopped)
        return;
    m_settings = settings;
    m_stats.clear();
    setState(State::Starting);
    auto options = optionsFrom(settings);
    if (m_jobs) {
        options.scheduler = &m_jobs->scheduler();
        options.training = &m_jobs->training();
        options.sweeps = &m_jobs->sweeps().threads(); // a sweep started over HTTP is the window's too
    }
    options.onRequest = [inbox = m_inbox](const serve::RequestRecord &record) {
        std::lock_guard lock(inbox->mutex);
        inbox->records.push_back(record);
    };
    struct Started {
        std::shared_ptr<Running> running;
        quint16 port = 0;
    };
    onWorker<Started>(
        this,
        [home = m_home, settings, options = std::move(options)]() mutable {
            auto running = std::make_shared<Running>();
            running->registry = std::make_unique<ModelRegistry>(home);
            // The models chosen on the page that are still registered (a deleted one is
            // simply no longer offered).
            for (auto &model : serve::servableModels(*running->registry))
                if (settings.deployAll || settings.deployedIds.contains(QString::fromStdString(model.record.id)))
                    options.models.push_back(std::move(model.deployment));
            options.registry = running->registry.get();
            running->server = std::make_unique<serve::ApiServer>(std::move(options));
            const auto port = running->server->start();
            return Started{std::move(running), port};
        },
        [this](const Started &started, const QString &error) {
            if (!error.isEmpty() || !started.running) {
                setState(State::Stopped);
                Q_EMIT startFailed(error);
                return;
            }
            m_running = started.running;
            m_port = started.port;
            m_drainTimer.start();
            m_tickTimer.start();
            setState(State::Running);
            tick();
        });
}

void ServerController::stop()
{
    if (m_state != State::Running)
        return;
    setState(State::Stopping);
    // The last reference goes with the worker's task: the server and registry close there.
    onWorker<bool>(
        this,
        [running = std::exchange(m_running, {})] {
            running->server->stop();
            return true;
        },
        [this](bool, const QString &) {
            m_drainTimer.stop();
            m_tickTimer.stop();
            drain(); // the requests cancelled by the stop
            m_port = 0;
            setState(State::Stopped);
            m_figures = {};
            m_alerts = {};
            Q_EMIT figuresChanged();
        });
}

void ServerController::setDeployed(const serve::DeployedModel &model, bool deployed)
{
    if (!m_running)
        return;
    auto &pool = m_running->server->models();
    if (deployed && !pool.deployed(model.id))
        pool.deploy(model);
    else if (!deployed)
        pool.undeploy(model.id);
    Q_EMIT deployedChanged();
}

void ServerController::setState(State state)
{
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ServerController::drain()
{
    std::vector<serve::RequestRecord> records;
    {
        std::lock_guard lock(m_inbox->mutex);
        records.swap(m_inbox->records);
    }
    if (records.empty())
        return;
    for (const auto &record : records)
        m_stats.add(record);
    Q_EMIT requestsRecorded(records);
}

void ServerController::tick()
{
    drain();
    m_figures = m_stats.figures(ServerStats::Clock::now());
    m_alerts = checkAlerts(m_figures, m_settings.alertErrorPercent, m_settings.alertFirstTokenMs);
    Q_EMIT figuresChanged();
}

} // namespace llmos
