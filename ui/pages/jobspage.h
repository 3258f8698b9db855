#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTabWidget;
class QToolButton;

namespace llmos {

class JobCenter;
class MetricChartPanel;
class PageHeading;

// Every run on this machine, running or past: the list with state, progress and time
// left; pause, resume, cancel and retry; the selected runs' curves overlaid, live; the
// first selected run's log. The machine's load is in the window's status bar.
class JobsPage : public QWidget {
    Q_OBJECT
public:
    JobsPage(JobCenter &jobs, QWidget *parent = nullptr);

    // Selects the run (the list may fill in later: it is selected when it appears).
    void showRun(const QString &runId);
    QStringList selectedRunIds() const;

    MetricChartPanel *chartPanel() const { return m_chart; }
    QTableView *runTable() const { return m_table; }
    QPlainTextEdit *logView() const { return m_log; }

Q_SIGNALS:
    // "Duplicate and change": open the run's recipe in the designer.
    void duplicateRequested(const QString &runId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onSelectionChanged();
    void onRecordChanged(const QString &runId);
    void updateActions();
    void showLog();
    QString currentRunId() const;

    JobCenter &m_jobs;
    PageHeading *m_title = nullptr;
    QLabel *m_empty = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_cancel = nullptr;
    QToolButton *m_retry = nullptr;
    QPushButton *m_duplicate = nullptr;
    QPushButton *m_refresh = nullptr;
    QTabWidget *m_tabs = nullptr;
    MetricChartPanel *m_chart = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QString m_pendingSelection;
    int m_logLinesShown = 0;
};

} // namespace llmos
