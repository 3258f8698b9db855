#pragma once

#include "datasets/datasetrows.h"

#include <cstddef>
#include <stop_token>
#include <string>

namespace llmos {

// Plain text for pre-training: a .txt file, or a folder whose .txt files are read in
// name order (not recursive, so the order and the set are the same on every platform).
//
// Documents: a run of non-blank lines is one document; one or more blank lines end it,
// and so does the end of a file (a document never spans two files). Paragraph-per-
// document keeps one huge file from becoming one huge row, and a folder of one-
// paragraph files reads as one document per file. Lines of a document are joined with
// "\n". Each document becomes {"text": ...} at the line where it starts; a document
// over maxRowBytes or with invalid UTF-8 is a BadRow (with the file name in a folder).
void readTextDocuments(const std::string &path, std::size_t maxRowBytes, std::stop_token stop, const RowSink &sink);

} // namespace llmos
