#pragma once

#include "models/modellist.h"

#include <QAbstractTableModel>

#include <vector>

namespace llmos {

// The browser's rows: one snapshot of the registry's answer, shown in a table and, with
// the same selection, in the card view. Sorting happens here, in memory, over an index
// into the snapshot: it works for every column (the registry sorts by four), and at
// 10,000 models it takes a few milliseconds (test_modelbrowser_scale prints the time),
// less than a round trip to the worker. A new snapshot keeps the chosen order.
class ModelTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Family, Architecture, Parameters, DType, Context, Size, Origin, Tags, Created, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // the model's registry id (any column)
        TagsRole,                  // its tags as a QStringList (any column)
    };

    explicit ModelTableModel(QObject *parent = nullptr);

    void setModels(ModelSnapshot models);
    // nullptr for a row out of range.
    const ModelRecord *record(int row) const;
    // -1 when the model is not among the rows.
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Call when the interface language changes: headers and origin names are translated.
    void retranslate();

private:
    void sortRows();
    const ModelRecord &at(int row) const
    {
        return (*m_models)[static_cast<std::size_t>(m_order[static_cast<std::size_t>(row)])];
    }

    ModelSnapshot m_models;
    std::vector<int> m_order; // view row -> index into *m_models
    int m_sortColumn = Name;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace llmos
