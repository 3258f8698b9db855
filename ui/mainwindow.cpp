#include "mainwindow.h"

#include "jobcenter/closeguard.h"
#include "jobcenter/jobcenter.h"
#include "pages/experimentspage.h"
#include "finetune/guidedfinetune.h"
#include "pages/finetunepage.h"
#include "pages/jobspage.h"
#include "pages/modelspage.h"
#include "apps/chat/chatplayground.h"
#include "pages/appspage.h"
#include "pages/serverpage.h"
#include "pages/settingspage.h"
#include "server/servercontroller.h"
#include "settings/settingsstore.h"
#include "widgets/resourceusageindicator.h"
#include "widgets/runningjobsindicator.h"
#include "widgets/serverstatusindicator.h"

#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMimeData>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUrl>

namespace llmos {

namespace {

const QString kModelsPage = QStringLiteral("models");
const QString kFineTunePage = QStringLiteral("finetune");
const QString kJobsPage = QStringLiteral("jobs");
const QString kExperimentsPage = QStringLiteral("experiments");
const QString kServerPage = QStringLiteral("server");
const QString kAppsPage = QStringLiteral("apps");

// The pages later issues fill, in sidebar order. The sidebar title is translated in the
// window's context, the rest by the page itself.
constexpr QSize kDefaultSize(1200, 760);

// Local paths in a drag, or nothing when any item is not a local file (a web link, text):
// a partial import of what was dropped would surprise more than a refusal.
QStringList localPaths(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    QStringList paths;
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile())
            return {};
        paths << url.toLocalFile();
    }
    return paths;
}

} // namespace

