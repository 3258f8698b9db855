#include "charts/metricchartview.h"

#include <QChart>
#include <QEvent>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QPainter>
#include <QRubberBand>
#include <QValueAxis>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace llmos {

namespace {
constexpr double kXTickSpacing = 90; // pixels between x labels, so numbers never touch
constexpr double kYTickSpacing = 40;
constexpr double kLaneHeight = 12;
constexpr double kLanePadding = 3;
constexpr double kSymbolSize = 9;
constexpr int kMinRubberBand = 6;    // pixels: a smaller drag is a click, not a zoom
constexpr double kWheelStep = 0.999; // per eighth of a degree: one notch zooms about 11%
constexpr double kFaintAlpha = 0.28;
constexpr double kFaintAlphaDark = 0.32;
constexpr double kPointMarkerSize = 4;
constexpr double kRunGlyphShift = 3; // pixels between the same marker of overlaid runs
// Point markers only while the points are far enough apart to tell one from the next.
constexpr double kPixelsPerMarkedPoint = 8;

void hideFromLegend(QChart *chart, QAbstractSeries *series)
{
    for (QLegendMarker *marker : chart->legend()->markers(series))
        marker->setVisible(false);
}

} // namespace

MetricChartView::MetricChartView(QWidget *parent)
    : QChartView(parent)
{
    setObjectName(QStringLiteral("metricChartView"));
    m_chart = new QChart;
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 6, 8, 2));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    setChart(m_chart);
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::NoRubberBand);
    setMouseTracking(true);
    viewport()->setCursor(Qt::CrossCursor);
    setFrameShape(QFrame::NoFrame);

    m_x = replaceAxis(nullptr, false, AxisSide::Bottom);
    m_left = replaceAxis(nullptr, false, AxisSide::Left);
    m_anchor = new QLineSeries;
    m_chart->addSeries(m_anchor);
    attach(m_anchor, false);
    hideFromLegend(m_chart, m_anchor);

    m_rubberBand = new QRubberBand(QRubberBand::Rectangle, viewport());
    m_rubberBand->hide();
    connect(m_chart, &QChart::plotAreaChanged, this, [this](const QRectF &plot) {
        updateTicks();
        if (qRound(plot.width()) != m_plotWidth) {
            m_plotWidth = qRound(plot.width());
            Q_EMIT plotWidthChanged();
        }
    });
    applyPalette();
}

void MetricChartView::setCurves(const QList<CurveStyle> &curves, bool smoothed)
{
    for (const Curve &curve : std::as_const(m_curves)) {
        for (QLineSeries *series : {curve.raw, curve.smoothed}) {
            if (series) {
                m_chart->removeSeries(series);
                delete series;
            }
        }
    }
    m_curves.clear();
    m_smoothed = smoothed;
    // Every raw series first, so the smoothed ones are drawn over all of them.
    for (const CurveStyle &style : curves)
        m_curves.append({style, addSeries(style, smoothed), nullptr});
    if (smoothed)
        for (Curve &curve : m_curves)
            curve.smoothed = addSeries(curve.style, false);
}

QLineSeries *MetricChartView::addSeries(const CurveStyle &style, bool faint)
{
    auto *series = new QLineSeries;
    // The faint raw curve stays nameless: the legend and the readout speak of the main one.
    if (!faint)
        series->setName(style.legendName);
    // Added before it is styled: adding applies the chart theme's colours.
    m_chart->addSeries(series);
    attach(series, style.rightAxis);
    styleSeries(series, style, faint);
    series->setMarkerSize(kPointMarkerSize);
    if (faint)
        hideFromLegend(m_chart, series);
    return series;
}

