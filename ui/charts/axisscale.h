#pragma once

#include "charts/xaxis.h"

#include <QString>

namespace llmos {

// The unit the x axis is drawn in: wall time in seconds, minutes or hours, tokens in
// thousands, millions or billions, so tick labels stay short.
enum class XUnit { Plain, Thousands, Millions, Billions, Seconds, Minutes, Hours };

struct XScale {
    XUnit unit = XUnit::Plain;
    double factor = 1; // display value = data value * factor
};

// The unit for an axis whose data reach `largest`.
XScale xScaleFor(XAxis axis, double largest);

struct ValueRange {
    double min = 0;
    double max = 0;
    bool isValid() const { return min <= max; }
};

// [min, max] widened a little so lines do not touch the frame (multiplicatively on a log
// axis), then by `bottomShare` of the result below, which keeps data out of the marker
// lanes along the bottom. A single value becomes a small range around it.
ValueRange paddedRange(double min, double max, bool log, double bottomShare = 0);

// A round tick spacing (1, 2 or 5 times a power of ten) giving about `ticks` ticks.
double niceTickInterval(double span, int ticks);
// A printf format for labels `interval` apart near values as large as `largest`.
QString tickLabelFormat(double interval, double largest);
// The base of a log axis over [min, max] that gives a few labelled ticks, since
// QLogValueAxis labels only the powers of its base: 10 over a decade and a half or more,
// 2 for narrower ranges near 1, else a base below 10 (and labels less round).
double logAxisBase(double min, double max, int ticks);

} // namespace llmos
