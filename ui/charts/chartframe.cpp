#include "charts/chartframe.h"

#include "charts/decimation.h"
#include "charts/runmetrichistory.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace llmos {

namespace {

constexpr double kOwnAxisDecades = 1.5;

double maxAbsOf(const QList<ChartRun> &runs, const std::string &metric)
{
    double largest = 0;
    for (const ChartRun &run : runs) {
        if (!run.history)
            continue;
        if (const MetricTable *table = run.history->tableOf(metric))
            largest = std::max(largest, table->column(metric)->maxAbs);
    }
    return largest;
}

// The first and last drawable x of a column, scanning in from each end.
std::optional<ValueRange> drawableExtent(const MetricColumns &columns, const DecimationOptions &options)
{
    const std::size_t n = std::min(columns.x.size(), columns.y.size());
    std::size_t first = 0;
    while (first < n && !isDrawable(columns.x[first], columns.y[first], options))
        ++first;
    if (first == n)
        return std::nullopt;
    std::size_t last = n - 1;
    while (last > first && !isDrawable(columns.x[last], columns.y[last], options))
        --last;
    return ValueRange{columns.x[first], columns.x[last]};
}

void widen(ValueRange &range, double value)
{
    if (!range.isValid()) {
        range = {value, value};
        return;
    }
    range.min = std::min(range.min, value);
    range.max = std::max(range.max, value);
}

} // namespace

bool needsOwnAxis(double maxAbs, double anchorMaxAbs)
{
    return maxAbs > 0 && anchorMaxAbs > 0 && std::abs(std::log10(maxAbs / anchorMaxAbs)) > kOwnAxisDecades;
}

ChartFrame ChartFrameBuilder::build(const QList<ChartRun> &runs, const QList<QColor> &colors,
                                    const ChartSettings &settings, const std::optional<ValueRange> &xZoom, int buckets)
{
    ChartFrame frame;
    frame.xWindow = {1, 0};
    frame.leftData = {1, 0};
    frame.rightData = {1, 0};
    const DecimationOptions drawable{settings.logX, settings.logY, 1};

    // Which curves, and on which side: the first metric with values sets the left axis's scale.
    double anchor = 0;
    for (const QString &metric : settings.metrics) {
        const std::string name = metric.toStdString();
        const double scale = maxAbsOf(runs, name);
        if (anchor == 0)
            anchor = scale;
        const bool right = needsOwnAxis(scale, anchor);
        for (qsizetype r = 0; r < runs.size(); ++r) {
            const auto &history = runs[r].history;
            if (!history || !history->tableOf(name))
                continue;
            frame.curves.append({r, metric, history->isEvaluationMetric(name), right, {}, {}});
            frame.rightAxis = frame.rightAxis || right;
            frame.anyRows = frame.anyRows || history->tableOf(name)->rowCount() > 0;
        }
    }

    // The x unit from the largest x on show, and the window: the zoom, or all the data.
    double largest = 0;
    ValueRange extent{1, 0};
    for (const FrameCurve &curve : frame.curves) {
        const MetricColumns columns = runs[curve.run].history->columns(curve.metric.toStdString(), settings.xAxis);
        if (const auto range = drawableExtent(columns, drawable)) {
            widen(extent, range->min);
            widen(extent, range->max);
            largest = std::max(largest, std::abs(range->max));
        }
    }
    frame.xScale = xScaleFor(settings.xAxis, largest);
    if (xZoom) {
        frame.xWindow = *xZoom;
    } else if (extent.isValid()) {
        frame.xWindow = extent;
        if (extent.max <= extent.min) {
            // A single step: a window around it, so the point is not on the frame.
            frame.xWindow =
                settings.logX ? ValueRange{extent.min / 2, extent.max * 2} : ValueRange{extent.min - 1, extent.max + 1};
        }
    }
    if (!frame.xWindow.isValid() || (settings.logX && !(frame.xWindow.min > 0)))
        return frame;

    DecimationOptions options = drawable;
    options.xScale = frame.xScale.factor;
    const double xmin = frame.xWindow.min * frame.xScale.factor;
    const double xmax = frame.xWindow.max * frame.xScale.factor;
    for (FrameCurve &curve : frame.curves) {
        const ChartRun &run = runs[curve.run];
        const std::string name = curve.metric.toStdString();
        const MetricColumns columns = run.history->columns(name, settings.xAxis);
        if (columns.x.empty())
            continue;
        curve.raw = minMaxDecimate(columns.x, columns.y, frame.xWindow.min, frame.xWindow.max, buckets, options);
        if (settings.smoothing > 0)
            curve.smoothed = minMaxDecimate(columns.x, m_smoothed.smoothed(*run.history, name, settings.smoothing),
                                            frame.xWindow.min, frame.xWindow.max, buckets, options);
        ValueRange &data = curve.rightAxis ? frame.rightData : frame.leftData;
        // The points beyond the edges only lead the lines out: they do not stretch y.
        for (const QList<QPointF> *points : {&curve.raw, &curve.smoothed})
            for (const QPointF &point : *points)
                if (point.x() >= xmin && point.x() <= xmax)
                    widen(data, point.y());
        frame.points += curve.raw.size() + curve.smoothed.size();
    }

    for (qsizetype r = 0; r < runs.size(); ++r) {
        if (!runs[r].history)
            continue;
        const auto &markers = runs[r].history->markers();
        for (std::size_t m = 0; m < markers.size(); ++m) {
            const RunMarker &marker = markers[m];
            const double x = marker.position.at(settings.xAxis);
            if (!settings.markers.shows(marker.kind) || !std::isfinite(x) || (settings.logX && x <= 0) ||
                x < frame.xWindow.min || x > frame.xWindow.max)
                continue;
            frame.markers.append({marker.kind, x * frame.xScale.factor, colors.value(r), r, static_cast<qsizetype>(m)});
        }
    }
    return frame;
}

double ChartFrameBuilder::smoothedAt(const RunMetricHistory &history, const QString &metric, double weight,
                                     std::size_t row)
{
    if (weight <= 0)
        return std::numeric_limits<double>::quiet_NaN();
    const auto values = m_smoothed.smoothed(history, metric.toStdString(), weight);
    return row < values.size() ? values[row] : std::numeric_limits<double>::quiet_NaN();
}

void ChartFrameBuilder::forgetAllBut(const QList<ChartRun> &runs)
{
    std::vector<const RunMetricHistory *> kept;
    for (const ChartRun &run : runs)
        kept.push_back(run.history.get());
    m_smoothed.retainOnly(kept);
}

} // namespace llmos
