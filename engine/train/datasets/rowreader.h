#pragma once

#include "datasets/datasetrows.h"
#include "datasets/datasetspec.h"

#include <stop_token>
#include <string>

namespace llmos {

// The format a path has: spec.format unless Auto, else from the extension (.jsonl and
// .ndjson JSON Lines, .json a JSON array, .csv, .tsv, .txt or a folder: text).
// Error(Unsupported) for anything else, naming the formats we read.
DatasetFileFormat resolveFileFormat(const DatasetSpec &spec);

// Streams every row of the dataset file to sink with the matching reader.
void readDatasetRows(const DatasetSpec &spec, const RowSink &sink, std::stop_token stop = {});

} // namespace llmos
