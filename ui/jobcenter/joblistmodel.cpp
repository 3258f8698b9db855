#include "jobcenter/joblistmodel.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace llmos {

JobListModel::JobListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void JobListModel::setRuns(std::vector<RunState> runs)
{
    std::vector<Row> rows;
    rows.reserve(runs.size() + m_rows.size());
    std::vector<bool> listed(m_rows.size(), false);
    for (auto &run : runs) {
        Row row;
        if (const int known = rowOf(QString::fromStdString(run.id)); known >= 0) {
            row = m_rows[std::size_t(known)];
            listed[std::size_t(known)] = true;
        }
        row.run = std::move(run);
        rows.push_back(std::move(row));
    }
    // A run started after the folder was read is not in the listing yet: keep it.
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (!listed[i])
            rows.push_back(m_rows[i]);
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.run.createdMs > b.run.createdMs; });
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void JobListModel::upsert(const RunState &run)
{
    if (const int row = rowOf(QString::fromStdString(run.id)); row >= 0) {
        m_rows[std::size_t(row)].run = run;
        changed(row);
        return;
    }
    // Newest first: a new run usually goes to the top.
    const auto at = std::find_if(m_rows.begin(), m_rows.end(), [&](const Row &r) { return r.run.createdMs <= run.createdMs; });
    const int row = int(at - m_rows.begin());
    beginInsertRows({}, row, row);
    m_rows.insert(at, Row{run, {}, {}, 0});
    endInsertRows();
}

void JobListModel::apply(const JobEvent &event)
{
    const int index = rowOf(QString::fromStdString(event.runId));
    if (index < 0)
        return;
    Row &row = m_rows[std::size_t(index)];
    if (const auto *change = std::get_if<JobStateChanged>(&event.payload)) {
        row.run.state = change->to;
        row.run.updatedMs = event.timeMs;
        if (!change->reason.empty() || isTerminal(change->to))
            row.run.reason = change->reason;
        if (change->to == JobState::Running) {
            if (row.run.startedMs == 0)
                row.run.startedMs = event.timeMs;
            row.rateOrigin.reset();
        } else if (change->to != JobState::Queued) {
            row.run.finishedMs = event.timeMs;
        }
        changed(index);
    } else if (const auto *progress = std::get_if<Progress>(&event.payload)) {
        row.progress = *progress;
        row.lastProgressMs = event.timeMs;
        if (!row.rateOrigin)
            row.rateOrigin = std::make_pair(event.timeMs, progress->done);
        changed(index);
    }
}

std::optional<RunState> JobListModel::run(const QString &runId) const
{
    const int row = rowOf(runId);
    if (row < 0)
        return std::nullopt;
    return m_rows[std::size_t(row)].run;
}

int JobListModel::rowOf(const QString &runId) const
{
    const std::string id = runId.toStdString();
    const auto it = std::find_if(m_rows.begin(), m_rows.end(), [&](const Row &r) { return r.run.id == id; });
    return it == m_rows.end() ? -1 : int(it - m_rows.begin());
}

QString JobListModel::runIdAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? QString::fromStdString(m_rows[std::size_t(row)].run.id) : QString();
}

std::optional<double> JobListModel::secondsLeft(const QString &runId) const
{
    const int row = rowOf(runId);
    return row < 0 ? std::nullopt : secondsLeft(m_rows[std::size_t(row)]);
}

std::optional<double> JobListModel::secondsLeft(const Row &row) const
{
    if (row.run.state != JobState::Running || !row.rateOrigin || row.progress.total <= 0)
        return std::nullopt;
    const auto [originMs, originDone] = *row.rateOrigin;
    const std::int64_t done = row.progress.done - originDone;
    const std::int64_t elapsedMs = row.lastProgressMs - originMs;
    if (done <= 0 || elapsedMs <= 0)
        return std::nullopt;
    const double perUnit = double(elapsedMs) / 1000.0 / double(done);
    return perUnit * double(std::max<std::int64_t>(0, row.progress.total - row.progress.done));
}

QStringList JobListModel::activeRunNames() const
{
    QStringList names;
    for (const Row &row : m_rows)
        if (row.run.state == JobState::Running || row.run.state == JobState::Queued)
            names << QString::fromStdString(row.run.name);
    return names;
}

int JobListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JobListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    if (role == RunIdRole)
        return QString::fromStdString(row.run.id);
    if (role == ProgressRole) {
        if (row.run.state == JobState::Succeeded)
            return 1.0;
        return row.progress.total > 0 ? double(row.progress.done) / double(row.progress.total) : -1.0;
    }
    if (role == Qt::ToolTipRole && !row.run.reason.empty())
        return QString::fromStdString(row.run.reason);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return QString::fromStdString(row.run.name);
    case State:
        return stateText(row.run.state);
    case ProgressColumn:
        if (row.progress.total > 0)
            return tr("%1 of %2 steps").arg(row.progress.done).arg(row.progress.total);
        return QString();
    case Time:
        if (const auto left = secondsLeft(row))
            return tr("about %1 left").arg(durationText(*left));
        if (row.run.state == JobState::Queued)
            return tr("waiting");
        if (row.run.startedMs > 0 && row.run.finishedMs >= row.run.startedMs && row.run.state != JobState::Running)
            return durationText(double(row.run.finishedMs - row.run.startedMs) / 1000.0);
        return QString();
    case Started:
        if (row.run.startedMs <= 0)
            return QString();
        return QDateTime::fromMSecsSinceEpoch(row.run.startedMs).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    default:
        return {};
    }
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Run");
    case State:
        return tr("State");
    case ProgressColumn:
        return tr("Progress");
    case Time:
        return tr("Time");
    case Started:
        return tr("Started");
    default:
        return {};
    }
}

QString JobListModel::stateText(JobState state)
{
    switch (state) {
    case JobState::Queued:
        return tr("Queued");
    case JobState::Running:
        return tr("Running");
    case JobState::Paused:
        return tr("Paused");
    case JobState::Cancelled:
        return tr("Cancelled");
    case JobState::Failed:
        return tr("Failed");
    case JobState::Succeeded:
        return tr("Finished");
    case JobState::Interrupted:
        return tr("Interrupted");
    }
    return {};
}

QString JobListModel::durationText(double seconds)
{
    const auto s = static_cast<qint64>(std::llround(std::max(0.0, seconds)));
    if (s < 60)
        return tr("%n s", nullptr, int(s));
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

void JobListModel::changed(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace llmos
