#include "datasets/datasetspec.h"

namespace llmos {

const char *datasetKindName(DatasetKind kind) noexcept
{
    switch (kind) {
    case DatasetKind::Auto: return "auto";
    case DatasetKind::PretrainText: return "text";
    case DatasetKind::Alpaca: return "alpaca";
    case DatasetKind::OpenAiChat: return "openai";
    case DatasetKind::ShareGpt: return "sharegpt";
    case DatasetKind::Classification: return "classification";
    }
    return "unknown";
}

const char *datasetFileFormatName(DatasetFileFormat format) noexcept
{
    switch (format) {
    case DatasetFileFormat::Auto: return "auto";
    case DatasetFileFormat::Text: return "text";
    case DatasetFileFormat::JsonLines: return "jsonl";
    case DatasetFileFormat::JsonArray: return "json";
    case DatasetFileFormat::Csv: return "csv";
    case DatasetFileFormat::Tsv: return "tsv";
    }
    return "unknown";
}

} // namespace llmos
