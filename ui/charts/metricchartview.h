#pragma once

#include "charts/chartaxes.h"
#include "charts/hoverreadout.h"
#include "charts/markerglyphs.h"

#include <QChartView>
#include <QList>

class QAbstractAxis;
class QLineSeries;
class QRubberBand;

namespace llmos {

// How one curve (a run's metric) is drawn.
struct CurveStyle {
    QString legendName;
    QColor color;
    bool evaluation = false; // sparse: dashed, with its points marked
    bool rightAxis = false;  // a metric of another scale gets the right-hand y axis
    bool operator==(const CurveStyle &) const = default;
};

// The chart itself: the curves QtCharts draws, axes (linear or log) styled from the
// palette, markers in lanes along the bottom and a hover readout painted over it, and the
// mouse: drag a rectangle to zoom, drag with the right or middle button (or with Shift) to
// pan, scroll to zoom around the cursor, double-click to reset. It holds no data: the
// panel hands it decimated points and tells it where things are.
class MetricChartView : public QChartView {
    Q_OBJECT
public:
    explicit MetricChartView(QWidget *parent = nullptr);

    // Replaces every series: one per curve, with a faint raw series behind it when smoothed.
    void setCurves(const QList<CurveStyle> &curves, bool smoothed);
    qsizetype curveCount() const { return m_curves.size(); }
    // `smoothed` is ignored unless the curves were set smoothed.
    void setCurvePoints(qsizetype curve, const QList<QPointF> &raw, const QList<QPointF> &smoothed);
    // Swaps axes whose kind changed; the curves are emptied then, to be given new points.
    void setAxisKinds(bool logX, bool logY, bool rightAxis);
    void setAxisTitles(const QString &x, const QString &left, const QString &right);
    void setWindow(const ChartWindow &window);
    ChartWindow window() const;
    bool hasRightAxis() const { return m_right != nullptr; }
    // Axes with nothing on them would show made-up numbers: hidden while there is no data.
    void setAxesShown(bool shown);

    void setMarkers(const QList<MarkerGlyph> &markers);
    const QList<MarkerGlyph> &markers() const { return m_markers; }
    // The share of the plot's height the marker lanes take, for the y range to leave free.
    double markerLaneShare() const;
    void setReadout(const HoverReadout &readout);
    const HoverReadout &readout() const { return m_readout; }

    // The plot in scene coordinates (the view's own, unscrolled).
    QRectF plotRect() const;
    // x in display units under a view position.
    double xValueAt(QPointF viewPosition) const;
    QPointF scenePositionOf(QPointF value, bool rightAxis) const;
    // Markers whose symbol is under a view position.
    QList<MarkerGlyph> markersAt(QPointF viewPosition) const;
    // Lays the chart out now rather than in the event loop (exports, screenshots).
    void settleLayout();
    // Points QtCharts holds across all series.
    int drawnPointCount() const;

Q_SIGNALS:
    void windowChangedByUser();
    void resetRequested();
    void hovered(QPointF viewPosition);
    void hoverLeft();
    // The plot's width changed: decimation depends on it.
    void plotWidthChanged();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    struct Curve {
        CurveStyle style;
        QLineSeries *raw = nullptr;
        QLineSeries *smoothed = nullptr; // null when not smoothed
    };

    QLineSeries *addSeries(const CurveStyle &style, bool faint);
    void styleSeries(QLineSeries *series, const CurveStyle &style, bool faint) const;
    void attach(QLineSeries *series, bool rightAxis);
    QAbstractAxis *replaceAxis(QAbstractAxis *old, bool log, AxisSide side);
    void updateTicks();
    void applyPalette();
    void paintMarkers(QPainter &painter) const;
    // The lane of a kind, given the lanes in use (activeLanes()).
    QRectF laneRect(int lane, const QList<int> &lanes) const;
    QList<int> activeLanes() const;

    QChart *m_chart = nullptr;
    QAbstractAxis *m_x = nullptr;
    QAbstractAxis *m_left = nullptr;
    QAbstractAxis *m_right = nullptr;
    // Always attached, never shown: value <-> position mapping needs a series on the axes.
    QLineSeries *m_anchor = nullptr;
    QLineSeries *m_rightAnchor = nullptr;
    QList<Curve> m_curves;
    bool m_smoothed = false;

    QList<MarkerGlyph> m_markers;
    HoverReadout m_readout;

    QRubberBand *m_rubberBand = nullptr;
    QPoint m_rubberOrigin;
    bool m_panning = false;
    QPoint m_panLast;
    int m_plotWidth = 0;
};

} // namespace llmos
