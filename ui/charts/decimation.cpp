#include "charts/decimation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

namespace llmos {

namespace {

// Bucket edges, equal in x or in log x; edges[b] <= x < edges[b + 1] is bucket b.
std::vector<double> bucketEdges(double xmin, double xmax, int buckets, bool logX)
{
    std::vector<double> edges(static_cast<std::size_t>(buckets) + 1);
    const double from = logX ? std::log10(xmin) : xmin;
    const double to = logX ? std::log10(xmax) : xmax;
    for (int b = 0; b <= buckets; ++b) {
        const double at = from + (to - from) * b / buckets;
        edges[static_cast<std::size_t>(b)] = logX ? std::pow(10.0, at) : at;
    }
    return edges;
}

// The buckets of points [lo, hi), whose x lie in [xmin, xmax]. The axis kinds are template
// arguments so the loop over a million points carries no branch for them.
template <bool LogX, bool LogY>
void decimateBuckets(std::span<const double> xs, std::span<const double> ys, std::size_t lo, std::size_t hi,
                     double xmin, double xmax, int buckets, double xScale, QList<QPointF> &out)
{
    const std::vector<double> edges = bucketEdges(xmin, xmax, buckets, LogX);
    std::size_t i = lo;
    for (int b = 0; b < buckets && i < hi; ++b) {
        // The last bucket takes everything left, xmax included.
        const double edge =
            b + 1 < buckets ? edges[static_cast<std::size_t>(b) + 1] : std::numeric_limits<double>::infinity();
        bool any = false;
        std::size_t first = 0, lowest = 0, highest = 0, last = 0;
        double low = 0, high = 0;
        // x only grows (a NaN x is no reason to leave the bucket: it is skipped below).
        for (; i < hi; ++i) {
            const double x = xs[i];
            if (x >= edge)
                break;
            const double y = ys[i];
            if (!std::isfinite(x) || !std::isfinite(y) || (LogX && !(x > 0)) || (LogY && !(y > 0)))
                continue;
            if (!any) {
                any = true;
                first = lowest = highest = last = i;
                low = high = y;
                continue;
            }
            if (y < low) {
                low = y;
                lowest = i;
            }
            if (y > high) {
                high = y;
                highest = i;
            }
            last = i;
        }
        if (!any)
            continue;
        std::array<std::size_t, 4> kept{first, lowest, highest, last};
        std::sort(kept.begin(), kept.end());
        for (std::size_t k = 0; k < kept.size(); ++k)
            if (k == 0 || kept[k] != kept[k - 1])
                out.append(QPointF(xs[kept[k]] * xScale, ys[kept[k]]));
    }
}

} // namespace

std::size_t firstIndexAtOrAfter(std::span<const double> xs, double x)
{
    return static_cast<std::size_t>(
        std::partition_point(xs.begin(), xs.end(), [x](double value) { return !(value >= x); }) - xs.begin());
}

QList<QPointF> minMaxDecimate(std::span<const double> xs, std::span<const double> ys, double xmin, double xmax,
                              int buckets, const DecimationOptions &options)
{
    QList<QPointF> out;
    const std::size_t n = std::min(xs.size(), ys.size());
    if (n == 0 || buckets < 1 || !(xmin <= xmax) || (options.logX && !(xmin > 0)))
        return out;
    xs = xs.first(n);
    ys = ys.first(n);
    const auto drawable = [&](std::size_t i) { return isDrawable(xs[i], ys[i], options); };
    const auto keep = [&](std::size_t i) { out.append(QPointF(xs[i] * options.xScale, ys[i])); };

    const std::size_t lo = firstIndexAtOrAfter(xs, xmin);
    const std::size_t hi =
        lo + static_cast<std::size_t>(std::partition_point(xs.begin() + static_cast<std::ptrdiff_t>(lo), xs.end(),
                                                           [xmax](double value) { return !(value > xmax); }) -
                                      (xs.begin() + static_cast<std::ptrdiff_t>(lo)));
    out.reserve(static_cast<qsizetype>(std::min<std::size_t>(hi - lo, 4 * static_cast<std::size_t>(buckets)) + 2));

    for (std::size_t i = lo; i-- > 0;) {
        if (drawable(i)) {
            keep(i);
            break;
        }
    }

    const auto decimate = options.logX
                              ? (options.logY ? &decimateBuckets<true, true> : &decimateBuckets<true, false>)
                              : (options.logY ? &decimateBuckets<false, true> : &decimateBuckets<false, false>);
    decimate(xs, ys, lo, hi, xmin, xmax, buckets, options.xScale, out);

    for (std::size_t i = hi; i < n; ++i) {
        if (drawable(i)) {
            keep(i);
            break;
        }
    }
    return out;
}

std::size_t nearestDrawableIndex(std::span<const double> xs, std::span<const double> ys, double x,
                                 const DecimationOptions &options, std::size_t reach)
{
    const std::size_t n = std::min(xs.size(), ys.size());
    if (n == 0 || std::isnan(x))
        return n;
    xs = xs.first(n);
    ys = ys.first(n);
    const auto distance = [&](std::size_t i) {
        return options.logX ? std::abs(std::log10(xs[i]) - std::log10(x)) : std::abs(xs[i] - x);
    };
    const std::size_t at = firstIndexAtOrAfter(xs, x);
    std::size_t best = n;
    for (std::size_t i = at, steps = 0; i < n && steps < reach; ++i, ++steps) {
        if (isDrawable(xs[i], ys[i], options)) {
            best = i;
            break;
        }
    }
    for (std::size_t i = at, steps = 0; i-- > 0 && steps < reach; ++steps) {
        if (isDrawable(xs[i], ys[i], options)) {
            if (best == n || distance(i) <= distance(best))
                best = i;
            break;
        }
    }
    return best;
}

} // namespace llmos
