#pragma once

#include "datasets/datasetrows.h"
#include "datasets/linereader.h"

#include <string>
#include <string_view>

namespace llmos {

// Small pieces every line-based reader shares.

// Only spaces and tabs (and nothing): a blank line, skipped everywhere.
inline bool isBlank(std::string_view text)
{
    return text.find_first_not_of(" \t") == std::string_view::npos;
}

// The reason of a BadRow for a line over the cap.
std::string tooLongReason(const LineReader &lines);

// The next line that may hold a row, false at the end: blank lines are skipped and
// lines over the cap reported to sink as BadRows on the way.
bool nextRowLine(LineReader &lines, LineReader::Line &line, const RowSink &sink);

} // namespace llmos
