#pragma once

#include <QList>
#include <QPointF>

#include <cmath>
#include <cstddef>
#include <span>

namespace llmos {

struct DecimationOptions {
    bool logX = false; // buckets even in log x; points with x <= 0 are left out
    bool logY = false; // points with y <= 0 are left out
    double xScale = 1; // output x is x * xScale (seconds drawn as hours, tokens as millions)
};

// Whether a point can be drawn: finite, and positive on a log axis.
inline bool isDrawable(double x, double y, const DecimationOptions &options)
{
    return std::isfinite(x) && std::isfinite(y) && (!options.logX || x > 0) && (!options.logY || y > 0);
}

// Min/max-preserving decimation for a line chart. Points are (xs[i], ys[i]), sorted by x
// (NaN x only ahead of the first finite one). [xmin, xmax] is cut into `buckets` equal
// slices (equal in log x when options.logX); each slice keeps its first, lowest, highest
// and last point, in x order, so spikes and steps survive any zoom. The nearest drawable
// point beyond each edge is kept too, so lines run to the border. Points that are not
// drawable are skipped: a NaN breaks no line. At most 4 * buckets + 2 points come back.
QList<QPointF> minMaxDecimate(std::span<const double> xs, std::span<const double> ys, double xmin, double xmax,
                              int buckets, const DecimationOptions &options = {});

// The first index whose x is at least `x` (NaN counts as smaller), for sorted xs.
std::size_t firstIndexAtOrAfter(std::span<const double> xs, double x);

// The index of the drawable point nearest to `x` (in log x when options.logX), or
// xs.size() when there is none. Looks at most `reach` points either side of where x
// falls, so a sparse metric in a long table costs a bounded scan.
std::size_t nearestDrawableIndex(std::span<const double> xs, std::span<const double> ys, double x,
                                 const DecimationOptions &options, std::size_t reach = 100000);

} // namespace llmos
