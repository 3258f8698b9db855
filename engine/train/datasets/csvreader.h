#pragma once

#include "datasets/datasetrows.h"
#include "datasets/linereader.h"

namespace llmos {

// CSV (delimiter ',') or TSV ('\t') with RFC 4180 quoting: a field in double quotes
// may hold the delimiter, newlines and "" for a quote. The first non-blank record is
// the header naming the columns; each later record becomes an object of strings keyed
// by those names. Hand-written: none of our dependencies (nlohmann, fmt, Qt is not in
// the engine) parses CSV, and the format is small.
//
// Bad rows: a field count that differs from the header, a quote inside an unquoted
// field, text after a closing quote, a quote left open at the end of the file, invalid
// UTF-8, a record over the row cap. A bad or duplicate header is Error(Format).
void readDelimited(LineReader &lines, char delimiter, const RowSink &sink);

} // namespace llmos
