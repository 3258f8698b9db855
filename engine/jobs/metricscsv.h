#pragma once

#include "jobs/jobevent.h"

#include <ostream>
#include <vector>

namespace llmos {

// A run's metrics as CSV, one row per StepMetrics or EvalMetrics event, in event order:
//   step,epoch,<training metrics...>,eval_<evaluation metrics...>
// The metric columns are the union over the events, sorted by name; a row leaves a cell
// empty where its event has no value. Evaluation metrics get the "eval_" prefix so that a
// training "loss" and an evaluation "loss" stay apart. Numbers are written in the shortest
// form that reads back as the same double (NaN and infinities as nan, inf, -inf): exactly
// the values subscribers saw live.
void writeMetricsCsv(const std::vector<JobEvent> &events, std::ostream &out);

} // namespace llmos
