#pragma once

#include "charts/axisscale.h"
#include "charts/chartrun.h"
#include "charts/charttoolbar.h"
#include "charts/markerglyphs.h"
#include "charts/smoothedcolumns.h"

#include <QColor>
#include <QList>
#include <QPointF>
#include <QStringList>

#include <optional>

namespace llmos {

// What the user chose to see.
struct ChartSettings {
    QStringList metrics;
    XAxis xAxis = XAxis::Step;
    double smoothing = 0.6; // TensorBoard's default
    bool logX = false;
    bool logY = false;
    MarkerFilter markers;
};

// One run's metric, decimated for the current window.
struct FrameCurve {
    qsizetype run = 0; // index into the runs
    QString metric;
    bool evaluation = false;
    bool rightAxis = false;
    QList<QPointF> raw;      // display units
    QList<QPointF> smoothed; // empty when smoothing is off
};

// Everything one redraw hands to the view, built without touching a widget.
struct ChartFrame {
    QList<FrameCurve> curves;
    XScale xScale;
    ValueRange xWindow;   // data units
    ValueRange leftData;  // extent of the drawn values inside the window, not padded
    ValueRange rightData; // likewise for curves on the right axis
    bool rightAxis = false;
    QList<MarkerGlyph> markers;
    qsizetype points = 0;
    bool anyRows = false; // some selected metric has rows at all, drawable or not
};

// Builds frames: picks the curves, the axis each goes on, the x unit and window, and
// decimates every curve (raw and smoothed) into `buckets` slices of the window. Keeps the
// smoothed columns between frames so a live run only smooths its new rows.
class ChartFrameBuilder {
public:
    ChartFrame build(const QList<ChartRun> &runs, const QList<QColor> &colors, const ChartSettings &settings,
                     const std::optional<ValueRange> &xZoom, int buckets);
    // The smoothed value of a metric's row (NaN when not smoothed), for the hover readout.
    double smoothedAt(const RunMetricHistory &history, const QString &metric, double weight, std::size_t row);
    void forgetAllBut(const QList<ChartRun> &runs);

private:
    SmoothedColumns m_smoothed;
};

// Whether a metric's values are far enough in scale from the first one's to need the
// right-hand axis (loss next to a learning rate of 1e-4): more than 1.5 decades apart.
bool needsOwnAxis(double maxAbs, double anchorMaxAbs);

} // namespace llmos
