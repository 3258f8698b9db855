#pragma once

#include "datasets/datasetreport.h"
#include "datasets/datasetspec.h"
#include "datasets/tokenizedexample.h"
#include "util/error.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <vector>

namespace llmos {

class ChatTemplate;
class Tokenizer;

struct DatasetOptions {
    std::size_t maxSeqLen = 1024;
    std::size_t maxBadRowsListed = 100;
    // Needed for instruction and chat data (the model's own, see findChatTemplate).
    const ChatTemplate *chatTemplate = nullptr;
    std::stop_token stop;
    // Bytes read so far and the file's size.
    std::function<void(std::uint64_t done, std::uint64_t total)> onProgress;
};

struct LoadedDataset {
    DatasetReport report;
    // Classification: class index -> label, sorted (so the same labels always get the
    // same indices).
    std::vector<std::string> labelNames;
    std::vector<TokenizedExample> train;
    std::vector<TokenizedExample> validation;
};

// The dataset cannot be used: bad rows under BadRowPolicy::Abort (kind Format), or no
// usable example at all (kind InvalidInput). report() has the counts and the bad rows
// for the caller to show.
class DatasetRejected : public Error {
public:
    DatasetRejected(ErrorKind kind, std::string where, std::string detail, DatasetReport report)
        : Error(kind, std::move(where), std::move(detail)), m_report(std::move(report)) {}
    const DatasetReport &report() const { return m_report; }

private:
    DatasetReport m_report;
};

// Reads, checks, tokenizes and splits a dataset. Throws DatasetRejected as above,
// Error(Cancelled) on stop, Error(InvalidInput) for chat data without a chat template,
// and reader errors (NotFound, Io, Format for a broken file structure).
LoadedDataset loadDataset(const DatasetSpec &spec, const Tokenizer &tokenizer, const DatasetOptions &options);

// loadDataset without keeping the examples: the report shown before training.
DatasetReport validateDataset(const DatasetSpec &spec, const Tokenizer &tokenizer, const DatasetOptions &options);

} // namespace llmos
