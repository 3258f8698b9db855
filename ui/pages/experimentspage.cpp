#include "pages/experimentspage.h"

#include "charts/metricchartpanel.h"
#include "experiments/leaderboardmodel.h"
#include "experiments/parallelcoordinates.h"
#include "jobcenter/jobcenter.h"
#include "jobcenter/joblistmodel.h"
#include "jobcenter/sweepsessions.h"
#include "registry/modelregistry.h"
#include "tasks/onworker.h"
#include "widgets/pageheading.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace llmos {

namespace {

enum SweepColumn { SweepName, SweepStatus, SweepStrategy, SweepTrials, SweepBest, SweepColumnCount };

} // namespace

ExperimentsPage::ExperimentsPage(JobCenter &jobs, QWidget *parent)
    : QWidget(parent)
    , m_jobs(jobs)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->setSpacing(8);
    m_title = new PageHeading(this);
    layout->addWidget(m_title);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    auto *buttons = new QHBoxLayout;
    m_newSearch = new QPushButton(this);
    m_stop = new QPushButton(this);
    m_resume = new QPushButton(this);
    m_promote = new QPushButton(this);
    m_promote->setObjectName(QStringLiteral("promoteBest"));
    m_refresh = new QPushButton(this);
    for (QPushButton *button : {m_newSearch, m_stop, m_resume, m_promote})
        buttons->addWidget(button);
    buttons->addStretch(1);
    buttons->addWidget(m_refresh);
    layout->addLayout(buttons);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    layout->addWidget(m_message);

    // Top to bottom: the searches, the chosen one's trials (table and parallel
    // coordinates side by side), and the chosen trials' curves.
    auto *split = new QSplitter(Qt::Vertical, this);
    m_sweeps = new QTableWidget(0, SweepColumnCount, split);
    m_sweeps->setObjectName(QStringLiteral("sweepList"));
    m_sweeps->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_sweeps->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sweeps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sweeps->verticalHeader()->hide();
    m_sweeps->verticalHeader()->setDefaultSectionSize(24);
    m_sweeps->horizontalHeader()->setSectionResizeMode(SweepName, QHeaderView::Stretch);
    m_sweeps->setShowGrid(false);

    auto *trials = new QSplitter(Qt::Horizontal, split);
    auto *boardPane = new QWidget(trials);
    auto *boardLayout = new QVBoxLayout(boardPane);
    boardLayout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(boardPane);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    boardLayout->addWidget(m_summary);
    m_leaderboard = new LeaderboardModel(this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_leaderboard);
    m_sorted->setSortRole(LeaderboardModel::SortRole);
    m_board = new QTableView(boardPane);
    m_board->setObjectName(QStringLiteral("leaderboard"));
    m_board->setModel(m_sorted);
    m_board->setSortingEnabled(true);
    m_board->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_board->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_board->verticalHeader()->hide();
    m_board->verticalHeader()->setDefaultSectionSize(24);
    m_board->setAlternatingRowColors(true);
    m_board->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    boardLayout->addWidget(m_board, 1);
    m_parallel = new ParallelCoordinates(trials);
    trials->addWidget(boardPane);
    trials->addWidget(m_parallel);
    trials->setStretchFactor(0, 3);
    trials->setStretchFactor(1, 2);
    trials->setSizes({560, 380});

    m_chart = new MetricChartPanel(split);
    m_chart->setMinimumHeight(170);
    split->addWidget(m_sweeps);
    split->addWidget(trials);
    split->addWidget(m_chart);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 4);
    split->setSizes({90, 260, 320});
    layout->addWidget(split, 1);

    m_reload = new QTimer(this);
    m_reload->setSingleShot(true);
    m_reload->setInterval(1000); // a running sweep reports often; its table need not
    connect(m_reload, &QTimer::timeout, this, [this] {
        refresh();
        loadReport();
    });

    connect(m_sweeps, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_sweeps->selectionModel()->selectedRows();
        const QString id = rows.isEmpty() ? QString() : m_sweeps->item(rows.front().row(), SweepName)->data(Qt::UserRole).toString();
        if (id != m_current) {
            m_current = id;
            m_bestChosenForYou = true;
            m_chart->setRuns({});
            loadReport();
        }
        updateActions();
    });
    connect(m_board->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_bestChosenForYou = false; // programmatic selections block this signal: this one is the person's
        showSelectedTrials();
    });
    connect(m_parallel, &ParallelCoordinates::trialClicked, this, [this](int trial) {
        for (int row = 0; row < m_sorted->rowCount(); ++row)
            if (m_sorted->index(row, 0).data(LeaderboardModel::TrialRole).toInt() == trial)
                m_board->selectRow(row);
    });
    connect(&jobs, &JobCenter::recordChanged, this, &ExperimentsPage::onRecordChanged);
    connect(&jobs, &JobCenter::sweepStarted, this, [this](const QString &id) { showSweep(id); });
    connect(&jobs.sweeps(), &SweepSessions::sweepEvent, this, [this](const QString &id) {
        if (id == m_current && !m_reload->isActive())
            m_reload->start();
    });
    connect(&jobs.sweeps(), &SweepSessions::sweepEnded, this, [this](const QString &id, const QString &, const QString &failure) {
        if (!failure.isEmpty())
            showMessage(tr("The search stopped with an error: %1").arg(failure), true);
        refresh();
        if (id == m_current)
            loadReport();
    });
    connect(m_newSearch, &QPushButton::clicked, this, &ExperimentsPage::newSearchRequested);
    connect(m_stop, &QPushButton::clicked, this, [this] { m_jobs.sweeps().stop(m_current); updateActions(); });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        m_jobs.sweeps().resume(m_current);
        updateActions();
    });
    connect(m_promote, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Promote the best trial"),
                                                   tr("Register the best trial's model under the name:"), QLineEdit::Normal,
                                                   QString::fromStdString(m_leaderboard->report().summary.name) + QStringLiteral("-best"), &ok);
        if (ok && !name.trimmed().isEmpty())
            promoteBest(name.trimmed());
    });
    connect(m_refresh, &QPushButton::clicked, this, &ExperimentsPage::refresh);
    retranslate();
    updateActions();
    refresh();
}

