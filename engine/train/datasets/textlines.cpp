#include "datasets/textlines.h"

#include <fmt/format.h>

namespace llmos {

std::string tooLongReason(const LineReader &lines)
{
    return fmt::format("longer than the limit of {} bytes for one row; it was skipped without being read",
            lines.maxLineBytes());
}

bool nextRowLine(LineReader &lines, LineReader::Line &line, const RowSink &sink)
{
    while (lines.next(line)) {
        if (line.tooLong) sink.onBadRow({{}, line.number, 0, tooLongReason(lines)});
        else if (!isBlank(line.text)) return true;
    }
    return false;
}

} // namespace llmos
