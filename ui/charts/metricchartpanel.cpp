#include "charts/metricchartpanel.h"

#include "charts/chartcsv.h"
#include "charts/chartexport.h"
#include "charts/decimation.h"
#include "charts/metricchartview.h"
#include "charts/runmetrichistory.h"
#include "tasks/onworker.h"

#include <QChart>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace llmos {

namespace {
constexpr qint64 kMinRedrawMs = 50; // at most 20 redraws a second, however fast events come
constexpr int kMinBuckets = 64;
constexpr qsizetype kMaxReadoutRows = 12;
constexpr double kMaxSmoothing = 0.99;

QString formatValue(double value)
{
    return QString::number(value, 'g', 6);
}

QString formatDuration(double seconds)
{
    const auto total = static_cast<qint64>(std::llround(seconds));
    const qint64 hours = total / 3600, minutes = total / 60 % 60, secs = total % 60;
    const QChar zero = QLatin1Char('0');
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(minutes, 2, 10, zero).arg(secs, 2, 10, zero);
    return QStringLiteral("%1:%2").arg(minutes).arg(secs, 2, 10, zero);
}

} // namespace

MetricChartPanel::MetricChartPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("metricChartPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_toolBar = new ChartToolBar(this);
    layout->addWidget(m_toolBar);

    // The empty-state message sits over the (empty) chart, so the axes stay in place.
    auto *stack = new QWidget(this);
    auto *grid = new QGridLayout(stack);
    grid->setContentsMargins(0, 0, 0, 0);
    m_view = new MetricChartView(stack);
    grid->addWidget(m_view, 0, 0);
    m_empty = new QLabel(stack);
    m_empty->setObjectName(QStringLiteral("chartEmptyMessage"));
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setMaximumWidth(460);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setAttribute(Qt::WA_TransparentForMouseEvents);
    grid->addWidget(m_empty, 0, 0, Qt::AlignCenter);
    layout->addWidget(stack, 1);

    m_toolBar->setSmoothing(m_settings.smoothing);
    m_toolBar->setXAxis(m_settings.xAxis);
    m_toolBar->setMarkerFilter(m_settings.markers);
    m_toolBar->setMarkerColors(palette().color(QPalette::Mid), palette().color(QPalette::Text));
    connect(m_toolBar, &ChartToolBar::metricToggled, this, &MetricChartPanel::toggleMetric);
    connect(m_toolBar, &ChartToolBar::xAxisChanged, this, &MetricChartPanel::setXAxis);
    connect(m_toolBar, &ChartToolBar::smoothingChanged, this, &MetricChartPanel::setSmoothing);
    connect(m_toolBar, &ChartToolBar::logXChanged, this, &MetricChartPanel::setLogX);
    connect(m_toolBar, &ChartToolBar::logYChanged, this, &MetricChartPanel::setLogY);
    connect(m_toolBar, &ChartToolBar::markerFilterChanged, this, &MetricChartPanel::setMarkerFilter);
    connect(m_toolBar, &ChartToolBar::resetZoomRequested, this, &MetricChartPanel::resetZoom);
    connect(m_toolBar, &ChartToolBar::exportRequested, this, &MetricChartPanel::startExport);

    connect(m_view, &MetricChartView::windowChangedByUser, this, &MetricChartPanel::takeUserWindow);
    connect(m_view, &MetricChartView::resetRequested, this, &MetricChartPanel::resetZoom);
    connect(m_view, &MetricChartView::hovered, this, &MetricChartPanel::showHover);
    connect(m_view, &MetricChartView::hoverLeft, this, &MetricChartPanel::hideHover);
    connect(m_view, &MetricChartView::plotWidthChanged, this, &MetricChartPanel::scheduleRedraw);

    m_redrawTimer.setSingleShot(true);
    connect(&m_redrawTimer, &QTimer::timeout, this, &MetricChartPanel::redrawNow);
    m_sinceRedraw.start();
    m_exportFolder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    redrawNow();
}

