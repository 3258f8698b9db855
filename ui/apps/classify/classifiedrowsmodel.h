#pragma once

#include "apps/appinference.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace llmos {

// The classifier app's batch results as a table (text, label, probability, and the actual
// label when the file has one), read from the rows and results as the view asks: a file of
// 100,000 rows costs the view no item objects.
class ClassifiedRowsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    // rows[i][textColumn] was classified as results[i]; labelColumn < 0: no actual labels.
    void show(const std::vector<QStringList> *rows, int textColumn, int labelColumn, QStringList labels,
              const std::vector<ClassifiedText> *results);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    const std::vector<QStringList> *m_rows = nullptr;
    const std::vector<ClassifiedText> *m_results = nullptr;
    int m_textColumn = 0;
    int m_labelColumn = -1;
    QStringList m_labels;
};

} // namespace llmos
