#include "pages/jobspage.h"

#include "charts/metricchartpanel.h"
#include "jobcenter/jobcenter.h"
#include "widgets/pageheading.h"
#include "widgets/progressbardelegate.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace llmos {

JobsPage::JobsPage(JobCenter &jobs, QWidget *parent)
    : QWidget(parent)
    , m_jobs(jobs)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->setSpacing(10);
    m_title = new PageHeading(this);
    layout->addWidget(m_title);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *top = new QWidget(splitter);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);

    auto *buttons = new QHBoxLayout;
    m_pause = new QPushButton(top);
    m_resume = new QPushButton(top);
    m_cancel = new QPushButton(top);
    m_retry = new QToolButton(top);
    m_retry->setPopupMode(QToolButton::InstantPopup);
    m_retry->setMenu(new QMenu(m_retry));
    m_duplicate = new QPushButton(top);
    m_refresh = new QPushButton(top);
    for (QWidget *button : {static_cast<QWidget *>(m_pause), static_cast<QWidget *>(m_resume),
                            static_cast<QWidget *>(m_cancel), static_cast<QWidget *>(m_retry),
                            static_cast<QWidget *>(m_duplicate)})
        buttons->addWidget(button);
    buttons->addStretch(1);
    buttons->addWidget(m_refresh);
    topLayout->addLayout(buttons);

    m_table = new QTableView(top);
    m_table->setObjectName(QStringLiteral("runTable"));
    m_table->setModel(jobs.jobList());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setItemDelegateForColumn(JobListModel::ProgressColumn,
                                      new ProgressBarDelegate(JobListModel::ProgressRole, m_table));
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->horizontalHeader()->setSectionResizeMode(JobListModel::Name, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(JobListModel::ProgressColumn, QHeaderView::Fixed);
    m_table->horizontalHeader()->resizeSection(JobListModel::ProgressColumn, 170);
    for (int column : {int(JobListModel::State), int(JobListModel::Time), int(JobListModel::Started)})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    topLayout->addWidget(m_table, 1);
    m_empty = new QLabel(top);
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(QStringLiteral("color: palette(mid);"));
    topLayout->addWidget(m_empty);

    m_tabs = new QTabWidget(splitter);
    m_chart = new MetricChartPanel(m_tabs);
    m_log = new QPlainTextEdit(m_tabs);
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setFont(QFont(QStringLiteral("monospace")));
    m_tabs->addTab(m_chart, QString());
    m_tabs->addTab(m_log, QString());
    splitter->addWidget(top);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    layout->addWidget(splitter, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &JobsPage::onSelectionChanged);
    connect(jobs.jobList(), &QAbstractItemModel::dataChanged, this, &JobsPage::updateActions);
    connect(jobs.jobList(), &QAbstractItemModel::modelReset, this, [this] {
        updateActions();
        if (!m_pendingSelection.isEmpty())
            showRun(m_pendingSelection);
    });
    connect(jobs.jobList(), &QAbstractItemModel::rowsInserted, this, [this] {
        updateActions();
        if (!m_pendingSelection.isEmpty())
            showRun(m_pendingSelection);
    });
    connect(&jobs, &JobCenter::recordChanged, this, &JobsPage::onRecordChanged);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        for (const QString &id : selectedRunIds())
            m_jobs.pause(id);
    });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        for (const QString &id : selectedRunIds())
            m_jobs.resume(id);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        for (const QString &id : selectedRunIds())
            m_jobs.cancel(id);
    });
    connect(m_duplicate, &QPushButton::clicked, this, [this] {
        if (const QString id = currentRunId(); !id.isEmpty())
            Q_EMIT duplicateRequested(id);
    });
    connect(m_refresh, &QPushButton::clicked, &jobs, &JobCenter::refreshList);
    retranslate();
    updateActions();
}

void JobsPage::showRun(const QString &runId)
{
    const int row = m_jobs.jobList()->rowOf(runId);
    if (row < 0) {
        m_pendingSelection = runId;
        return;
    }
    m_pendingSelection.clear();
    m_table->selectRow(row);
    m_table->scrollTo(m_jobs.jobList()->index(row, 0));
}

QStringList JobsPage::selectedRunIds() const
{
    QStringList ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        ids << index.data(JobListModel::RunIdRole).toString();
    return ids;
}

