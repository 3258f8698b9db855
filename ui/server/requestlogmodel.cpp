#include "server/requestlogmodel.h"

#include "server/serverstats.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace llmos {

RequestLogModel::RequestLogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(capacity)
{
}

void RequestLogModel::setKeyNames(const QStringList &names)
{
    m_keyNames = names;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, Key), index(rowCount() - 1, Key));
}

void RequestLogModel::add(const std::vector<serve::RequestRecord> &records)
{
    if (records.empty())
        return;
    const int incoming = std::min<int>(int(records.size()), m_capacity);
    beginInsertRows({}, 0, incoming - 1);
    for (auto it = records.end() - incoming; it != records.end(); ++it)
        m_rows.push_front(*it);
    endInsertRows();
    if (int(m_rows.size()) > m_capacity) {
        beginRemoveRows({}, m_capacity, int(m_rows.size()) - 1);
        m_rows.resize(std::size_t(m_capacity));
        endRemoveRows();
    }
}

void RequestLogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto &r = m_rows[std::size_t(index.row())];
    if (role == Qt::ForegroundRole && index.column() == Status) {
        if (ServerStats::failedStatus(r.status))
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (r.status >= 400)
            return QBrush(QColor(0xb2, 0x6a, 0x00));
        return {};
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Duration || index.column() == Tokens || index.column() == Status))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case Time: {
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(r.finished.time_since_epoch()).count();
        return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss"));
    }
    case Request:
        return QString::fromStdString(r.method + " " + r.path);
    case Status:
        return r.status;
    case Duration:
        return tr("%1 ms").arg(locale.toString(r.seconds * 1000.0, 'f', 0));
    case Model:
        return QString::fromStdString(r.model);
    case Tokens:
        return r.tokens > 0 ? locale.toString(qlonglong(r.tokens)) : QString();
    case Key:
        if (r.key < 0)
            return QString();
        return r.key < m_keyNames.size() ? m_keyNames[r.key] : tr("key %1").arg(r.key + 1);
    default:
        return {};
    }
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Time");
    case Request: return tr("Request");
    case Status: return tr("Status");
    case Duration: return tr("Duration");
    case Model: return tr("Model");
    case Tokens: return tr("Tokens");
    case Key: return tr("Key");
    default: return {};
    }
}

} // namespace llmos
