#pragma once

#include "serve/registeredmodels.h"
#include "serve/requestrecord.h"
#include "server/serverstats.h"
#include "settings/serversettings.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace llmos {

class JobCenter;
class ModelRegistry;
namespace serve {
class ApiServer;
}

// The window's API server (issue 8): starts and stops an ApiServer built from the Server
// page's settings, with the management API over the data folder's registry and the job
// center's scheduler (jobs submitted over HTTP show on the Jobs page). Opening the
// registry, binding and stopping run on a worker; request records, which arrive on the
// server's threads, are handed to the GUI thread in batches every quarter second and
// kept in stats() for the live figures.
class ServerController : public QObject {
    Q_OBJECT
public:
    enum class State { Stopped, Starting, Running, Stopping };

    // jobs: may be null (no /api/jobs routes).
    ServerController(std::string home, JobCenter *jobs, QObject *parent = nullptr);
    // Stops a running server, waiting for it: only when the application quits.
    ~ServerController() override;

    State state() const { return m_state; }
    // "http://127.0.0.1:8080" while running; empty otherwise.
    QString address() const;
    quint16 port() const { return m_port; }
    const ServerSettings &settings() const { return m_settings; }
    const ServerStats &stats() const { return m_stats; }
    // The last minute's figures and the alerts they raise, as of the last tick.
    const LiveFigures &figures() const { return m_figures; }
    ServerAlerts alerts() const { return m_alerts; }
    // The registered names of the models offered now.
    QStringList deployed() const;

    // Stopped only; startFailed says why it could not.
    void start(const ServerSettings &settings);
    void stop();
    // Running only: start or stop offering a model without a restart.
    void setDeployed(const serve::DeployedModel &model, bool deployed);

Q_SIGNALS:
    void stateChanged(llmos::ServerController::State state);
    void startFailed(const QString &reason);
    // A batch of answered requests, already added to stats().
    void requestsRecorded(const std::vector<llmos::serve::RequestRecord> &records);
    void deployedChanged();
    // Every second while running, and once when stopped: figures() and alerts() were renewed.
    void figuresChanged();

private:
    struct Running;
    void setState(State state);
    void drain();
    void tick();

    std::string m_home;
    JobCenter *m_jobs;
    State m_state = State::Stopped;
    ServerSettings m_settings;
    quint16 m_port = 0;
    std::shared_ptr<Running> m_running;
    ServerStats m_stats;
    // Filled on the server's threads, emptied on the GUI thread.
    struct Inbox {
        std::mutex mutex;
        std::vector<serve::RequestRecord> records;
    };
    std::shared_ptr<Inbox> m_inbox = std::make_shared<Inbox>();
    QTimer m_drainTimer;
    QTimer m_tickTimer;
    LiveFigures m_figures;
    ServerAlerts m_alerts;
};

} // namespace llmos
