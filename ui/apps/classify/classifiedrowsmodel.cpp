#include "apps/classify/classifiedrowsmodel.h"

namespace llmos {

void ClassifiedRowsModel::show(const std::vector<QStringList> *rows, int textColumn, int labelColumn, QStringList labels,
                               const std::vector<ClassifiedText> *results)
{
    beginResetModel();
    m_rows = rows;
    m_results = results;
    m_textColumn = textColumn;
    m_labelColumn = labelColumn;
    m_labels = std::move(labels);
    endResetModel();
}

int ClassifiedRowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_results ? 0 : static_cast<int>(m_results->size());
}

int ClassifiedRowsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_results ? 0 : (m_labelColumn >= 0 ? 4 : 3);
}

QVariant ClassifiedRowsModel::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DisplayRole || !index.isValid())
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const auto &result = (*m_results)[row];
    switch (index.column()) {
    case 0: return (*m_rows)[row].value(m_textColumn);
    case 1: return m_labels.value(result.best);
    case 2: return QString::number(result.probabilities.at(static_cast<std::size_t>(result.best)), 'f', 3);
    default: return (*m_rows)[row].value(m_labelColumn);
    }
}

QVariant ClassifiedRowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case 0: return tr("Text");
    case 1: return tr("Label");
    case 2: return tr("Probability");
    default: return tr("Actual");
    }
}

} // namespace llmos