void ExperimentsPage::refresh()
{
    if (m_loadingList) {
        m_listAgain = true; // what is being read may predate what was asked for
        return;
    }
    m_loadingList = true;
    onWorker<std::vector<SweepSummary>>(
        this, [home = m_jobs.home()] { return listSweeps(home); },
        [this](std::vector<SweepSummary> summaries, const QString &error) {
            m_loadingList = false;
            if (!error.isEmpty())
                showMessage(tr("Could not read the searches: %1").arg(error), true);
            showSummaries(std::move(summaries));
            if (std::exchange(m_listAgain, false))
                refresh();
        });
}

void ExperimentsPage::showSummaries(std::vector<SweepSummary> summaries)
{
    m_summaries = std::move(summaries);
    QSignalBlocker block(m_sweeps); // rows are rebuilt: the selection is re-announced below
    m_sweeps->setRowCount(int(m_summaries.size()));
    for (int row = 0; row < int(m_summaries.size()); ++row) {
        const SweepSummary &s = m_summaries[std::size_t(row)];
        const bool running = m_jobs.sweeps().isRunning(QString::fromStdString(s.id));
        auto *name = new QTableWidgetItem(QString::fromStdString(s.name.empty() ? s.id : s.name));
        name->setData(Qt::UserRole, QString::fromStdString(s.id));
        m_sweeps->setItem(row, SweepName, name);
        m_sweeps->setItem(row, SweepStatus, new QTableWidgetItem(running ? tr("running") : s.status == "finished" ? tr("finished")
                                                                          : s.status == "stopped"               ? tr("stopped")
                                                                          : s.status == "running"               ? tr("interrupted")
                                                                                                                : QString::fromStdString(s.status)));
        m_sweeps->setItem(row, SweepStrategy, new QTableWidgetItem(QString::fromStdString(s.strategy)));
        m_sweeps->setItem(row, SweepTrials, new QTableWidgetItem(QString::number(s.trials)));
        m_sweeps->setItem(row, SweepBest, new QTableWidgetItem(s.best && s.best->objective
                                                                   ? LeaderboardModel::valueText(*s.best->objective)
                                                                   : QString()));
        if (QString::fromStdString(s.id) == (m_wanted.isEmpty() ? m_current : m_wanted))
            m_sweeps->selectRow(row);
    }
    m_sweeps->resizeColumnsToContents();
    m_sweeps->horizontalHeader()->setSectionResizeMode(SweepName, QHeaderView::Stretch);
    block.unblock();
    if (!m_wanted.isEmpty() && m_sweeps->selectionModel()->hasSelection()) {
        m_wanted.clear();
        Q_EMIT m_sweeps->itemSelectionChanged();
    } else if (m_current.isEmpty() && !m_summaries.empty() && m_wanted.isEmpty()) {
        m_sweeps->selectRow(0);
        Q_EMIT m_sweeps->itemSelectionChanged();
    }
    updateActions();
}