MetricChartPanel::~MetricChartPanel() = default;

void MetricChartPanel::setRuns(const QList<ChartRun> &runs)
{
    QStringList before, after;
    for (const ChartRun &run : std::as_const(m_runs))
        before << run.runId;
    for (const ChartRun &run : runs)
        after << run.runId;
    if (before != after)
        clearZoom();
    m_runs = runs;
    m_builder.forgetAllBut(m_runs);
    for (const QString &runId : std::as_const(after))
        m_colors.colorOf(runId, after);
    // At once, not coalesced: what the view shows refers to runs by their index here.
    redrawNow();
}

void MetricChartPanel::runUpdated(const QString &runId)
{
    if (std::any_of(m_runs.begin(), m_runs.end(), [&](const ChartRun &run) { return run.runId == runId; }))
        scheduleRedraw();
}

QStringList MetricChartPanel::availableMetrics() const
{
    QStringList names;
    for (bool evaluation : {false, true}) {
        for (const ChartRun &run : m_runs) {
            if (!run.history)
                continue;
            const MetricTable &table = evaluation ? run.history->evaluations() : run.history->steps();
            for (const auto &column : table.columns()) {
                const QString name = QString::fromStdString(column.name);
                if (!names.contains(name))
                    names << name;
            }
        }
    }
    return names;
}

void MetricChartPanel::setSelectedMetrics(const QStringList &names)
{
    m_metricsChosen = true;
    m_settings.metrics = names;
    m_settings.metrics.removeDuplicates();
    m_zoomY.reset();
    m_toolBar->setSelectedMetrics(m_settings.metrics);
    scheduleRedraw();
}

void MetricChartPanel::toggleMetric(const QString &name, bool on)
{
    QStringList selected;
    // In the menu's order, so the same choice always draws the same way.
    for (const QString &metric : availableMetrics())
        if (metric == name ? on : m_settings.metrics.contains(metric))
            selected << metric;
    setSelectedMetrics(selected);
    Q_EMIT selectedMetricsChanged(m_settings.metrics);
}

void MetricChartPanel::setXAxis(XAxis axis)
{
    m_toolBar->setXAxis(axis);
    if (axis == m_settings.xAxis)
        return;
    m_settings.xAxis = axis;
    clearZoom();
    scheduleRedraw();
}

void MetricChartPanel::setSmoothing(double weight)
{
    weight = std::clamp(std::isnan(weight) ? 0.0 : weight, 0.0, kMaxSmoothing);
    m_toolBar->setSmoothing(weight);
    if (weight == m_settings.smoothing)
        return;
    m_settings.smoothing = weight;
    scheduleRedraw();
}

void MetricChartPanel::setLogX(bool on)
{
    m_toolBar->setLogX(on);
    if (on == m_settings.logX)
        return;
    m_settings.logX = on;
    clearZoom();
    scheduleRedraw();
}

void MetricChartPanel::setLogY(bool on)
{
    m_toolBar->setLogY(on);
    if (on == m_settings.logY)
        return;
    m_settings.logY = on;
    clearZoom();
    scheduleRedraw();
}

void MetricChartPanel::setMarkerFilter(const MarkerFilter &filter)
{
    m_toolBar->setMarkerFilter(filter);
    if (filter == m_settings.markers)
        return;
    m_settings.markers = filter;
    scheduleRedraw();
}

void MetricChartPanel::clearZoom()
{
    m_zoomX.reset();
    m_zoomY.reset();
    m_toolBar->setZoomed(false);
}

void MetricChartPanel::resetZoom()
{
    clearZoom();
    redrawNow();
}

void MetricChartPanel::takeUserWindow()
{
    const ChartWindow window = m_view->window();
    m_zoomX = ValueRange{window.xmin / m_xScale.factor, window.xmax / m_xScale.factor};
    m_zoomY = window;
    m_toolBar->setZoomed(true);
    scheduleRedraw();
}

