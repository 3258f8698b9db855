#pragma once

#include <QObject>

class QNetworkAccessManager;

namespace llmos {

class ServerController;

// For `llmos --screenshot`: starts the window's API server on a free port over the
// screenshot's demo registry and sends it a few real requests — the model list,
// completions whole and streamed, a request for a model that is not there, a metrics
// scrape — so the Server page is pictured serving. finished() when all are answered (or
// the server could not start).
class ServerDemoTraffic : public QObject {
    Q_OBJECT
public:
    ServerDemoTraffic(ServerController &server, QObject *parent = nullptr);
    void start();
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void finished();

private:
    void sendRequests();
    void answered();

    ServerController &m_server;
    QNetworkAccessManager *m_network = nullptr;
    int m_waiting = 0;
    bool m_finished = false;
};

} // namespace llmos
