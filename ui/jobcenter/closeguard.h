#pragma once

#include <QObject>
#include <QPointer>

class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace llmos {

class JobCenter;

// What closing the window does while runs are going: it never kills them silently. The
// person is asked: keep them running in the background (the window hides to the system
// tray, where a click brings it back with the curves drawn so far), pause them and quit
// (each saves a checkpoint first; they resume on a later start), or not close.
class CloseGuard : public QObject {
    Q_OBJECT
public:
    enum class Choice { KeepRunning, PauseAndQuit, StayOpen };

    CloseGuard(JobCenter &jobs, QWidget &window);
    ~CloseGuard() override;

    // From the window's closeEvent: true when it may close now.
    bool allowClose();
    // The question's answer, for tests (no dialog is shown while one is set).
    void setAnswerForTests(Choice choice) { m_answer = choice; m_answerSet = true; }
    bool isInTray() const;
    // Pauses the runs, then quits the application when they have saved their checkpoints.
    void pauseAndQuit();

private:
    Choice ask() const;
    void hideToTray();
    void showWindow();

    JobCenter &m_jobs;
    QWidget &m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_trayMenu = nullptr;
    Choice m_answer = Choice::StayOpen;
    bool m_answerSet = false;
    bool m_quitting = false;
};

} // namespace llmos