int MetricChartPanel::drawnPointCount() const
{
    return m_view->drawnPointCount();
}

QString MetricChartPanel::emptyMessage() const
{
    return m_empty->isHidden() ? QString() : m_empty->text();
}

void MetricChartPanel::scheduleRedraw()
{
    if (m_redrawTimer.isActive())
        return;
    const qint64 since = m_sinceRedraw.elapsed();
    m_redrawTimer.start(since >= kMinRedrawMs ? 0 : static_cast<int>(kMinRedrawMs - since));
}

void MetricChartPanel::redrawNow()
{
    m_redrawTimer.stop();
    m_sinceRedraw.restart();
    ++m_redraws;
    refreshMetricChoice();
    QStringList ids;
    for (const ChartRun &run : std::as_const(m_runs))
        ids << run.runId;
    QList<QColor> colors;
    for (const QString &runId : std::as_const(ids))
        colors << m_colors.colorOf(runId, ids);
    const int buckets = std::max(kMinBuckets, qRound(m_view->chart()->plotArea().width()));
    applyFrame(m_builder.build(m_runs, colors, m_settings, m_zoomX, buckets));
    if (m_hover)
        showHover(*m_hover);
}

void MetricChartPanel::refreshMetricChoice()
{
    const QStringList available = availableMetrics();
    m_toolBar->setAvailableMetrics(available);
    if (!m_metricsChosen) {
        // Until the user picks: training and validation loss, the curves people look at first.
        QStringList defaults;
        for (const QString &name : {QStringLiteral("loss"), QStringLiteral("eval_loss")})
            if (available.contains(name))
                defaults << name;
        if (defaults.isEmpty() && !available.isEmpty())
            defaults << available.first();
        m_settings.metrics = defaults;
    }
    m_toolBar->setSelectedMetrics(m_settings.metrics);
}

QList<CurveStyle> MetricChartPanel::curveStyles(const ChartFrame &frame) const
{
    QList<qsizetype> runs;
    QStringList metrics;
    for (const FrameCurve &curve : frame.curves) {
        if (!runs.contains(curve.run))
            runs << curve.run;
        if (!metrics.contains(curve.metric))
            metrics << curve.metric;
    }
    QList<CurveStyle> styles;
    for (const FrameCurve &curve : frame.curves) {
        const ChartRun &run = m_runs[curve.run];
        // Name only what tells the curves apart.
        QString name = runs.size() <= 1      ? curve.metric
                       : metrics.size() <= 1 ? run.label
                                             : QStringLiteral("%1 · %2").arg(run.label, curve.metric);
        if (curve.rightAxis)
            name = tr("%1 (right axis)").arg(name);
        styles.append({name, m_colors.existingColor(run.runId), curve.evaluation, curve.rightAxis});
    }
    return styles;
}

