#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace llmos {

// How the rows of a dataset file are laid out on disk.
enum class DatasetFileFormat {
    Auto,      // from the extension: .jsonl/.ndjson, .json, .csv, .tsv, .txt or a folder
    Text,      // a .txt file or a folder of .txt files (see textreader.h for documents)
    JsonLines, // one JSON object per line
    JsonArray, // one JSON array of objects
    Csv,
    Tsv,
};

// What the rows mean (LLaMA-Factory conventions, shared/FORMATS.md).
enum class DatasetKind {
    Auto,           // detected from the first good row's fields
    PretrainText,   // {"text"} or plain text: causal LM, packed
    Alpaca,         // {"instruction","input","output"[,"system","history"]}
    OpenAiChat,     // {"messages":[{"role","content"}]}
    ShareGpt,       // {"conversations":[{"from","value"}]}
    Classification, // text + label columns
};

// What to do with a bad row: abort with the list (the default, so no data is lost
// silently) or skip it and count it.
enum class BadRowPolicy { Abort, Skip };

// Column / field names for the kinds whose fields vary between datasets.
struct DatasetFields {
    std::string text = "text";
    std::string label = "label";
};

// Simple text augmentation against overfitting on small data (EDA, Wei & Zou 2019): each
// training example gets `copies` variants with words replaced by listed synonyms, swapped
// and deleted. Words are whitespace-separated tokens. A recipe's "dataset.augmentation".
struct AugmentationSettings {
    std::int64_t copies = 1;     // variants added per training example
    double deletion = 0.1;       // probability that each word is dropped
    std::int64_t swaps = 1;      // swaps of two random words per variant
    std::string synonyms;        // a synonym file (synonymtable.h); empty: no replacement
    double synonymRate = 0.1;    // probability that a word with a synonym is replaced
    std::uint64_t seed = 42;
    bool operator==(const AugmentationSettings &) const = default;
};

// Everything that says which data a training run reads; a recipe's "dataset" section
// maps onto this one to one.
struct DatasetSpec {
    std::string path;
    DatasetFileFormat format = DatasetFileFormat::Auto;
    DatasetKind kind = DatasetKind::Auto;
    DatasetFields fields;
    BadRowPolicy policy = BadRowPolicy::Abort;
    std::uint64_t seed = 42;
    double validationFraction = 0.1;
    // A file of validation examples (same format and kind): when set, every example of
    // `path` trains and validationFraction is not used.
    std::string validationPath;
    // A longer line (or CSV record, or JSON array element) is a bad row; it is never
    // read into memory whole.
    std::size_t maxRowBytes = 16u << 20;
    // Training examples only, never the validation split; text and classification kinds.
    std::optional<AugmentationSettings> augmentation;
    // Replace e-mail addresses, phone, card and ID numbers in every text (and chat turn) with
    // [EMAIL], [PHONE], [CARD], [ID] as the rows are read, so the model never sees them
    // (text/privatedatamasker.h). The file itself is not changed.
    bool maskPrivateData = false;
};

const char *datasetKindName(DatasetKind kind) noexcept;
const char *datasetFileFormatName(DatasetFileFormat format) noexcept;

} // namespace llmos
