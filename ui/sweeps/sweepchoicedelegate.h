#pragma once

#include <QStyledItemDelegate>

namespace llmos {

// Edits a table cell that takes one of a few options (the model lists them under
// SweepParameterModel::OptionsRole, its edit role is the option's index) with a combo
// box that commits as soon as an option is picked; other cells edit as text.
class SweepChoiceDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

} // namespace llmos
