#pragma once

#include <QString>

namespace llmos {

class MetricChartView;

// Pictures of the chart as it is drawn, markers included and the hover readout left out.
// Both lay the chart out first, so a chart exported straight after a change (before the
// event loop ran) is complete.
bool saveChartPng(MetricChartView &view, const QString &path, QString *error);
// QSvgGenerator says nothing on failure: false means the file is missing or empty.
bool saveChartSvg(MetricChartView &view, const QString &path, const QString &title, const QString &description);

} // namespace llmos
