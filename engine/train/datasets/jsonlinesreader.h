#pragma once

#include "datasets/datasetrows.h"
#include "datasets/linereader.h"

namespace llmos {

// JSON Lines: one object per line; blank lines are skipped. A line that is too long,
// not UTF-8, not JSON or not an object is a BadRow with its line (and column).
void readJsonLines(LineReader &lines, const RowSink &sink);

} // namespace llmos