MainWindow::MainWindow(WindowServices services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
{
    setAcceptDrops(true);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_sidebar = new QListWidget(central);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setFixedWidth(190);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setStyleSheet(QStringLiteral(
        "QListWidget#sidebar { background: palette(window); padding-top: 12px; font-size: 11pt; outline: 0;"
        " border-right: 1px solid palette(midlight); }"
        "QListWidget#sidebar::item { padding: 9px 16px; border-radius: 6px; margin: 1px 8px; }"
        "QListWidget#sidebar::item:selected { background: palette(highlight); color: palette(highlighted-text); }"));
    m_pages = new QStackedWidget(central);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_models = new ModelsPage(services.models, this);
    addPage(kModelsPage, QT_TRANSLATE_NOOP("llmos::MainWindow", "Models"), m_models);
    m_fineTune = new FineTunePage(services.jobs, this);
    addPage(kFineTunePage, QT_TRANSLATE_NOOP("llmos::MainWindow", "Fine-tune"), m_fineTune);
    m_experiments = new ExperimentsPage(services.jobs, this);
    addPage(kExperimentsPage, QT_TRANSLATE_NOOP("llmos::MainWindow", "Experiments"), m_experiments);
    m_jobsPage = new JobsPage(services.jobs, this);
    addPage(kJobsPage, QT_TRANSLATE_NOOP("llmos::MainWindow", "Jobs"), m_jobsPage);
    m_appsPage = new AppsPage({services.settings, services.inference, services.jobs.home()}, services.models, this);
    addPage(kAppsPage, QT_TRANSLATE_NOOP("llmos::MainWindow", "Apps"), m_appsPage);
    // A model the window's server offers stays until it is no longer offered (BAD_INPUTS 68).
    m_models->setDeletionGuard([&server = services.server](const QString &name) {
        if (server.state() == ServerController::State::Stopped || !server.deployed().contains(name))
            return QString();
        return tr("\"%1\" is offered by the API server. Stop offering it on the Server page (Models tab) or stop "
                  "the server, then delete it.")
            .arg(name);
    });
    m_serverPage = new ServerPage(services.server, services.settings, services.models, services.jobs.home(), this);
    addPage(kServerPage, QT_TRANSLATE_NOOP("llmos::MainWindow", "Server"), m_serverPage);
    addPage(QStringLiteral("settings"), QT_TRANSLATE_NOOP("llmos::MainWindow", "Settings"),
            new SettingsPage(services, this));
    connect(m_sidebar, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    m_runningJobs = new RunningJobsIndicator(this);
    statusBar()->addWidget(m_runningJobs, 1);
    connect(m_runningJobs, &RunningJobsIndicator::clicked, this, [this] { showPage(kJobsPage); });
    connect(&services.jobs, &JobCenter::activeRunsChanged, m_runningJobs, &RunningJobsIndicator::setRunningJobs);
    // A run started on the Fine-tune page is followed on the Jobs page; a run copied from
    // the Jobs page is changed on the Fine-tune page.
    connect(m_fineTune, &FineTunePage::runStarted, this, [this](const QString &runId) {
        m_jobsPage->showRun(runId);
        showPage(kJobsPage);
    });
    connect(m_fineTune, &FineTunePage::searchStarted, this, [this](const QString &sweepId) {
        m_experiments->showSweep(sweepId);
        showPage(kExperimentsPage);
    });
    connect(m_experiments, &ExperimentsPage::newSearchRequested, this, [this] {
        m_fineTune->openSearch();
        showPage(kFineTunePage);
    });
    connect(m_models, &ModelsPage::fineTuneRequested, this, [this](const QString &modelId) {
        m_fineTune->guided()->startWithModel(modelId);
        m_fineTune->showMode(FineTunePage::Guided);
        showPage(kFineTunePage);
    });
    connect(m_models, &ModelsPage::playgroundRequested, this, [this](const QString &name) {
        m_appsPage->openApp(QStringLiteral("chat"));
        if (auto *chat = qobject_cast<ChatPlayground *>(m_appsPage->app(QStringLiteral("chat"))))
            chat->useModel(name);
        showPage(kAppsPage);
    });
    connect(m_jobsPage, &JobsPage::duplicateRequested, this, [this](const QString &runId) {
        m_fineTune->duplicateRun(runId);
        showPage(kFineTunePage);
    });
    m_closeGuard = new CloseGuard(services.jobs, *this);
    m_serverStatus = new ServerStatusIndicator(services.server, this);
    statusBar()->addPermanentWidget(m_serverStatus);
    connect(m_serverStatus, &ServerStatusIndicator::clicked, this, [this] { showPage(kServerPage); });
    m_resourceUsage = new ResourceUsageIndicator(this);
    statusBar()->addPermanentWidget(m_resourceUsage);

    // Import requests, from drops and from the Models page's Import… button, leave through
    // one signal; the model browser imports them.
    connect(m_models, &ModelsPage::importRequested, this, &MainWindow::importRequested);
    connect(this, &MainWindow::importRequested, m_models, &ModelsPage::importPaths);

    retranslate();
    restoreWindowState();
}

void MainWindow::addPage(const QString &id, const char *title, QWidget *page)
{
    m_sidebar->addItem(QString());
    m_pages->addWidget(page);
    m_pageIds << id;
    m_pageTitles << title;
}

int MainWindow::pageCount() const
{
    return m_pages->count();
}

QString MainWindow::pageId(int index) const
{
    return m_pageIds.value(index);
}

int MainWindow::pageIndex(const QString &id) const
{
    return int(m_pageIds.indexOf(id));
}

QString MainWindow::currentPageId() const
{
    return pageId(m_pages->currentIndex());
}

void MainWindow::showPage(int index)
{
    m_sidebar->setCurrentRow(index);
}

void MainWindow::showPage(const QString &id)
{
    if (const int index = pageIndex(id); index >= 0)
        showPage(index);
}

QWidget *MainWindow::page(int index) const
{
    return m_pages->widget(index);
}

void MainWindow::saveWindowState()
{
    m_services.settings.saveWindowState(saveGeometry(), currentPageId());
}

void MainWindow::restoreWindowState()
{
    const QByteArray geometry = m_services.settings.windowGeometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(kDefaultSize);
    const int last = pageIndex(m_services.settings.lastPage());
    showPage(last >= 0 ? last : 0);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    if (!m_closeGuard->allowClose()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList paths = localPaths(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    showPage(kModelsPage);
    Q_EMIT importRequested(paths);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("LLM OS Workbench"));
    for (int i = 0; i < m_sidebar->count(); ++i)
        m_sidebar->item(i)->setText(tr(m_pageTitles.at(i)));
}

} // namespace llmos
