// Metrics as CSV: the union of metric names, empty cells, exact values.

#include "jobs/metricscsv.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

namespace llmos {

TEST(MetricsCsv, UnionOfNamesEmptyCellsAndExactValues)
{
    const std::vector<JobEvent> events{
        {"r-1", 1, 10, JobStateChanged{JobState::Queued, JobState::Running, ""}},
        {"r-1", 2, 11, StepMetrics{1, 0.5, {{"loss", 0.1 + 0.2}, {"lr", 1e-4}}}},
        {"r-1", 3, 12, LogLine{LogLevel::Info, "ignored"}},
        {"r-1", 4, 13, StepMetrics{2, 1, {{"loss", std::nan("")}, {"grad,norm", HUGE_VAL}}}},
        {"r-1", 5, 14, EvalMetrics{2, 1, {{"loss", 2.5}, {"accuracy", 0.75}}}},
    };
    std::ostringstream csv;
    writeMetricsCsv(events, csv);
    EXPECT_EQ(csv.str(), "step,epoch,\"grad,norm\",loss,lr,eval_accuracy,eval_loss\n"
                         "1,0.5,,0.30000000000000004,1e-04,,\n"
                         "2,1,inf,nan,,,\n"
                         "2,1,,,,0.75,2.5\n");
}

TEST(MetricsCsv, NoMetricsIsJustTheHeader)
{
    std::ostringstream csv;
    writeMetricsCsv({}, csv);
    EXPECT_EQ(csv.str(), "step,epoch\n");
}

} // namespace llmos
