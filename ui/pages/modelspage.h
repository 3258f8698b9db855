#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QMenu;
class QPushButton;

namespace llmos {

// The model registry's page. Until the model browser arrives it is the first-run empty
// state: what to do next (drop a model or use Import…), and what works from a terminal
// today. Import requests leave through importRequested(), the same signal the window
// emits for drops, so the browser can take them over without changing the callers.
class ModelsPage : public QWidget {
    Q_OBJECT
public:
    explicit ModelsPage(QWidget *parent = nullptr);

    // Says honestly that importing is not there yet, naming what was asked for.
    void showPendingImport(const QStringList &paths);
    QString noticeText() const;

Q_SIGNALS:
    void importRequested(const QStringList &paths);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void chooseFolder();
    void chooseFile();

    QLabel *m_heading = nullptr;
    QLabel *m_emptyTitle = nullptr;
    QLabel *m_emptyText = nullptr;
    QPushButton *m_import = nullptr;
    QMenu *m_importMenu = nullptr;
    QAction *m_importFolder = nullptr;
    QAction *m_importFile = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_terminal = nullptr;
    QStringList m_pendingPaths;
};

} // namespace llmos
