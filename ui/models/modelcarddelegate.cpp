#include "models/modelcarddelegate.h"

#include "models/modeltablemodel.h"

#include <QPainter>
#include <QPainterPath>

namespace llmos {

namespace {

constexpr int kMargin = 5;   // between cards
constexpr int kPadding = 12; // inside a card
constexpr int kRadius = 8;
constexpr int kChipGap = 6;

QString column(const QModelIndex &index, int column)
{
    return index.siblingAtColumn(column).data().toString();
}

// One line of text, elided to the card's width.
int drawLine(QPainter &painter, const QRect &area, int y, const QFont &font, const QColor &colour, const QString &text)
{
    painter.setFont(font);
    painter.setPen(colour);
    const QFontMetrics metrics(font);
    painter.drawText(QRect(area.left(), y, area.width(), metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(text, Qt::ElideRight, area.width()));
    return y + metrics.height() + 3;
}

// Tags as rounded chips on one line; what does not fit becomes "+N".
void drawChips(QPainter &painter, const QRect &area, int y, const QFont &font, const QPalette &palette,
               const QStringList &tags)
{
    painter.setFont(font);
    const QFontMetrics metrics(font);
    const int height = metrics.height() + 4;
    int x = area.left();
    for (qsizetype i = 0; i < tags.size(); ++i) {
        const QString more = QStringLiteral("+%1").arg(tags.size() - i);
        const int width = metrics.horizontalAdvance(tags.at(i)) + 12;
        const int reserve = i + 1 < tags.size() ? metrics.horizontalAdvance(more) + 12 + kChipGap : 0;
        if (x + width + reserve > area.right()) {
            painter.setPen(palette.color(QPalette::PlaceholderText));
            painter.drawText(QRect(x, y, area.right() - x, height), Qt::AlignLeft | Qt::AlignVCenter, more);
            return;
        }
        const QRect chip(x, y, width, height);
        painter.setPen(Qt::NoPen);
        painter.setBrush(palette.color(QPalette::AlternateBase));
        painter.drawRoundedRect(chip, height / 2.0, height / 2.0);
        painter.setPen(palette.color(QPalette::Text));
        painter.drawText(chip, Qt::AlignCenter, tags.at(i));
        x += width + kChipGap;
    }
}

} // namespace

void ModelCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &palette = option.palette;
    const QRectF card = QRectF(option.rect).adjusted(kMargin + 0.5, kMargin + 0.5, -kMargin - 0.5, -kMargin - 0.5);
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;

    QColor fill = palette.color(QPalette::Base);
    if (selected) {
        QColor tint = palette.color(QPalette::Highlight);
        tint.setAlpha(40);
        fill = tint;
    }
    painter->setBrush(palette.color(QPalette::Base));
    painter->setPen(Qt::NoPen);
    painter->drawRoundedRect(card, kRadius, kRadius);
    painter->setBrush(fill);
    painter->setPen(QPen(selected  ? palette.color(QPalette::Highlight)
                         : hovered ? palette.color(QPalette::Mid)
                                   : palette.color(QPalette::Midlight),
                         selected ? 2 : 1));
    painter->drawRoundedRect(card, kRadius, kRadius);

    const QRect area = card.toRect().adjusted(kPadding, kPadding - 2, -kPadding, -kPadding);
    QFont nameFont = option.font;
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.1);
    QFont smallFont = option.font;
    smallFont.setPointSizeF(smallFont.pointSizeF() * 0.9);
    const QColor text = palette.color(QPalette::Text);
    const QColor quiet = palette.color(QPalette::PlaceholderText);
    const QString dot = QStringLiteral("  ·  ");

    int y = area.top();
    y = drawLine(*painter, area, y, nameFont, text, column(index, ModelTableModel::Name));
    y = drawLine(*painter, area, y, option.font, quiet,
                 column(index, ModelTableModel::Family) + dot + column(index, ModelTableModel::Architecture));
    y = drawLine(*painter, area, y, option.font, text,
                 column(index, ModelTableModel::Parameters) + dot + column(index, ModelTableModel::Size) + dot +
                     column(index, ModelTableModel::Origin));
    const QStringList tags = index.data(ModelTableModel::TagsRole).toStringList();
    if (!tags.isEmpty())
        drawChips(*painter, area, y + 2, smallFont, palette, tags);
    painter->restore();
}

QSize ModelCardDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    return kCardSize;
}

} // namespace llmos
