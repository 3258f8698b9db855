#include "server/serverdemotraffic.h"

#include "server/servercontroller.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTextStream>
#include <QUrl>

namespace llmos {

ServerDemoTraffic::ServerDemoTraffic(ServerController &server, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_network(new QNetworkAccessManager(this))
{
}

void ServerDemoTraffic::start()
{
    connect(&m_server, &ServerController::stateChanged, this, [this](ServerController::State state) {
        if (state == ServerController::State::Running && m_waiting == 0 && !m_finished)
            sendRequests();
    });
    connect(&m_server, &ServerController::startFailed, this, [this](const QString &reason) {
        QTextStream(stderr) << "llmos: the screenshots' API server did not start: " << reason << '\n';
        m_finished = true;
        Q_EMIT finished();
    });
    ServerSettings settings;
    settings.port = 0; // any free port: the screenshots never take the person's own
    m_server.start(settings);
}

void ServerDemoTraffic::sendRequests()
{
    const QString base = m_server.address();
    struct Call {
        const char *path;
        QByteArray body; // empty: GET
    };
    const Call calls[] = {
        {"/v1/models", {}},
        {"/v1/completions", R"({"model":"fortune-lm","prompt":"Tell me a fortune:","max_tokens":24,"seed":7})"},
        {"/v1/completions", R"({"model":"fortune-lm","prompt":"A bug in the hand","max_tokens":32,"stream":true})"},
        {"/v1/completions", R"({"model":"fortune-lm","prompt":"Love is","max_tokens":16,"n":2})"},
        {"/v1/completions", R"({"model":"llama-70b","prompt":"Hi"})"},
        {"/metrics", {}},
        {"/api/health", {}},
    };
    for (const auto &call : calls) {
        QNetworkRequest request(QUrl(base + QLatin1String(call.path)));
        QNetworkReply *reply;
        if (call.body.isEmpty()) {
            reply = m_network->get(request);
        } else {
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            reply = m_network->post(request, call.body);
        }
        ++m_waiting;
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            answered();
        });
    }
}

void ServerDemoTraffic::answered()
{
    if (--m_waiting > 0 || m_finished)
        return;
    m_finished = true;
    Q_EMIT finished();
}

} // namespace llmos