void MetricChartPanel::applyFrame(const ChartFrame &frame)
{
    m_xScale = frame.xScale;
    const bool smoothed = m_settings.smoothing > 0;
    m_view->setAxisKinds(m_settings.logX, m_settings.logY, frame.rightAxis);
    const QList<CurveStyle> styles = curveStyles(frame);
    if (styles != m_styles || smoothed != m_builtSmoothed || m_view->curveCount() != styles.size()) {
        m_view->setCurves(styles, smoothed);
        m_styles = styles;
        m_builtSmoothed = smoothed;
    }
    m_shownCurves.clear();
    QStringList left, right;
    for (qsizetype i = 0; i < frame.curves.size(); ++i) {
        const FrameCurve &curve = frame.curves[i];
        m_view->setCurvePoints(i, curve.raw, curve.smoothed);
        m_shownCurves.append({curve.run, curve.metric, curve.evaluation, curve.rightAxis, {}, {}});
        QStringList &side = curve.rightAxis ? right : left;
        if (!side.contains(curve.metric))
            side << curve.metric;
    }
    m_view->setMarkers(frame.markers);
    m_view->setAxisTitles(xAxisTitle(frame.xScale), left.join(QStringLiteral(", ")), right.join(QStringLiteral(", ")));

    ChartWindow window;
    const bool logX = m_settings.logX, logY = m_settings.logY;
    if (frame.xWindow.isValid()) {
        window.xmin = frame.xWindow.min * frame.xScale.factor;
        window.xmax = frame.xWindow.max * frame.xScale.factor;
    } else {
        window.xmin = logX ? 1 : 0;
        window.xmax = logX ? 10 : 1;
    }
    if (m_zoomY) {
        window.ymin = m_zoomY->ymin;
        window.ymax = m_zoomY->ymax;
        window.y2min = m_zoomY->y2min;
        window.y2max = m_zoomY->y2max;
    } else {
        // Room at the bottom for the marker lanes, so no curve runs under a marker.
        const double lanes = m_view->markerLaneShare();
        const ValueRange fallback = logY ? ValueRange{1, 10} : ValueRange{0, 1};
        const ValueRange leftRange =
            frame.leftData.isValid() ? paddedRange(frame.leftData.min, frame.leftData.max, logY, lanes) : fallback;
        const ValueRange rightRange =
            frame.rightData.isValid() ? paddedRange(frame.rightData.min, frame.rightData.max, logY, lanes) : fallback;
        window.ymin = leftRange.min;
        window.ymax = leftRange.max;
        window.y2min = rightRange.min;
        window.y2max = rightRange.max;
    }
    m_view->setWindow(window);
    m_toolBar->setZoomed(isZoomed());

    QString message;
    if (m_runs.isEmpty()) {
        message = tr("Choose one or more runs to see their training curves.");
    } else if (frame.points == 0) {
        const bool anyMetric = !availableMetrics().isEmpty();
        const bool anyTokens = std::any_of(m_runs.begin(), m_runs.end(), [](const ChartRun &run) {
            return run.history && run.history->hasAxis(XAxis::TokensSeen);
        });
        if (anyMetric && m_settings.metrics.isEmpty())
            message = tr("Choose a metric to plot from the Metrics menu.");
        else if (!frame.anyRows)
            message = tr("No points yet: the chart fills in as the run reports its first steps.");
        else if (m_settings.xAxis == XAxis::TokensSeen && !anyTokens)
            message = tr("These runs report no tokens seen: choose another x axis.");
        else if (isZoomed())
            message = tr("No points in this part of the chart. Double-click it to see them all.");
        else if (logX || logY)
            message = tr("Nothing to draw on a log scale: every value here is zero or below. Turn off Log x or "
                         "Log y.");
        else
            message = tr("No points yet: the chart fills in as the run reports its first steps.");
    }
    m_empty->setText(message);
    m_empty->setVisible(!message.isEmpty());
    // Zoomed into nothing, the axes still say where the user is.
    m_view->setAxesShown(frame.points > 0 || isZoomed());
}

QString MetricChartPanel::xAxisTitle(const XScale &scale) const
{
    switch (scale.unit) {
    case XUnit::Thousands:
        return tr("Tokens seen (thousands)");
    case XUnit::Millions:
        return tr("Tokens seen (millions)");
    case XUnit::Billions:
        return tr("Tokens seen (billions)");
    case XUnit::Seconds:
        return tr("Wall time (seconds)");
    case XUnit::Minutes:
        return tr("Wall time (minutes)");
    case XUnit::Hours:
        return tr("Wall time (hours)");
    case XUnit::Plain:
        break;
    }
    switch (m_settings.xAxis) {
    case XAxis::Step:
        return tr("Step");
    case XAxis::TokensSeen:
        return tr("Tokens seen");
    case XAxis::Epoch:
        return tr("Epoch");
    case XAxis::WallTime:
        return tr("Wall time (seconds)");
    }
    return {};
}