void MetricChartView::styleSeries(QLineSeries *series, const CurveStyle &style, bool faint) const
{
    QColor color = style.color;
    if (faint) {
        // Faint enough to sit behind the smoothed curve, yet still there on a dark base.
        const bool dark = palette().color(QPalette::Base).lightnessF() < 0.5;
        if (dark)
            color = color.lighter(125);
        color.setAlphaF(dark ? kFaintAlphaDark : kFaintAlpha);
    }
    QPen pen(color);
    pen.setWidthF(faint ? 1.0 : 2.0);
    pen.setStyle(style.evaluation ? Qt::DashLine : Qt::SolidLine);
    // Flat caps and bevel joins: QtCharts strokes thousands of segments on every paint,
    // and round ones cost a curve each.
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::BevelJoin);
    series->setPen(pen);
}

void MetricChartView::attach(QLineSeries *series, bool rightAxis)
{
    for (QAbstractAxis *axis : series->attachedAxes())
        series->detachAxis(axis);
    series->attachAxis(m_x);
    series->attachAxis(rightAxis && m_right ? m_right : m_left);
}

void MetricChartView::setCurvePoints(qsizetype curve, const QList<QPointF> &raw, const QList<QPointF> &smoothed)
{
    if (curve < 0 || curve >= m_curves.size())
        return;
    const Curve &c = m_curves[curve];
    c.raw->replace(raw);
    if (c.smoothed)
        c.smoothed->replace(smoothed);
    if (c.style.evaluation) {
        QLineSeries *main = c.smoothed ? c.smoothed : c.raw;
        main->setPointsVisible(static_cast<double>(main->count()) * kPixelsPerMarkedPoint <=
                               m_chart->plotArea().width());
    }
}

QAbstractAxis *MetricChartView::replaceAxis(QAbstractAxis *old, bool log, AxisSide side)
{
    if (old) {
        m_chart->removeAxis(old);
        delete old;
    }
    QAbstractAxis *axis = makeValueAxis(log, m_chart, side);
    // A valid range before any series is attached: a log axis given the linear one's
    // range (below zero) complains.
    setAxisRange(axis, 1, 10);
    if (log)
        connect(static_cast<QLogValueAxis *>(axis), &QLogValueAxis::rangeChanged, this, [this] { updateTicks(); });
    else
        connect(static_cast<QValueAxis *>(axis), &QValueAxis::rangeChanged, this, [this] { updateTicks(); });
    styleAxis(axis, palette());
    if (side == AxisSide::Right) {
        // The left axis's grid is enough.
        axis->setGridLineVisible(false);
        axis->setMinorGridLineVisible(false);
    }
    return axis;
}

void MetricChartView::setAxisKinds(bool logX, bool logY, bool rightAxis)
{
    bool changed = false;
    if (isLogAxis(m_x) != logX) {
        m_x = replaceAxis(m_x, logX, AxisSide::Bottom);
        changed = true;
    }
    if (isLogAxis(m_left) != logY) {
        m_left = replaceAxis(m_left, logY, AxisSide::Left);
        changed = true;
    }
    if (rightAxis && (!m_right || isLogAxis(m_right) != logY)) {
        m_right = replaceAxis(m_right, logY, AxisSide::Right);
        changed = true;
    } else if (!rightAxis && m_right) {
        m_chart->removeAxis(m_right);
        delete m_right;
        m_right = nullptr;
        changed = true;
    }
    if (!changed)
        return;
    if (m_right && !m_rightAnchor) {
        m_rightAnchor = new QLineSeries;
        m_chart->addSeries(m_rightAnchor);
        hideFromLegend(m_chart, m_rightAnchor);
    } else if (!m_right && m_rightAnchor) {
        m_chart->removeSeries(m_rightAnchor);
        delete m_rightAnchor;
        m_rightAnchor = nullptr;
    }
    attach(m_anchor, false);
    if (m_rightAnchor)
        attach(m_rightAnchor, true);
    // Emptied first: attaching fits the axis to the points, and the old ones may not fit
    // a log scale. The caller hands new points next.
    for (const Curve &curve : std::as_const(m_curves)) {
        for (QLineSeries *series : {curve.raw, curve.smoothed}) {
            if (series) {
                series->clear();
                attach(series, curve.style.rightAxis);
            }
        }
    }
}