void ExperimentsPage::showSweep(const QString &sweepId)
{
    m_wanted = sweepId;
    refresh();
}

void ExperimentsPage::loadReport()
{
    if (m_current.isEmpty()) {
        m_leaderboard->setReport({});
        m_parallel->setReport({});
        m_summary->clear();
        return;
    }
    if (m_loadingReport) {
        m_reload->start(); // once this one is in
        return;
    }
    m_loadingReport = true;
    onWorker<SweepReport>(
        this, [home = m_jobs.home(), id = m_current.toStdString()] { return readSweep(home, id); },
        [this, id = m_current](const SweepReport &report, const QString &error) {
            m_loadingReport = false;
            if (id != m_current)
                return loadReport();
            if (!error.isEmpty()) {
                m_summary->setText(tr("This search cannot be read: %1").arg(error));
                return;
            }
            showReport(report);
            Q_EMIT sweepLoaded(id);
        });
}

void ExperimentsPage::showReport(const SweepReport &report)
{
    QList<int> selectedTrials;
    if (!m_bestChosenForYou)
        for (const QModelIndex &index : m_board->selectionModel()->selectedRows())
            selectedTrials << index.data(LeaderboardModel::TrialRole).toInt();
    m_leaderboard->setReport(report);
    m_parallel->setReport(report);
    const SweepSummary &s = report.summary;
    QString text = tr("%1 trials: %2 finished, %3 stopped early, %4 failed, %5 to go or running. Goal: %6 %7.")
                       .arg(s.trials)
                       .arg(s.succeeded)
                       .arg(s.pruned)
                       .arg(s.failed)
                       .arg(s.unfinished)
                       .arg(s.objective.direction == ObjectiveDirection::Minimize ? tr("lowest") : tr("highest"),
                            QString::fromStdString(s.objective.metric));
    if (s.best && s.best->objective)
        text += QLatin1Char(' ') + tr("Best: trial %1 with %2.").arg(s.best->number).arg(LeaderboardModel::valueText(*s.best->objective));
    if (!report.importance.parameters.empty()) {
        QStringList shares;
        for (const ParameterImportance &p : report.importance.parameters)
            shares << QStringLiteral("%1 %2%").arg(QString::fromStdString(p.path)).arg(qRound(p.share * 100));
        text += QLatin1Char('\n') + tr("What mattered most: %1.").arg(shares.join(QStringLiteral(", ")));
    }
    m_summary->setText(text);
    // Keep the trials the person chose; until they choose, show the best so far.
    if (selectedTrials.isEmpty() && s.best) {
        selectedTrials << s.best->number;
        m_bestChosenForYou = true;
    }
    m_board->sortByColumn(LeaderboardModel::Objective, s.objective.direction == ObjectiveDirection::Minimize
                                                           ? Qt::AscendingOrder
                                                           : Qt::DescendingOrder);
    const QSignalBlocker block(m_board->selectionModel());
    m_board->clearSelection();
    for (int row = 0; row < m_sorted->rowCount(); ++row)
        if (selectedTrials.contains(m_sorted->index(row, 0).data(LeaderboardModel::TrialRole).toInt()))
            m_board->selectionModel()->select(m_sorted->index(row, 0),
                                              QItemSelectionModel::Select | QItemSelectionModel::Rows);
    showSelectedTrials();
    updateActions();
}

