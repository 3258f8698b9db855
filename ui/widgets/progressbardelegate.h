#pragma once

#include <QStyledItemDelegate>

namespace llmos {

// Draws a cell as a progress bar with the cell's text on it: the fraction comes from
// `fractionRole` (0..1; negative: unknown, then only the text is drawn).
class ProgressBarDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    ProgressBarDelegate(int fractionRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_fractionRole;
};

} // namespace llmos
