#pragma once

#include <QString>

#include <memory>

namespace llmos {

class RunMetricHistory;

// A run on the chart: its id (which keeps its colour), the name the legend shows, and
// its history, which the owner appends to on the GUI thread and then announces with
// MetricChartPanel::runUpdated().
struct ChartRun {
    QString runId;
    QString label;
    std::shared_ptr<const RunMetricHistory> history;
};

} // namespace llmos
