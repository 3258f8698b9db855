#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace llmos {

class RunMetricHistory;

struct CsvRun {
    QString runId;
    std::shared_ptr<const RunMetricHistory> history;
};

// The header of the chart's CSV export, long format: one row per logged value.
inline constexpr char kChartCsvHeader[] = "run,metric,step,epoch,tokens_seen,wall_s,value";

// Writes every value the runs logged for `metrics`, at full resolution (a NaN the run
// reported is written as nan; a step that lacked the metric is no row). tokens_seen is
// empty until a run reports it. Written to a temporary file and renamed, so a failed
// export leaves no half file. On failure returns false and puts the system's reason (maybe empty) in `error`.
bool writeChartCsv(const QString &path, const QList<CsvRun> &runs, const QStringList &metrics, QString *error);

} // namespace llmos
