#include "models/modeltablemodel.h"

#include "models/modeltext.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <cctype>
#include <numeric>

namespace llmos {

namespace {

// Case-insensitive order of UTF-8 names without converting them: ASCII letters fold,
// other bytes compare as they are (by code point).
int compareText(const std::string &a, const std::string &b)
{
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const int ca = std::tolower(static_cast<unsigned char>(a[i]));
        const int cb = std::tolower(static_cast<unsigned char>(b[i]));
        if (ca != cb)
            return ca < cb ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

template <typename T> int compareValues(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

int compareTags(const std::vector<std::string> &a, const std::vector<std::string> &b)
{
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i)
        if (const int c = compareText(a[i], b[i]); c != 0)
            return c;
    return compareValues(a.size(), b.size());
}

int compareBy(int column, const ModelRecord &a, const ModelRecord &b)
{
    switch (column) {
    case ModelTableModel::Family:
        return compareText(a.family, b.family);
    case ModelTableModel::Architecture:
        return compareText(a.architecture, b.architecture);
    case ModelTableModel::Parameters:
        return compareValues(a.parameterCount, b.parameterCount);
    case ModelTableModel::DType:
        return compareText(a.dtype, b.dtype);
    case ModelTableModel::Context:
        return compareValues(a.contextLength, b.contextLength);
    case ModelTableModel::Size:
        return compareValues(a.sizeBytes, b.sizeBytes);
    case ModelTableModel::Origin:
        return compareValues(static_cast<int>(a.origin), static_cast<int>(b.origin));
    case ModelTableModel::Tags:
        return compareTags(a.tags, b.tags);
    case ModelTableModel::Created:
        return compareValues(a.createdAt, b.createdAt);
    default:
        return 0;
    }
}

bool isNumeric(int column)
{
    return column == ModelTableModel::Parameters || column == ModelTableModel::Context ||
           column == ModelTableModel::Size;
}

} // namespace

ModelTableModel::ModelTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_models(std::make_shared<const std::vector<ModelRecord>>())
{
}

void ModelTableModel::setModels(ModelSnapshot models)
{
    beginResetModel();
    m_models = models ? std::move(models) : std::make_shared<const std::vector<ModelRecord>>();
    m_order.resize(m_models->size());
    std::iota(m_order.begin(), m_order.end(), 0);
    sortRows();
    endResetModel();
}

const ModelRecord *ModelTableModel::record(int row) const
{
    return row >= 0 && row < rowCount() ? &at(row) : nullptr;
}

int ModelTableModel::rowOf(const QString &id) const
{
    const std::string wanted = id.toStdString();
    for (int row = 0; row < rowCount(); ++row)
        if (at(row).id == wanted)
            return row;
    return -1;
}

int ModelTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_order.size());
}

int ModelTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const ModelRecord &m = at(index.row());
    switch (role) {
    case IdRole:
        return QString::fromStdString(m.id);
    case TagsRole:
        return ModelText::tags(m.tags);
    case Qt::TextAlignmentRole:
        return isNumeric(index.column()) ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == Name && !m.description.empty())
            return QString::fromStdString(m.description);
        if (index.column() == Size)
            return tr("%1 bytes").arg(QLocale().toString(static_cast<qulonglong>(m.sizeBytes)));
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return QString::fromStdString(m.name);
        case Family:
            return ModelText::orUnknown(m.family);
        case Architecture:
            return ModelText::orUnknown(m.architecture);
        case Parameters:
            return ModelText::parameters(m.parameterCount);
        case DType:
            return ModelText::orUnknown(m.dtype);
        case Context:
            return ModelText::contextLength(m.contextLength);
        case Size:
            return ModelText::size(m.sizeBytes);
        case Origin:
            return ModelText::origin(m.origin);
        case Tags:
            return ModelText::tags(m.tags).join(QStringLiteral(", "));
        case Created:
            return ModelText::date(m.createdAt);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant ModelTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::InitialSortOrderRole) // the largest, the newest first
        return int(isNumeric(section) || section == Created ? Qt::DescendingOrder : Qt::AscendingOrder);
    if (role == Qt::TextAlignmentRole)
        return isNumeric(section) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                  : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Family:
        return tr("Family");
    case Architecture:
        return tr("Architecture");
    case Parameters:
        return tr("Parameters");
    case DType:
        return tr("Data type");
    case Context:
        return tr("Context");
    case Size:
        return tr("Size");
    case Origin:
        return tr("Origin");
    case Tags:
        return tr("Tags");
    case Created:
        return tr("Added");
    default:
        return {};
    }
}

void ModelTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    // A layout change, not a reset: the selection (persistent indexes) follows its rows.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> sourceOf;
    sourceOf.reserve(static_cast<std::size_t>(before.size()));
    for (const QModelIndex &index : before)
        sourceOf.push_back(m_order[static_cast<std::size_t>(index.row())]);
    sortRows();
    std::vector<int> rowOfSource(m_order.size());
    for (std::size_t row = 0; row < m_order.size(); ++row)
        rowOfSource[static_cast<std::size_t>(m_order[row])] = static_cast<int>(row);
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after << index(rowOfSource[static_cast<std::size_t>(sourceOf[static_cast<std::size_t>(i)])],
                       before.at(i).column());
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void ModelTableModel::sortRows()
{
    const auto &models = *m_models;
    const int column = m_sortColumn;
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    // Ties fall back to the name, so equal families or sizes read alphabetically.
    std::stable_sort(m_order.begin(), m_order.end(), [&](int left, int right) {
        const ModelRecord &a = models[static_cast<std::size_t>(left)];
        const ModelRecord &b = models[static_cast<std::size_t>(right)];
        int c = compareBy(column, a, b);
        if (c == 0)
            c = compareText(a.name, b.name);
        return descending ? c > 0 : c < 0;
    });
}

void ModelTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace llmos
