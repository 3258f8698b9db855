#include "pages/serverpage.h"

#include "models/modellibrary.h"
#include "server/requestlogmodel.h"
#include "server/serverconfigpanel.h"
#include "server/servercontroller.h"
#include "server/serverlivepanel.h"
#include "settings/settingsstore.h"
#include "widgets/noticebar.h"
#include "widgets/pageheading.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace llmos {

ServerPage::ServerPage(ServerController &server, SettingsStore &settings, ModelLibrary &models,
                       std::string registryHome, QWidget *parent)
    : QWidget(parent)
    , m_server(server)
    , m_store(settings)
{
    auto *layout = new QVBoxLayout(this);
    m_title = new PageHeading(this);
    layout->addWidget(m_title);
    m_intro = new QLabel;
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    auto *statusRow = new QHBoxLayout;
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("serverStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_startStop = new QPushButton;
    m_copy = new QPushButton;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_copy);
    statusRow->addWidget(m_startStop);
    layout->addLayout(statusRow);
    m_notice = new NoticeBar(this);
    layout->addWidget(m_notice);

    auto *split = new QSplitter(Qt::Horizontal);
    m_config = new ServerConfigPanel(std::move(registryHome));
    m_live = new ServerLivePanel(server);
    split->addWidget(m_config);
    split->addWidget(m_live);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({400, 600});
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);

    m_config->setSettings(settings.server());
    m_config->refreshModels();
    showKeyNames();
    connect(&models, &ModelLibrary::modelsChanged, m_config, &ServerConfigPanel::refreshModels);
    connect(m_config, &ServerConfigPanel::settingsChanged, this, &ServerPage::saveSettings);
    connect(m_config, &ServerConfigPanel::deploymentToggled, &m_server, &ServerController::setDeployed);
    connect(m_startStop, &QPushButton::clicked, this, &ServerPage::startOrStop);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_server.address() + QStringLiteral("/v1")); });
    connect(&m_server, &ServerController::stateChanged, this, &ServerPage::showState);
    connect(&m_server, &ServerController::deployedChanged, this, &ServerPage::showState);
    connect(&m_server, &ServerController::startFailed, this, [this](const QString &reason) {
        m_notice->showError(tr("The server did not start: %1").arg(reason));
    });
    connect(&m_server, &ServerController::figuresChanged, this, [this] {
        const auto alerts = m_server.alerts();
        if (!alerts.any())
            return;
        const auto &s = m_server.settings();
        QStringList why;
        if (alerts.failures)
            why << tr("more than %1% of the last minute's requests failed").arg(s.alertErrorPercent);
        if (alerts.slowFirstToken)
            why << tr("the slowest 5% waited over %1 ms for their first token").arg(s.alertFirstTokenMs);
        m_notice->showError(tr("Alert: %1.").arg(why.join(tr("; "))));
    });
    retranslate();
}

void ServerPage::saveSettings()
{
    m_store.saveServer(m_config->settings());
    showKeyNames();
    showState();
}

void ServerPage::showKeyNames()
{
    // The log names the keys of the running server, whose list is fixed while it runs.
    const auto &keys = m_server.state() == ServerController::State::Stopped ? m_config->settings().keys
                                                                             : m_server.settings().keys;
    QStringList names;
    for (const auto &key : keys)
        names << key.name;
    m_live->setKeyNames(names);
}

void ServerPage::startOrStop()
{
    if (m_server.state() == ServerController::State::Running) {
        m_server.stop();
        return;
    }
    if (const auto problem = m_config->startProblem(); !problem.isEmpty()) {
        m_notice->showError(problem);
        return;
    }
    m_live->log()->clear();
    m_server.start(m_config->settings());
}

void ServerPage::showState()
{
    using State = ServerController::State;
    const auto state = m_server.state();
    m_config->setRunning(state != State::Stopped);
    m_copy->setVisible(state == State::Running);
    m_startStop->setEnabled(state == State::Stopped || state == State::Running);
    m_startStop->setText(state == State::Running || state == State::Stopping ? tr("Stop server") : tr("Start server"));
    switch (state) {
    case State::Stopped:
        m_status->setText(tr("The server is stopped."));
        break;
    case State::Starting:
        m_status->setText(tr("Starting…"));
        break;
    case State::Running:
        m_status->setText(tr("Serving %n model(s) at %1/v1", nullptr, int(m_server.deployed().size()))
                              .arg(m_server.address()));
        break;
    case State::Stopping:
        m_status->setText(tr("Stopping: requests in progress are cancelled…"));
        break;
    }
}

void ServerPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ServerPage::retranslate()
{
    m_title->setText(tr("Server"));
    m_intro->setText(tr("Serve your models on this machine through an OpenAI-compatible API: any OpenAI client, "
                        "curl or chat front end can use them. It listens on this computer only unless you choose "
                        "otherwise, and then only clients with an API key are let in."));
    m_copy->setText(tr("Copy address"));
    showState();
}

} // namespace llmos
