#include "widgets/serverstatusindicator.h"

#include "server/servercontroller.h"

#include <QEvent>

namespace llmos {

ServerStatusIndicator::ServerStatusIndicator(ServerController &server, QWidget *parent)
    : ClickableLabel(parent)
    , m_server(server)
{
    setObjectName(QStringLiteral("serverStatusIndicator"));
    setContentsMargins(8, 0, 8, 0);
    connect(&server, &ServerController::stateChanged, this, &ServerStatusIndicator::refresh);
    connect(&server, &ServerController::figuresChanged, this, &ServerStatusIndicator::refresh);
    refresh();
}

void ServerStatusIndicator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    ClickableLabel::changeEvent(event);
}

void ServerStatusIndicator::refresh()
{
    const bool running = m_server.state() == ServerController::State::Running;
    setVisible(running);
    const auto alerts = running ? m_server.alerts() : ServerAlerts{};
    m_alerting = alerts.any();
    const auto address = m_server.address();
    setText(m_alerting ? tr("API server alert: %1").arg(address) : tr("API server: %1").arg(address));
    QStringList why;
    if (alerts.failures)
        why << tr("Too many requests failed in the last minute.");
    if (alerts.slowFirstToken)
        why << tr("Answers were slow to start in the last minute.");
    setToolTip(why.isEmpty() ? tr("Show the Server page") : why.join(QLatin1Char('\n')));
    setStyleSheet(m_alerting ? QStringLiteral("QLabel { background: #c62828; color: white; border-radius: 3px; }")
                             : QString());
}

} // namespace llmos
