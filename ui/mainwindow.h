#pragma once

#include "windowservices.h"

#include <QMainWindow>
#include <QStringList>

class QListWidget;
class QStackedWidget;

namespace llmos {

class CloseGuard;
class ExperimentsPage;
class FineTunePage;
class JobsPage;
class ModelsPage;
class ResourceUsageIndicator;
class RunningJobsIndicator;
class ServerPage;
class AppsPage;
class ServerStatusIndicator;

// The workbench window. It only composes pages: a sidebar on the left selects one page
// of the stack; each page is its own widget with its own logic. The status bar holds the
// running-jobs slot and the machine's gauges. The window remembers its geometry and the
// page last shown, and takes drops of model folders and files for import.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(WindowServices services, QWidget *parent = nullptr);

    int pageCount() const;
    QString pageId(int index) const;
    int pageIndex(const QString &id) const; // -1 when there is no such page
    QString currentPageId() const;
    void showPage(int index);
    void showPage(const QString &id);
    QWidget *page(int index) const;

    // The slot a job list feeds with the titles of running jobs.
    RunningJobsIndicator *runningJobs() const { return m_runningJobs; }
    ResourceUsageIndicator *resourceUsage() const { return m_resourceUsage; }
    FineTunePage *fineTunePage() const { return m_fineTune; }
    JobsPage *jobsPage() const { return m_jobsPage; }
    ExperimentsPage *experimentsPage() const { return m_experiments; }
    ServerPage *serverPage() const { return m_serverPage; }
    ModelsPage *modelsPage() const { return m_models; }
    AppsPage *appsPage() const { return m_appsPage; }
    ServerStatusIndicator *serverStatus() const { return m_serverStatus; }
    CloseGuard *closeGuard() const { return m_closeGuard; }

    // Saves geometry and the current page; closing the window does this too.
    void saveWindowState();

Q_SIGNALS:
    // Local folders or files to import into the registry: dropped on the window or
    // chosen with the Models page's Import… button.
    void importRequested(const QStringList &paths);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void addPage(const QString &id, const char *title, QWidget *page);
    void retranslate();
    void restoreWindowState();

    WindowServices m_services;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    ModelsPage *m_models = nullptr;
    FineTunePage *m_fineTune = nullptr;
    JobsPage *m_jobsPage = nullptr;
    ExperimentsPage *m_experiments = nullptr;
    ServerPage *m_serverPage = nullptr;
    AppsPage *m_appsPage = nullptr;
    ServerStatusIndicator *m_serverStatus = nullptr;
    CloseGuard *m_closeGuard = nullptr;
    RunningJobsIndicator *m_runningJobs = nullptr;
    ResourceUsageIndicator *m_resourceUsage = nullptr;
    QStringList m_pageIds;
    QList<const char *> m_pageTitles; // source texts, translated in retranslate()
};

} // namespace llmos