void MetricChartView::setAxisTitles(const QString &x, const QString &left, const QString &right)
{
    m_x->setTitleText(x);
    m_left->setTitleText(left);
    if (m_right)
        m_right->setTitleText(right);
}

void MetricChartView::setAxesShown(bool shown)
{
    for (QAbstractAxis *axis : {m_x, m_left, m_right})
        if (axis && axis->isVisible() != shown)
            axis->setVisible(shown);
}

void MetricChartView::setWindow(const ChartWindow &window)
{
    // Ticks for the new range first, so QtCharts never lays out the old interval over it.
    const QRectF plot = m_chart->plotArea();
    const double width = plot.isEmpty() ? 600 : plot.width(), height = plot.isEmpty() ? 400 : plot.height();
    updateAxisTicks(m_x, window.xmin, window.xmax, width, kXTickSpacing);
    updateAxisTicks(m_left, window.ymin, window.ymax, height, kYTickSpacing);
    updateAxisTicks(m_right, window.y2min, window.y2max, height, kYTickSpacing);
    setAxisRange(m_x, window.xmin, window.xmax);
    setAxisRange(m_left, window.ymin, window.ymax);
    setAxisRange(m_right, window.y2min, window.y2max);
    updateTicks();
}

ChartWindow MetricChartView::window() const
{
    ChartWindow window;
    window.xmin = axisMin(m_x);
    window.xmax = axisMax(m_x);
    window.ymin = axisMin(m_left);
    window.ymax = axisMax(m_left);
    if (m_right) {
        window.y2min = axisMin(m_right);
        window.y2max = axisMax(m_right);
    }
    return window;
}

void MetricChartView::updateTicks()
{
    const QRectF plot = m_chart->plotArea();
    if (plot.isEmpty())
        return;
    for (auto [axis, length, spacing] :
         {std::tuple(m_x, plot.width(), kXTickSpacing), std::tuple(m_left, plot.height(), kYTickSpacing),
          std::tuple(m_right, plot.height(), kYTickSpacing)})
        if (axis)
            updateAxisTicks(axis, axisMin(axis), axisMax(axis), length, spacing);
}

void MetricChartView::setMarkers(const QList<MarkerGlyph> &markers)
{
    m_markers = markers;
    viewport()->update();
}

void MetricChartView::setReadout(const HoverReadout &readout)
{
    m_readout = readout;
    viewport()->update();
}

QList<int> MetricChartView::activeLanes() const
{
    QList<int> lanes;
    for (const MarkerGlyph &marker : m_markers)
        if (!lanes.contains(markerLane(marker.kind)))
            lanes.append(markerLane(marker.kind));
    std::sort(lanes.begin(), lanes.end());
    return lanes;
}

double MetricChartView::markerLaneShare() const
{
    const double height = m_chart->plotArea().height();
    const auto lanes = activeLanes().size();
    if (lanes == 0 || height <= 0)
        return 0;
    return std::min(0.4, (static_cast<double>(lanes) * kLaneHeight + 2 * kLanePadding) / height);
}

QRectF MetricChartView::laneRect(int lane, const QList<int> &lanes) const
{
    const QRectF plot = plotRect();
    const auto row = lanes.indexOf(lane);
    return QRectF(plot.left(), plot.bottom() - kLanePadding - static_cast<double>(row + 1) * kLaneHeight, plot.width(),
                  kLaneHeight);
}

QRectF MetricChartView::plotRect() const
{
    return m_chart->mapRectToScene(m_chart->plotArea());
}

double MetricChartView::xValueAt(QPointF viewPosition) const
{
    return m_chart->mapToValue(m_chart->mapFromScene(mapToScene(viewPosition.toPoint())), m_anchor).x();
}

