#include "sweeps/sweepchoicedelegate.h"

#include "sweeps/sweepparametermodel.h"

#include <QComboBox>

namespace llmos {

QWidget *SweepChoiceDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                           const QModelIndex &index) const
{
    const QStringList options = index.data(SweepParameterModel::OptionsRole).toStringList();
    if (options.isEmpty())
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *combo = new QComboBox(parent);
    combo->addItems(options);
    connect(combo, &QComboBox::activated, this, [this, combo] {
        auto *self = const_cast<SweepChoiceDelegate *>(this);
        Q_EMIT self->commitData(combo);
        Q_EMIT self->closeEditor(combo);
    });
    return combo;
}

void SweepChoiceDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        combo->setCurrentIndex(index.data(Qt::EditRole).toInt());
    else
        QStyledItemDelegate::setEditorData(editor, index);
}

void SweepChoiceDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        model->setData(index, combo->currentIndex());
    else
        QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace llmos
