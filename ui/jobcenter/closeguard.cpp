#include "jobcenter/closeguard.h"

#include "jobcenter/jobcenter.h"

#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QWidget>

namespace llmos {

CloseGuard::CloseGuard(JobCenter &jobs, QWidget &window)
    : QObject(&window)
    , m_jobs(jobs)
    , m_window(window)
{
}

CloseGuard::~CloseGuard()
{
    delete m_trayMenu;
}

bool CloseGuard::allowClose()
{
    if (m_quitting || !m_jobs.hasActiveRuns())
        return true;
    switch (ask()) {
    case Choice::KeepRunning:
        hideToTray();
        return false;
    case Choice::PauseAndQuit:
        pauseAndQuit();
        return false;
    case Choice::StayOpen:
        return false;
    }
    return false;
}

CloseGuard::Choice CloseGuard::ask() const
{
    if (m_answerSet)
        return m_answer;
    QMessageBox box(QMessageBox::Question, tr("Runs are still going"),
                    tr("Fine-tuning runs are still going. What should happen to them?"), QMessageBox::NoButton, &m_window);
    box.setInformativeText(tr("Paused runs save a checkpoint and can be resumed later from the Jobs page."));
    QPushButton *keep = nullptr;
    if (QSystemTrayIcon::isSystemTrayAvailable())
        keep = box.addButton(tr("Keep running in the background"), QMessageBox::AcceptRole);
    QPushButton *pause = box.addButton(tr("Pause them and quit"), QMessageBox::DestructiveRole);
    QPushButton *stay = box.addButton(tr("Don't close"), QMessageBox::RejectRole);
    box.setDefaultButton(keep ? keep : stay);
    box.exec();
    if (keep && box.clickedButton() == keep)
        return Choice::KeepRunning;
    if (box.clickedButton() == pause)
        return Choice::PauseAndQuit;
    return Choice::StayOpen;
}

void CloseGuard::pauseAndQuit()
{
    if (m_quitting)
        return;
    m_quitting = true;
    m_window.setEnabled(false);
    m_window.setWindowTitle(tr("Pausing runs: saving checkpoints…"));
    connect(&m_jobs, &JobCenter::stoppedAll, qApp, &QApplication::quit);
    m_jobs.stopAll(ShutdownPolicy::Pause);
}

bool CloseGuard::isInTray() const
{
    return m_tray && m_tray->isVisible() && !m_window.isVisible();
}

void CloseGuard::hideToTray()
{
    if (!m_tray) {
        QIcon icon = m_window.windowIcon();
        if (icon.isNull())
            icon = m_window.style()->standardIcon(QStyle::SP_ComputerIcon);
        m_tray = new QSystemTrayIcon(icon, this);
        m_trayMenu = new QMenu;
        m_trayMenu->addAction(tr("Show the workbench"), this, &CloseGuard::showWindow);
        m_trayMenu->addAction(tr("Pause runs and quit"), this, &CloseGuard::pauseAndQuit);
        m_tray->setContextMenu(m_trayMenu);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                showWindow();
        });
        connect(&m_jobs, &JobCenter::activeRunsChanged, this, [this](const QStringList &names) {
            m_tray->setToolTip(names.isEmpty() ? tr("LLM OS Workbench: no runs going")
                                               : tr("LLM OS Workbench: %n run(s) going", nullptr, int(names.size())));
        });
    }
    QApplication::setQuitOnLastWindowClosed(false);
    m_tray->setToolTip(tr("LLM OS Workbench: runs are going"));
    m_tray->show();
    m_window.hide();
}

void CloseGuard::showWindow()
{
    m_window.show();
    m_window.raise();
    m_window.activateWindow();
    if (m_tray)
        m_tray->hide();
    QApplication::setQuitOnLastWindowClosed(true);
}

} // namespace llmos
