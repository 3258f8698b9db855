#include "charts/chartaxes.h"

#include "charts/axisscale.h"

#include <QChart>
#include <QLogValueAxis>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace llmos {

QAbstractAxis *makeValueAxis(bool log, QChart *chart, AxisSide side)
{
    QAbstractAxis *axis = nullptr;
    if (log) {
        auto *logAxis = new QLogValueAxis;
        logAxis->setBase(10);
        logAxis->setLabelFormat(QStringLiteral("%.3g"));
        axis = logAxis;
    } else {
        auto *valueAxis = new QValueAxis;
        valueAxis->setTickType(QValueAxis::TicksDynamic);
        valueAxis->setTickAnchor(0);
        axis = valueAxis;
    }
    const Qt::Alignment alignment = side == AxisSide::Bottom ? Qt::AlignBottom
                                    : side == AxisSide::Left ? Qt::AlignLeft
                                                             : Qt::AlignRight;
    chart->addAxis(axis, alignment);
    return axis;
}

bool isLogAxis(const QAbstractAxis *axis)
{
    return axis && axis->type() == QAbstractAxis::AxisTypeLogValue;
}

double axisMin(const QAbstractAxis *axis)
{
    if (isLogAxis(axis))
        return static_cast<const QLogValueAxis *>(axis)->min();
    return axis ? static_cast<const QValueAxis *>(axis)->min() : 0;
}

double axisMax(const QAbstractAxis *axis)
{
    if (isLogAxis(axis))
        return static_cast<const QLogValueAxis *>(axis)->max();
    return axis ? static_cast<const QValueAxis *>(axis)->max() : 1;
}

void setAxisRange(QAbstractAxis *axis, double min, double max)
{
    if (!axis || !(min < max) || !std::isfinite(min) || !std::isfinite(max))
        return;
    if (isLogAxis(axis))
        static_cast<QLogValueAxis *>(axis)->setRange(min, max);
    else
        static_cast<QValueAxis *>(axis)->setRange(min, max);
}

void updateAxisTicks(QAbstractAxis *axis, double min, double max, double length, double spacing)
{
    if (!axis || !(min < max))
        return;
    const int ticks = std::max(2, static_cast<int>(length / spacing));
    if (isLogAxis(axis)) {
        auto *logAxis = static_cast<QLogValueAxis *>(axis);
        const double base = logAxisBase(min, max, ticks);
        if (logAxis->base() != base) {
            logAxis->setBase(base);
            // Minor ticks at 2..9 times a power only make sense in base 10.
            logAxis->setMinorTickCount(base >= 10 ? 8 : 0);
        }
        return;
    }
    auto *valueAxis = static_cast<QValueAxis *>(axis);
    const double interval = niceTickInterval(max - min, ticks);
    if (valueAxis->tickInterval() != interval)
        valueAxis->setTickInterval(interval);
    const QString format = tickLabelFormat(interval, std::max(std::abs(min), std::abs(max)));
    if (valueAxis->labelFormat() != format)
        valueAxis->setLabelFormat(format);
}

void styleAxis(QAbstractAxis *axis, const QPalette &palette)
{
    if (!axis)
        return;
    const QColor text = palette.color(QPalette::Text);
    QColor line = palette.color(QPalette::Mid);
    QColor grid = line;
    grid.setAlphaF(0.35);
    QColor minorGrid = line;
    minorGrid.setAlphaF(0.15);
    axis->setLabelsColor(text);
    axis->setTitleBrush(text);
    axis->setLinePenColor(line);
    axis->setGridLineColor(grid);
    axis->setMinorGridLineColor(minorGrid);
    axis->setShadesVisible(false);
}

} // namespace llmos
