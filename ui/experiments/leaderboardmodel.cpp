#include "experiments/leaderboardmodel.h"

#include "jobcenter/joblistmodel.h"

#include <QLocale>

#include <cmath>
#include <limits>

namespace llmos {

LeaderboardModel::LeaderboardModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void LeaderboardModel::setReport(const SweepReport &report)
{
    beginResetModel();
    m_report = report;
    m_parameters.clear();
    for (const SearchParameter &parameter : report.spec.space.parameters())
        m_parameters.push_back(parameter.path);
    endResetModel();
}

const LeaderboardRow *LeaderboardModel::rowAt(int row) const
{
    return row >= 0 && row < int(m_report.leaderboard.size()) ? &m_report.leaderboard[std::size_t(row)] : nullptr;
}

int LeaderboardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_report.leaderboard.size());
}

int LeaderboardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FixedColumnCount + int(m_parameters.size());
}

QString LeaderboardModel::valueText(const nlohmann::json &value)
{
    if (value.is_number_float()) {
        const double v = value.get<double>();
        return std::abs(v) >= 1e-3 && std::abs(v) < 1e5 ? QLocale::c().toString(v, 'g', 4) : QLocale::c().toString(v, 'e', 2);
    }
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    return QString::fromStdString(value.dump());
}

QVariant LeaderboardModel::data(const QModelIndex &index, int role) const
{
    const LeaderboardRow *row = rowAt(index.row());
    if (!row)
        return {};
    if (role == RunIdRole)
        return QString::fromStdString(row->runId);
    if (role == TrialRole)
        return row->trial;
    if (role == Qt::ToolTipRole && !row->reason.empty())
        return QString::fromStdString(row->reason);
    if (role == Qt::TextAlignmentRole && index.column() != State)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    switch (index.column()) {
    case Trial:
        return row->trial;
    case State:
        return trialStateText(row->state);
    case Objective: {
        if (!row->objective)
            return sort ? QVariant(m_report.summary.objective.direction == ObjectiveDirection::Minimize
                                       ? std::numeric_limits<double>::infinity()
                                       : -std::numeric_limits<double>::infinity())
                        : QVariant(QString());
        return sort ? QVariant(*row->objective) : QVariant(QLocale::c().toString(*row->objective, 'f', 4));
    }
    case Step:
        return qlonglong(row->step);
    case Seconds:
        return sort ? QVariant(row->seconds) : QVariant(JobListModel::durationText(row->seconds));
    default:
        break;
    }
    const auto &path = m_parameters[std::size_t(index.column() - FixedColumnCount)];
    const auto it = row->parameters.find(path);
    if (it == row->parameters.end())
        return sort ? QVariant() : QVariant(tr("—"));
    if (sort && it->second.is_number())
        return it->second.get<double>();
    return valueText(it->second);
}

QVariant LeaderboardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Trial:
        return tr("Trial");
    case State:
        return tr("Result");
    case Objective:
        return QString::fromStdString(m_report.summary.objective.metric);
    case Step:
        return tr("Step");
    case Seconds:
        return tr("Time");
    default:
        break;
    }
    const int parameter = section - FixedColumnCount;
    return parameter >= 0 && parameter < int(m_parameters.size()) ? QString::fromStdString(m_parameters[std::size_t(parameter)])
                                                                  : QVariant();
}

QString LeaderboardModel::trialStateText(TrialState state)
{
    switch (state) {
    case TrialState::Running:
        return tr("running");
    case TrialState::Succeeded:
        return tr("finished");
    case TrialState::Pruned:
        return tr("stopped early");
    case TrialState::Failed:
        return tr("failed");
    case TrialState::Cancelled:
        return tr("cancelled");
    }
    return {};
}

} // namespace llmos