void ExperimentsPage::showSelectedTrials()
{
    QList<ChartRun> runs;
    QList<int> trials;
    for (const QModelIndex &index : m_board->selectionModel()->selectedRows()) {
        const int trial = index.data(LeaderboardModel::TrialRole).toInt();
        trials << trial;
        const QString runId = index.data(LeaderboardModel::RunIdRole).toString();
        if (runId.isEmpty())
            continue;
        if (const auto record = m_jobs.record(runId))
            runs.push_back({runId, tr("trial %1").arg(trial), record->history()});
    }
    m_parallel->setSelectedTrials(trials);
    m_chart->setRuns(runs);
}

void ExperimentsPage::onRecordChanged(const QString &runId)
{
    for (const QModelIndex &index : m_board->selectionModel()->selectedRows()) {
        if (index.data(LeaderboardModel::RunIdRole).toString() != runId)
            continue;
        const auto &shown = m_chart->runs();
        if (std::none_of(shown.begin(), shown.end(), [&](const ChartRun &run) { return run.runId == runId; }))
            showSelectedTrials();
        else
            m_chart->runUpdated(runId);
        return;
    }
}

void ExperimentsPage::promoteBest(const QString &name)
{
    showMessage(tr("Registering the best trial's model…"), false);
    onWorker<std::string>(
        this,
        [home = m_jobs.home(), id = m_current.toStdString(), name = name.toStdString()] {
            ModelRegistry registry(home);
            return promoteBestTrial(registry, home, id, name).name;
        },
        [this](const std::string &model, const QString &error) {
            if (!error.isEmpty()) {
                showMessage(tr("Could not promote the best trial: %1").arg(error), true);
                return;
            }
            showMessage(tr("The best trial is registered as \"%1\"; it is on the Models page.").arg(QString::fromStdString(model)),
                        false);
            Q_EMIT promoted(QString::fromStdString(model));
        });
}

QString ExperimentsPage::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void ExperimentsPage::showMessage(const QString &text, bool failed)
{
    m_message->setText(text);
    m_message->setStyleSheet(failed ? QStringLiteral("color: #c0392b;") : QString());
    m_message->setVisible(!text.isEmpty());
}

void ExperimentsPage::updateActions()
{
    const bool selected = !m_current.isEmpty();
    const bool running = selected && m_jobs.sweeps().isRunning(m_current);
    const auto &summary = m_leaderboard->report().summary;
    m_stop->setEnabled(running);
    m_resume->setEnabled(selected && !running && summary.id == m_current.toStdString() && summary.status != "finished");
    m_promote->setEnabled(selected && summary.id == m_current.toStdString() && summary.succeeded > 0);
}

void ExperimentsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (!m_summaries.empty())
            showSummaries(m_summaries);
    }
    QWidget::changeEvent(event);
}

void ExperimentsPage::retranslate()
{
    m_title->setText(tr("Experiments"));
    m_intro->setText(tr("Hyperparameter searches: many short runs of one recipe with different settings, compared. "
                        "Pick a search to see its trials, click trials to overlay their curves, and register the "
                        "best one as a model."));
    m_newSearch->setText(tr("New search…"));
    m_stop->setText(tr("Stop"));
    m_stop->setToolTip(tr("Pause the search's trials; Resume continues it where it stopped."));
    m_resume->setText(tr("Resume"));
    m_promote->setText(tr("Promote best…"));
    m_promote->setToolTip(tr("Register the best finished trial's model or adapter in the model registry."));
    m_refresh->setText(tr("Refresh"));
    m_sweeps->setHorizontalHeaderLabels({tr("Search"), tr("Status"), tr("Strategy"), tr("Trials"), tr("Best")});
}

} // namespace llmos
