#include "datasets/rowreader.h"

#include "datasets/csvreader.h"
#include "datasets/jsonarrayreader.h"
#include "datasets/jsonlinesreader.h"
#include "datasets/linereader.h"
#include "datasets/textreader.h"
#include "util/error.h"

#include <algorithm>
#include <filesystem>

namespace llmos {

DatasetFileFormat resolveFileFormat(const DatasetSpec &spec)
{
    if (spec.format != DatasetFileFormat::Auto) return spec.format;
    std::error_code ec;
    if (std::filesystem::is_directory(spec.path, ec)) return DatasetFileFormat::Text;
    std::string extension = std::filesystem::path(spec.path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
            [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".jsonl" || extension == ".ndjson") return DatasetFileFormat::JsonLines;
    if (extension == ".json") return DatasetFileFormat::JsonArray;
    if (extension == ".csv") return DatasetFileFormat::Csv;
    if (extension == ".tsv") return DatasetFileFormat::Tsv;
    if (extension == ".txt") return DatasetFileFormat::Text;
    throw Error(ErrorKind::Unsupported, spec.path,
            "cannot tell the format from the extension \"" + extension +
                    "\"; use .jsonl, .json, .csv, .tsv, .txt or a folder of .txt files, or name the format");
}

void readDatasetRows(const DatasetSpec &spec, const RowSink &sink, std::stop_token stop)
{
    const DatasetFileFormat format = resolveFileFormat(spec);
    if (format == DatasetFileFormat::Text) {
        readTextDocuments(spec.path, spec.maxRowBytes, stop, sink);
        return;
    }
    LineReader lines(spec.path, spec.maxRowBytes, stop, sink.onProgress);
    switch (format) {
    case DatasetFileFormat::JsonLines: readJsonLines(lines, sink); break;
    case DatasetFileFormat::JsonArray: readJsonArray(lines, sink); break;
    case DatasetFileFormat::Csv: readDelimited(lines, ',', sink); break;
    case DatasetFileFormat::Tsv: readDelimited(lines, '\t', sink); break;
    case DatasetFileFormat::Auto:
    case DatasetFileFormat::Text: break;
    }
}

} // namespace llmos