QString JobsPage::currentRunId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (current.isValid() && m_table->selectionModel()->isRowSelected(current.row(), {}))
        return current.data(JobListModel::RunIdRole).toString();
    const QStringList ids = selectedRunIds();
    return ids.isEmpty() ? QString() : ids.front();
}

void JobsPage::onSelectionChanged()
{
    QList<ChartRun> runs;
    for (const QString &id : selectedRunIds()) {
        const auto run = m_jobs.jobList()->run(id);
        if (const auto record = m_jobs.record(id))
            runs.push_back({id, QString::fromStdString(run ? run->name : id.toStdString()), record->history()});
    }
    m_chart->setRuns(runs);
    m_logLinesShown = -1;
    showLog();
    updateActions();
}

void JobsPage::onRecordChanged(const QString &runId)
{
    if (!selectedRunIds().contains(runId))
        return;
    // A record read from disk just now joins the overlay; a live one has grown.
    const auto record = m_jobs.record(runId);
    if (!record)
        return;
    const auto &shown = m_chart->runs();
    if (std::none_of(shown.begin(), shown.end(), [&](const ChartRun &run) { return run.runId == runId; }))
        onSelectionChanged();
    else
        m_chart->runUpdated(runId);
    if (runId == currentRunId())
        showLog();
}

void JobsPage::showLog()
{
    const QString id = currentRunId();
    const auto record = id.isEmpty() ? nullptr : m_jobs.record(id);
    if (!record) {
        m_log->clear();
        m_logLinesShown = 0;
        return;
    }
    const QStringList &lines = record->logLines();
    QScrollBar *bar = m_log->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    if (m_logLinesShown < 0 || m_logLinesShown > lines.size()) {
        m_log->setPlainText(lines.join(QLatin1Char('\n')));
    } else {
        for (qsizetype i = m_logLinesShown; i < lines.size(); ++i)
            m_log->appendPlainText(lines[i]);
    }
    m_logLinesShown = int(lines.size());
    if (atEnd)
        bar->setValue(bar->maximum());
}

void JobsPage::updateActions()
{
    bool canPause = false, canResume = false, canCancel = false, canRetry = false;
    for (const QString &id : selectedRunIds()) {
        const auto run = m_jobs.jobList()->run(id);
        if (!run)
            continue;
        canPause |= run->state == JobState::Running || run->state == JobState::Queued;
        canResume |= isResumable(run->state);
        canCancel |= !isTerminal(run->state);
        canRetry |= isTerminal(run->state);
    }
    const bool one = !currentRunId().isEmpty();
    m_pause->setEnabled(canPause);
    m_resume->setEnabled(canResume);
    m_cancel->setEnabled(canCancel);
    m_retry->setEnabled(canRetry && one);
    m_duplicate->setEnabled(one);
    const bool empty = m_jobs.jobList()->rowCount() == 0;
    m_empty->setVisible(empty);
}

void JobsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void JobsPage::retranslate()
{
    m_title->setText(tr("Jobs"));
    m_pause->setText(tr("Pause"));
    m_pause->setToolTip(tr("Stop at the next step and save a checkpoint; Resume continues from it."));
    m_resume->setText(tr("Resume"));
    m_resume->setToolTip(tr("Continue a paused or interrupted run from its last checkpoint."));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the run for good. Its curves and log are kept."));
    m_retry->setText(tr("Retry"));
    m_retry->setToolTip(tr("Run the same recipe again as a new run."));
    QMenu *menu = m_retry->menu();
    menu->clear();
    menu->addAction(tr("From the start"), this, [this] {
        if (const QString id = currentRunId(); !id.isEmpty())
            m_jobs.retry(id, false);
    });
    menu->addAction(tr("From its last checkpoint"), this, [this] {
        if (const QString id = currentRunId(); !id.isEmpty())
            m_jobs.retry(id, true);
    });
    m_duplicate->setText(tr("Duplicate and change…"));
    m_duplicate->setToolTip(tr("Open this run's recipe in the Fine-tune designer to change one thing and start it."));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("Read the runs folder again, to see runs started from a terminal."));
    m_empty->setText(tr("No runs yet. Start one from the Fine-tune page; it appears here with its curves."));
    m_tabs->setTabText(0, tr("Curves"));
    m_tabs->setTabText(1, tr("Log"));
}

} // namespace llmos
