#pragma once

#include "datasets/datasetrows.h"
#include "datasets/linereader.h"

namespace llmos {

// A JSON array of objects, streamed: a small scanner follows strings and nesting to
// find where each element ends and hands the element alone to the strict parser, so
// memory is one element, never the file. A bad element (invalid JSON inside balanced
// brackets, not an object, over the row cap) is a BadRow with its line and column; a
// broken array structure (no '[', text after ']', unbalanced brackets at the end) is
// Error(Format) for the file, since no later element can be trusted.
//
// Limit: a line longer than the row cap cannot be scanned, so an array written on one
// line over the cap is refused with a message to convert it to JSON Lines.
void readJsonArray(LineReader &lines, const RowSink &sink);

} // namespace llmos
