#pragma once

#include <QPalette>
#include <QString>

class QAbstractAxis;
class QChart;

namespace llmos {

// The visible ranges, in display units: x, the left y axis and the right one.
struct ChartWindow {
    double xmin = 0;
    double xmax = 1;
    double ymin = 0;
    double ymax = 1;
    double y2min = 0;
    double y2max = 1;
};

enum class AxisSide { Bottom, Left, Right };

// Helpers over QValueAxis and QLogValueAxis alike: QtCharts has no common interface for
// a value axis's range or its ticks.
QAbstractAxis *makeValueAxis(bool log, QChart *chart, AxisSide side);
bool isLogAxis(const QAbstractAxis *axis);
double axisMin(const QAbstractAxis *axis);
double axisMax(const QAbstractAxis *axis);
void setAxisRange(QAbstractAxis *axis, double min, double max);
// Round ticks about `spacing` pixels apart over a `length`-pixel axis showing [min, max].
// Called before a range is set as well as after: QtCharts lays out the ticks of a new
// range with the old interval first, and a small interval over a large range is
// millions of tick items.
void updateAxisTicks(QAbstractAxis *axis, double min, double max, double length, double spacing);
// Axis lines, labels, titles and grid from the palette, so light and dark themes both read.
void styleAxis(QAbstractAxis *axis, const QPalette &palette);

} // namespace llmos