QString MetricChartPanel::formatX(double x) const
{
    switch (m_settings.xAxis) {
    case XAxis::Step:
        return QString::number(static_cast<qint64>(std::llround(x)));
    case XAxis::TokensSeen:
        return QLocale().toString(static_cast<qint64>(std::llround(x)));
    case XAxis::Epoch:
        return QString::number(x, 'f', 3);
    case XAxis::WallTime:
        return formatDuration(x);
    }
    return formatValue(x);
}

HoverReadout MetricChartPanel::readoutAt(QPointF viewPosition)
{
    HoverReadout readout;
    const QPointF scene = m_view->mapToScene(viewPosition.toPoint());
    if (m_shownCurves.isEmpty() || !m_view->plotRect().contains(scene))
        return readout;
    readout.visible = true;
    readout.cursor = scene;
    const QString xName = m_settings.xAxis == XAxis::Step         ? tr("Step")
                          : m_settings.xAxis == XAxis::TokensSeen ? tr("Tokens seen")
                          : m_settings.xAxis == XAxis::Epoch      ? tr("Epoch")
                                                                  : tr("Wall time");
    readout.header = {tr("Run"), tr("Metric"), xName, tr("Value"), tr("Smoothed")};
    const double x = m_view->xValueAt(viewPosition) / m_xScale.factor;
    const DecimationOptions options{m_settings.logX, m_settings.logY, 1};
    const bool smoothed = m_settings.smoothing > 0;
    for (const FrameCurve &curve : std::as_const(m_shownCurves)) {
        if (readout.rows.size() >= kMaxReadoutRows)
            break;
        if (curve.run >= m_runs.size() || !m_runs[curve.run].history)
            continue;
        const ChartRun &run = m_runs[curve.run];
        const MetricColumns columns = run.history->columns(curve.metric.toStdString(), m_settings.xAxis);
        const std::size_t row = nearestDrawableIndex(columns.x, columns.y, x, options);
        if (row >= columns.x.size())
            continue;
        ReadoutRow line;
        line.color = m_colors.existingColor(run.runId);
        line.run = run.label;
        line.metric = curve.metric;
        line.x = formatX(columns.x[row]);
        line.value = formatValue(columns.y[row]);
        double shownY = columns.y[row];
        if (smoothed) {
            const double value = m_builder.smoothedAt(*run.history, curve.metric, m_settings.smoothing, row);
            line.smoothed = formatValue(value);
            if (std::isfinite(value) && (!m_settings.logY || value > 0))
                shownY = value;
        }
        line.at = m_view->scenePositionOf(QPointF(columns.x[row] * m_xScale.factor, shownY), curve.rightAxis);
        readout.rows.append(line);
    }
    for (const MarkerGlyph &glyph : m_view->markersAt(viewPosition))
        readout.markerNotes << markerNote(glyph);
    return readout;
}

QString MetricChartPanel::markerNote(const MarkerGlyph &glyph) const
{
    if (glyph.run < 0 || glyph.run >= m_runs.size() || !m_runs[glyph.run].history)
        return {};
    const ChartRun &run = m_runs[glyph.run];
    const auto &markers = run.history->markers();
    if (glyph.index < 0 || static_cast<std::size_t>(glyph.index) >= markers.size())
        return {};
    const RunMarker &marker = markers[static_cast<std::size_t>(glyph.index)];
    const QString step = QString::number(static_cast<qint64>(marker.position.step));
    QString note;
    switch (marker.kind) {
    case MarkerKind::Checkpoint:
        note = tr("Checkpoint saved at step %1 · %2").arg(step, run.label);
        break;
    case MarkerKind::Evaluation:
        note = tr("Evaluated at step %1 · %2").arg(step, run.label);
        break;
    case MarkerKind::Pause:
        note = marker.interrupted ? tr("Interrupted after step %1 · %2").arg(step, run.label)
                                  : tr("Paused after step %1 · %2").arg(step, run.label);
        if (!marker.reason.empty())
            note += QStringLiteral(" (%1)").arg(QString::fromStdString(marker.reason));
        break;
    case MarkerKind::Resume:
        note = tr("Resumed after step %1 · %2").arg(step, run.label);
        break;
    }
    return note;
}

