#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace llmos {

class TaskRunner;

// The one progress dialog for every TaskRunner: the task's title, a progress bar (busy
// when the fraction is unknown), its status line and Cancel. It closes itself when the
// task succeeds or is cancelled; on failure it stays open with the reason and a Close
// button, so the person can read what went wrong. Closing it while the task runs asks
// the task to cancel instead of leaving it running unseen.
class ProgressDialog : public QDialog {
    Q_OBJECT
public:
    explicit ProgressDialog(TaskRunner &task, QWidget *parent = nullptr);

    void reject() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showProgress(double fraction);
    void showFailure(const QString &reason);

    TaskRunner &m_task;
    QLabel *m_heading = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_bar = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace llmos
