#pragma once

#include "charts/chartaxes.h"
#include "charts/chartframe.h"
#include "charts/chartrun.h"
#include "charts/charttoolbar.h"
#include "charts/hoverreadout.h"
#include "charts/runcolors.h"
#include "charts/xaxis.h"

#include <QElapsedTimer>
#include <QList>
#include <QTimer>
#include <QWidget>

#include <optional>

class QLabel;

namespace llmos {

class MetricChartView;
struct CurveStyle;

// The training-curve chart with its toolbar: one or more runs overlaid, each in its own
// colour for the life of the panel; any logged metrics, several at once (train metrics
// solid, evaluation metrics dashed with their points); a choice of x axis; smoothing with
// the raw curve faint behind; log scales; zoom and pan; a hover readout; markers; and
// export to PNG, SVG and CSV.
//
// Live use: append a run's events to its RunMetricHistory, then call runUpdated(). Redraws
// are coalesced to at most one per event-loop turn and one per 50 ms, and each decimates
// only what fits the plot's width, so a million-point run redraws in a few milliseconds.
class MetricChartPanel : public QWidget {
    Q_OBJECT
public:
    explicit MetricChartPanel(QWidget *parent = nullptr);
    ~MetricChartPanel() override;

    // Replaces the overlay and redraws at once. A run keeps its colour while it stays, and
    // gets it back if it returns. The same runs again (say, with new labels) keep the zoom.
    void setRuns(const QList<ChartRun> &runs);
    const QList<ChartRun> &runs() const { return m_runs; }
    // Its history grew (or was rewound): redraw soon.
    void runUpdated(const QString &runId);

    // Every metric of the runs on show: step metrics, then evaluation metrics.
    QStringList availableMetrics() const;
    // Until this is called (or the user picks), the chart shows "loss" and "eval_loss"
    // when the runs have them, else their first metric.
    void setSelectedMetrics(const QStringList &names);
    QStringList selectedMetrics() const { return m_settings.metrics; }
    void setXAxis(XAxis axis);
    XAxis xAxis() const { return m_settings.xAxis; }
    // 0 (raw) to 0.99; values outside are clamped.
    void setSmoothing(double weight);
    double smoothing() const { return m_settings.smoothing; }
    void setLogX(bool on);
    bool logX() const { return m_settings.logX; }
    void setLogY(bool on);
    bool logY() const { return m_settings.logY; }
    void setMarkerFilter(const MarkerFilter &filter);
    MarkerFilter markerFilter() const { return m_settings.markers; }

    void resetZoom();
    bool isZoomed() const { return m_zoomX.has_value(); }
    QColor colorOf(const QString &runId) const { return m_colors.existingColor(runId); }

    // Points currently handed to QtCharts, across all series.
    int drawnPointCount() const;
    // The plain-words message shown instead of curves; empty while curves are drawn.
    QString emptyMessage() const;
    int redrawCount() const { return m_redraws; }
    // Redraws at once, skipping the coalescing (benchmarks, screenshots, exports).
    void redrawNow();

    // Exports without a dialog, for tests and the app's screenshots. False on failure,
    // with the reason in lastExportError().
    bool exportPng(const QString &path);
    bool exportSvg(const QString &path);
    bool exportCsv(const QString &path);
    QString lastExportError() const { return m_exportError; }
    // The export dialog's CSV: writing a million rows takes about a second, so it runs on
    // a worker, over copies of the runs' histories taken now (the live ones keep growing
    // on this thread). csvExported reports the end.
    void exportCsvInBackground(const QString &path);

    // What the hover readout shows with the cursor at a position of the chart view.
    HoverReadout readoutAt(QPointF viewPosition);
    MetricChartView *chartView() const { return m_view; }
    ChartToolBar *toolBar() const { return m_toolBar; }

Q_SIGNALS:
    void selectedMetricsChanged(const QStringList &names);
    // A background CSV export ended; `error` is empty when the file is complete.
    void csvExported(const QString &path, const QString &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    void scheduleRedraw();
    void refreshMetricChoice();
    void applyFrame(const ChartFrame &frame);
    QList<CurveStyle> curveStyles(const ChartFrame &frame) const;
    QString xAxisTitle(const XScale &scale) const;
    QString formatX(double x) const;
    QString markerNote(const MarkerGlyph &glyph) const;
    void toggleMetric(const QString &name, bool on);
    void takeUserWindow();
    void showHover(QPointF viewPosition);
    void hideHover();
    void startExport(ChartExportFormat format);
    // Starts the export chosen in the dialog; false when a PNG or SVG failed (a CSV's
    // failure comes later, from the worker).
    bool finishExport(ChartExportFormat format, const QString &path);
    void showExportFailure(const QString &path);
    void clearZoom();

    ChartToolBar *m_toolBar = nullptr;
    MetricChartView *m_view = nullptr;
    QLabel *m_empty = nullptr;

    QList<ChartRun> m_runs;
    RunColors m_colors;
    ChartSettings m_settings;
    bool m_metricsChosen = false;
    ChartFrameBuilder m_builder;
    QList<FrameCurve> m_shownCurves; // without points: what the readout looks up
    XScale m_xScale;
    QList<CurveStyle> m_styles;
    bool m_builtSmoothed = false;

    // The user's zoom: x in data units, so it survives the unit changing from minutes to
    // hours; y as drawn. A metric change keeps the x zoom and refits y.
    std::optional<ValueRange> m_zoomX;
    std::optional<ChartWindow> m_zoomY;

    QTimer m_redrawTimer;
    QElapsedTimer m_sinceRedraw;
    int m_redraws = 0;
    std::optional<QPointF> m_hover;
    QString m_exportError;
    QString m_exportFolder;
};

} // namespace llmos
