#pragma once

#include "services/sweepcatalog.h"

#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;
class QTimer;

namespace llmos {

class JobCenter;
class LeaderboardModel;
class MetricChartPanel;
class PageHeading;
class ParallelCoordinates;

// Hyperparameter searches, running and past: each sweep with its status and best result;
// the selected sweep's leaderboard (sortable), its trials in parallel coordinates, the
// selected trials' curves overlaid, and "promote best" to register the winner. Sweeps are
// read from the data folder on a worker and re-read while one runs.
class ExperimentsPage : public QWidget {
    Q_OBJECT
    // True while sweeps are read (screenshots wait for it).
    Q_PROPERTY(bool loading READ isLoading)
public:
    ExperimentsPage(JobCenter &jobs, QWidget *parent = nullptr);

    void showSweep(const QString &sweepId);
    QString currentSweepId() const { return m_current; }
    int sweepCount() const { return int(m_summaries.size()); }
    LeaderboardModel *leaderboard() const { return m_leaderboard; }
    ParallelCoordinates *parallelCoordinates() const { return m_parallel; }
    MetricChartPanel *chartPanel() const { return m_chart; }
    QTableView *leaderboardView() const { return m_board; }
    QPushButton *promoteButton() const { return m_promote; }
    // Registers the best trial under `name` on a worker; promoted() or the message follows.
    void promoteBest(const QString &name);
    QString message() const;
    bool isLoading() const { return m_loadingList || m_loadingReport || !m_wanted.isEmpty(); }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void newSearchRequested();
    void promoted(const QString &modelName);
    void sweepLoaded(const QString &sweepId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showSummaries(std::vector<SweepSummary> summaries);
    void loadReport();
    void showReport(const SweepReport &report);
    void showSelectedTrials();
    void onRecordChanged(const QString &runId);
    void updateActions();
    void showMessage(const QString &text, bool failed);
    void retranslate();

    JobCenter &m_jobs;
    PageHeading *m_title = nullptr;
    QLabel *m_intro = nullptr;
    QPushButton *m_newSearch = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_promote = nullptr;
    QPushButton *m_refresh = nullptr;
    QTableWidget *m_sweeps = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_message = nullptr;
    LeaderboardModel *m_leaderboard = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QTableView *m_board = nullptr;
    ParallelCoordinates *m_parallel = nullptr;
    MetricChartPanel *m_chart = nullptr;
    QTimer *m_reload = nullptr;

    std::vector<SweepSummary> m_summaries;
    QString m_current;
    QString m_wanted;
    bool m_loadingList = false;
    bool m_listAgain = false;
    bool m_bestChosenForYou = true; // the trials shown were picked by the page, not the person
    bool m_loadingReport = false;
};

} // namespace llmos