void MetricChartPanel::showHover(QPointF viewPosition)
{
    m_hover = viewPosition;
    m_view->setReadout(readoutAt(viewPosition));
}

void MetricChartPanel::hideHover()
{
    m_hover.reset();
    m_view->setReadout({});
}

bool MetricChartPanel::exportPng(const QString &path)
{
    m_exportError.clear();
    if (m_redrawTimer.isActive())
        redrawNow();
    return saveChartPng(*m_view, path, &m_exportError);
}

bool MetricChartPanel::exportSvg(const QString &path)
{
    m_exportError.clear();
    if (m_redrawTimer.isActive())
        redrawNow();
    if (!saveChartSvg(*m_view, path, tr("Training curves"), tr("Exported from LLM OS Workbench"))) {
        m_exportError = tr("the file could not be written");
        return false;
    }
    return true;
}

bool MetricChartPanel::exportCsv(const QString &path)
{
    m_exportError.clear();
    QList<CsvRun> runs;
    for (const ChartRun &run : std::as_const(m_runs))
        runs.append({run.runId, run.history});
    QString error;
    if (!writeChartCsv(path, runs, m_settings.metrics, &error)) {
        m_exportError = error.isEmpty() ? tr("the data could not be written") : error;
        return false;
    }
    return true;
}

void MetricChartPanel::exportCsvInBackground(const QString &path)
{
    QList<CsvRun> snapshots;
    for (const ChartRun &run : std::as_const(m_runs))
        snapshots.append({run.runId, std::make_shared<const RunMetricHistory>(*run.history)});
    onWorker<QString>(
        this,
        [path, snapshots, metrics = m_settings.metrics] {
            QString error;
            if (!writeChartCsv(path, snapshots, metrics, &error) && error.isEmpty())
                error = tr("the data could not be written");
            return error;
        },
        [this, path](const QString &error, const QString &thrown) {
            const QString reason = thrown.isEmpty() ? error : thrown;
            m_exportError = reason;
            if (!reason.isEmpty())
                showExportFailure(path);
            Q_EMIT csvExported(path, reason);
        });
}

void MetricChartPanel::startExport(ChartExportFormat format)
{
    QString title, name, filter;
    switch (format) {
    case ChartExportFormat::Png:
        title = tr("Export the chart as a PNG image");
        name = QStringLiteral("training-curves.png");
        filter = tr("PNG images (*.png)");
        break;
    case ChartExportFormat::Svg:
        title = tr("Export the chart as an SVG image");
        name = QStringLiteral("training-curves.svg");
        filter = tr("SVG images (*.svg)");
        break;
    case ChartExportFormat::Csv:
        title = tr("Export the chart's data as CSV");
        name = QStringLiteral("training-curves.csv");
        filter = tr("CSV files (*.csv)");
        break;
    }
    // Opened, not exec()'d: the chart keeps updating while the dialog is up.
    auto *dialog = new QFileDialog(this, title, QDir(m_exportFolder).filePath(name), filter);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QFileInfo(name).suffix());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, format](const QString &path) { finishExport(format, path); });
    dialog->open();
}

bool MetricChartPanel::finishExport(ChartExportFormat format, const QString &path)
{
    m_exportFolder = QFileInfo(path).absolutePath();
    if (format == ChartExportFormat::Csv) {
        exportCsvInBackground(path);
        return true;
    }
    const bool ok = format == ChartExportFormat::Png ? exportPng(path) : exportSvg(path);
    if (!ok)
        showExportFailure(path);
    return ok;
}

void MetricChartPanel::showExportFailure(const QString &path)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Export failed"),
                                tr("Could not write %1: %2. Choose another folder or free some space, then "
                                   "export again.")
                                    .arg(QDir::toNativeSeparators(path), m_exportError),
                                QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MetricChartPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        scheduleRedraw();
    QWidget::changeEvent(event);
}

} // namespace llmos
