#pragma once

#include "datasets/datasetrows.h"

#include <cstdint>
#include <string_view>

namespace llmos {

// Parses one row's JSON text (a JSONL line or a JSON array element) with core's strict
// parser and hands an object to sink.onRow; anything else becomes a BadRow whose line
// and column point into the file: (line, column) is where text starts there.
void parseJsonRow(std::string_view text, std::uint64_t line, std::uint64_t column, const RowSink &sink);

} // namespace llmos
