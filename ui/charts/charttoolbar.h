#pragma once

#include "charts/runmarker.h"
#include "charts/xaxis.h"

#include <QStringList>
#include <QToolBar>

class QComboBox;
class QLabel;
class QMenu;
class QSlider;
class QToolButton;

namespace llmos {

enum class ChartExportFormat { Png, Svg, Csv };

// Which markers the chart shows: all can be hidden at once, or one kind at a time.
struct MarkerFilter {
    bool shown = true;
    bool checkpoints = true;
    bool evaluations = true;
    bool stops = true; // pauses, interruptions and resumes
    bool shows(MarkerKind kind) const;
    bool operator==(const MarkerFilter &) const = default;
};

// The chart's controls: metrics (several at once), x axis, smoothing, log scales,
// markers, reset zoom and export. Setters change what the controls show without
// signalling; only the user's own changes signal.
class ChartToolBar : public QToolBar {
    Q_OBJECT
public:
    explicit ChartToolBar(QWidget *parent = nullptr);

    void setAvailableMetrics(const QStringList &names);
    void setSelectedMetrics(const QStringList &names);
    void setXAxis(XAxis axis);
    void setSmoothing(double weight);
    void setLogX(bool on);
    void setLogY(bool on);
    void setMarkerFilter(const MarkerFilter &filter);
    void setZoomed(bool zoomed);
    // Colours of the marker symbols in the menu, which doubles as their key.
    void setMarkerColors(const QColor &fill, const QColor &outline);

Q_SIGNALS:
    void metricToggled(const QString &name, bool on);
    void xAxisChanged(XAxis axis);
    void smoothingChanged(double weight);
    void logXChanged(bool on);
    void logYChanged(bool on);
    void markerFilterChanged(const MarkerFilter &filter);
    void resetZoomRequested();
    void exportRequested(ChartExportFormat format);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void updateMetricsText();
    void updateSmoothingText();
    MarkerFilter markerFilterFromControls() const;

    QToolButton *m_metrics = nullptr;
    QMenu *m_metricsMenu = nullptr;
    QStringList m_available;
    QStringList m_selected;
    QLabel *m_xAxisLabel = nullptr;
    QComboBox *m_xAxis = nullptr;
    QLabel *m_smoothingLabel = nullptr;
    QSlider *m_smoothing = nullptr;
    QLabel *m_smoothingValue = nullptr;
    QToolButton *m_logX = nullptr;
    QToolButton *m_logY = nullptr;
    QToolButton *m_markers = nullptr;
    QAction *m_checkpoints = nullptr;
    QAction *m_evaluations = nullptr;
    QAction *m_stops = nullptr;
    QToolButton *m_resetZoom = nullptr;
    QToolButton *m_export = nullptr;
    QAction *m_exportPng = nullptr;
    QAction *m_exportSvg = nullptr;
    QAction *m_exportCsv = nullptr;
    QColor m_markerFill;
    QColor m_markerOutline;
};

} // namespace llmos
