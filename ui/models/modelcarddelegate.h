#pragma once

#include <QStyledItemDelegate>

namespace llmos {

// Draws one model as a card for the browser's card view: name, family and
// architecture, parameters and size, origin, and the tags as chips. It reads the
// row's other columns from the same ModelTableModel the table shows, so both views
// share one model and one selection.
class ModelCardDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    static constexpr QSize kCardSize{250, 106};

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace llmos
