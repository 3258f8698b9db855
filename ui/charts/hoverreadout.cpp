#include "charts/hoverreadout.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace llmos {

namespace {
constexpr double kPadding = 6;
constexpr double kColumnGap = 12;
constexpr double kSwatch = 10;
constexpr double kOffset = 14; // from the cursor, so the box never hides the point under it
} // namespace

void paintHoverReadout(QPainter &painter, const HoverReadout &readout, const QRectF &plotArea, const QPalette &palette)
{
    if (!readout.visible || !plotArea.contains(readout.cursor))
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);

    QColor line = palette.color(QPalette::Text);
    line.setAlphaF(0.45);
    QPen crosshair(line, 1, Qt::DashLine);
    crosshair.setCosmetic(true);
    painter.setPen(crosshair);
    painter.drawLine(QPointF(readout.cursor.x(), plotArea.top()), QPointF(readout.cursor.x(), plotArea.bottom()));

    for (const ReadoutRow &row : readout.rows) {
        if (!plotArea.adjusted(-1, -1, 1, 1).contains(row.at))
            continue;
        painter.setPen(QPen(palette.color(QPalette::Base), 2));
        painter.setBrush(row.color);
        painter.drawEllipse(row.at, 4, 4);
    }

    // The table: a header row, then one row per curve, then the markers under the cursor.
    const bool smoothed = std::any_of(readout.rows.begin(), readout.rows.end(),
                                      [](const ReadoutRow &row) { return !row.smoothed.isEmpty(); });
    QList<QStringList> cells;
    QStringList header = readout.header;
    if (!smoothed && header.size() > 4)
        header = header.mid(0, 4);
    for (const ReadoutRow &row : readout.rows) {
        QStringList cellsOfRow{row.run, row.metric, row.x, row.value};
        if (smoothed)
            cellsOfRow << row.smoothed;
        cells << cellsOfRow;
    }
    const QFont normal = painter.font();
    QFont bold = normal;
    bold.setBold(true);
    const QFontMetricsF metrics(normal);
    const QFontMetricsF boldMetrics(bold);
    QList<double> widths(header.size(), 0);
    for (qsizetype c = 0; c < header.size(); ++c)
        widths[c] = boldMetrics.horizontalAdvance(header[c]);
    for (const QStringList &row : cells)
        for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], metrics.horizontalAdvance(row[c]));
    const double lineHeight = metrics.height() + 2;
    double width = kSwatch + 4;
    for (double w : widths)
        width += w + kColumnGap;
    width = width - kColumnGap + 2 * kPadding;
    for (const QString &note : readout.markerNotes)
        width = std::max(width, metrics.horizontalAdvance(note) + 2 * kPadding);
    const double height =
        lineHeight * static_cast<double>(1 + cells.size() + readout.markerNotes.size()) + 2 * kPadding;

    // Beside the cursor, on whichever side has room, and inside the plot.
    QPointF topLeft(readout.cursor.x() + kOffset, readout.cursor.y() + kOffset);
    if (topLeft.x() + width > plotArea.right())
        topLeft.setX(readout.cursor.x() - kOffset - width);
    if (topLeft.y() + height > plotArea.bottom())
        topLeft.setY(readout.cursor.y() - kOffset - height);
    topLeft.setX(std::clamp(topLeft.x(), plotArea.left(), std::max(plotArea.left(), plotArea.right() - width)));
    topLeft.setY(std::clamp(topLeft.y(), plotArea.top(), std::max(plotArea.top(), plotArea.bottom() - height)));
    const QRectF box(topLeft, QSizeF(width, height));

    QColor background = palette.color(QPalette::ToolTipBase);
    background.setAlphaF(0.95);
    painter.setPen(QPen(palette.color(QPalette::Mid), 1));
    painter.setBrush(background);
    painter.drawRoundedRect(box, 3, 3);

    const QColor text = palette.color(QPalette::ToolTipText);
    double y = box.top() + kPadding;
    const auto drawRow = [&](const QStringList &row, const QFontMetricsF &fm) {
        double x = box.left() + kPadding + kSwatch + 4;
        for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c) {
            // Numbers right-aligned so their digits line up.
            const bool number = c >= 2;
            const double advance = fm.horizontalAdvance(row[c]);
            painter.drawText(QPointF(number ? x + widths[c] - advance : x, y + fm.ascent() + 1), row[c]);
            x += widths[c] + kColumnGap;
        }
        y += lineHeight;
    };
    painter.setPen(text);
    painter.setFont(bold);
    drawRow(header, boldMetrics);
    painter.setFont(normal);
    for (qsizetype r = 0; r < cells.size(); ++r) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(readout.rows[r].color);
        painter.drawRect(QRectF(box.left() + kPadding, y + (lineHeight - kSwatch) / 2, kSwatch, kSwatch));
        painter.setPen(text);
        drawRow(cells[r], metrics);
    }
    for (const QString &note : readout.markerNotes) {
        painter.drawText(QPointF(box.left() + kPadding, y + metrics.ascent() + 1), note);
        y += lineHeight;
    }
    painter.restore();
}

} // namespace llmos
