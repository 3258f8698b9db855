#include "datasets/jsonlinesreader.h"

#include "datasets/jsonrow.h"
#include "datasets/textlines.h"

namespace llmos {

void readJsonLines(LineReader &lines, const RowSink &sink)
{
    LineReader::Line line;
    while (nextRowLine(lines, line, sink))
        parseJsonRow(line.text, line.number, 1, sink);
}

} // namespace llmos