QPointF MetricChartView::scenePositionOf(QPointF value, bool rightAxis) const
{
    QLineSeries *series = rightAxis && m_rightAnchor ? m_rightAnchor : m_anchor;
    return m_chart->mapToScene(m_chart->mapToPosition(value, series));
}

QList<MarkerGlyph> MetricChartView::markersAt(QPointF viewPosition) const
{
    QList<MarkerGlyph> found;
    const QPointF at = mapToScene(viewPosition.toPoint());
    const QRectF plot = plotRect();
    const QList<int> lanes = activeLanes();
    for (const MarkerGlyph &marker : m_markers) {
        const double x = scenePositionOf(QPointF(marker.x, 1), false).x();
        const QRectF lane = laneRect(markerLane(marker.kind), lanes);
        if (x >= plot.left() - 1 && x <= plot.right() + 1 && std::abs(at.x() - x) <= kSymbolSize &&
            at.y() >= lane.top() - 2 && at.y() <= lane.bottom() + 2)
            found.append(marker);
    }
    return found;
}

void MetricChartView::settleLayout()
{
    // The legend first: its size decides the plot's.
    for (QGraphicsWidget *widget :
         {static_cast<QGraphicsWidget *>(m_chart->legend()), static_cast<QGraphicsWidget *>(m_chart)})
        if (QGraphicsLayout *layout = widget->layout())
            layout->activate();
}

int MetricChartView::drawnPointCount() const
{
    qsizetype count = 0;
    for (const Curve &curve : m_curves)
        count += curve.raw->count() + (curve.smoothed ? curve.smoothed->count() : 0);
    return static_cast<int>(count);
}

void MetricChartView::paintMarkers(QPainter &painter) const
{
    if (m_markers.isEmpty())
        return;
    const QRectF plot = plotRect();
    const QList<int> lanes = activeLanes();
    painter.save();
    // A band behind the lanes sets them apart from the plotted data.
    QColor band = palette().color(QPalette::AlternateBase);
    band.setAlphaF(0.6);
    const double bandHeight = static_cast<double>(lanes.size()) * kLaneHeight + 2 * kLanePadding;
    painter.fillRect(QRectF(plot.left(), plot.bottom() - bandHeight, plot.width(), bandHeight), band);
    QColor outline = palette().color(QPalette::Text);
    outline.setAlphaF(0.55);
    // Overlaid runs often evaluate and save at the same steps: each run's symbols sit a
    // little apart so the one drawn last does not hide the others.
    QList<qsizetype> runs;
    for (const MarkerGlyph &marker : m_markers)
        if (!runs.contains(marker.run))
            runs << marker.run;
    const double spread = std::min(kRunGlyphShift, 8.0 / std::max<qsizetype>(1, runs.size()));
    for (const MarkerGlyph &marker : m_markers) {
        const double shift =
            (static_cast<double>(runs.indexOf(marker.run)) - static_cast<double>(runs.size() - 1) / 2) * spread;
        const double x = scenePositionOf(QPointF(marker.x, 1), false).x() + shift;
        if (!std::isfinite(x) || x < plot.left() - 0.5 || x > plot.right() + 0.5)
            continue;
        const QRectF lane = laneRect(markerLane(marker.kind), lanes);
        if (marker.kind == MarkerKind::Pause || marker.kind == MarkerKind::Resume) {
            // Stops are rare and matter: a faint dotted line up the plot shows where.
            QColor line = marker.color;
            line.setAlphaF(0.45);
            QPen pen(line, 1, Qt::DotLine);
            pen.setCosmetic(true);
            painter.setPen(pen);
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, lane.top()));
        }
        paintMarkerSymbol(painter, marker.kind, QPointF(x, lane.center().y()), kSymbolSize, marker.color, outline);
    }
    painter.restore();
}

void MetricChartView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
    paintMarkers(*painter);
    paintHoverReadout(*painter, m_readout, plotRect(), palette());
}

