#pragma once

#include <QWidget>

class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;

namespace llmos {

// What the Models page shows while the registry holds no model: what to do next (drop a
// model on the window, or Import…) and what works from a terminal. It looks like a
// drop zone, because that is what it is (the whole window is). Below it, the offer to
// build the offline demo models, with its progress in place while it runs, so a newcomer
// gets models to click without leaving the window (or the window waiting).
class ModelEmptyState : public QWidget {
    Q_OBJECT
public:
    // `importMenu` is the page's Import menu (a folder, a file), shared with its toolbar.
    explicit ModelEmptyState(QMenu *importMenu, QWidget *parent = nullptr);

    // While the demo builds: a progress bar, what it is doing and a Cancel button in
    // place of the Build button.
    void setDemoRunning(bool running);
    void setDemoProgress(double fraction, const QString &status);

Q_SIGNALS:
    void demoRequested();
    void demoCancelRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildDemoOffer(QWidget *parent);
    void retranslate();

    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_import = nullptr;
    QLabel *m_terminal = nullptr;
    QLabel *m_demoTitle = nullptr;
    QLabel *m_demoText = nullptr;
    QPushButton *m_demoBuild = nullptr;
    QProgressBar *m_demoProgress = nullptr;
    QLabel *m_demoStatus = nullptr;
    QPushButton *m_demoCancel = nullptr;
};

} // namespace llmos