void MetricChartView::mousePressEvent(QMouseEvent *event)
{
    const QPoint at = event->position().toPoint();
    const bool inPlot = plotRect().contains(mapToScene(at));
    const bool pan = event->button() == Qt::RightButton || event->button() == Qt::MiddleButton ||
                     (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier));
    if (inPlot && pan) {
        m_panning = true;
        m_panLast = at;
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (inPlot && event->button() == Qt::LeftButton) {
        m_rubberOrigin = at;
        m_rubberBand->setGeometry(QRect(at, QSize()));
        m_rubberBand->show();
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void MetricChartView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint at = event->position().toPoint();
    if (m_rubberBand->isVisible()) {
        const QRect plot = mapFromScene(plotRect()).boundingRect();
        m_rubberBand->setGeometry(QRect(m_rubberOrigin, at).normalized().intersected(plot));
        event->accept();
        return;
    }
    if (m_panning) {
        const QPoint delta = at - m_panLast;
        m_panLast = at;
        m_chart->scroll(-delta.x(), delta.y());
        Q_EMIT windowChangedByUser();
        event->accept();
        return;
    }
    Q_EMIT hovered(event->position());
    QChartView::mouseMoveEvent(event);
}

void MetricChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        viewport()->setCursor(Qt::CrossCursor);
        event->accept();
        return;
    }
    if (m_rubberBand->isVisible() && event->button() == Qt::LeftButton) {
        m_rubberBand->hide();
        const QRect band = m_rubberBand->geometry();
        const bool wide = band.width() >= kMinRubberBand, tall = band.height() >= kMinRubberBand;
        if (wide || tall) {
            QRectF rect = m_chart->mapFromScene(mapToScene(band)).boundingRect();
            // A thin drag zooms one axis only: a flat one picks an x range, a narrow one a y range.
            const QRectF plot = m_chart->plotArea();
            if (!tall)
                rect = QRectF(rect.left(), plot.top(), rect.width(), plot.height());
            else if (!wide)
                rect = QRectF(plot.left(), rect.top(), plot.width(), rect.height());
            m_chart->zoomIn(rect);
            Q_EMIT windowChangedByUser();
        }
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void MetricChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    m_rubberBand->hide();
    Q_EMIT resetRequested();
    event->accept();
}

void MetricChartView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    const QPointF at = m_chart->mapFromScene(mapToScene(event->position().toPoint()));
    const QRectF plot = m_chart->plotArea();
    if (delta == 0 || !plot.contains(at)) {
        event->ignore();
        return;
    }
    // The point under the cursor stays put: the plot scales around it.
    const double factor = std::pow(kWheelStep, delta);
    const QRectF rect(at.x() - (at.x() - plot.left()) * factor, at.y() - (at.y() - plot.top()) * factor,
                      plot.width() * factor, plot.height() * factor);
    m_chart->zoomIn(rect);
    Q_EMIT windowChangedByUser();
    event->accept();
}

void MetricChartView::leaveEvent(QEvent *event)
{
    Q_EMIT hoverLeft();
    QChartView::leaveEvent(event);
}

void MetricChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    updateTicks();
}

void MetricChartView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QChartView::changeEvent(event);
}

void MetricChartView::applyPalette()
{
    const QPalette p = palette();
    m_chart->setBackgroundBrush(p.color(QPalette::Base));
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->setTitleBrush(p.color(QPalette::Text));
    m_chart->legend()->setLabelColor(p.color(QPalette::Text));
    setBackgroundBrush(p.color(QPalette::Base));
    for (QAbstractAxis *axis : {m_x, m_left, m_right})
        styleAxis(axis, p);
    if (m_right) {
        m_right->setGridLineVisible(false);
        m_right->setMinorGridLineVisible(false);
    }
    if (m_smoothed)
        for (const Curve &curve : std::as_const(m_curves))
            styleSeries(curve.raw, curve.style, true);
}

} // namespace llmos
