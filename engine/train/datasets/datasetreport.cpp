#include "datasets/datasetreport.h"

namespace llmos {

std::vector<TokenLengthBucket> emptyTokenLengthHistogram()
{
    std::vector<TokenLengthBucket> buckets;
    for (std::size_t edge = 32; edge <= 8192; edge *= 2) buckets.push_back({edge, 0});
    buckets.push_back({0, 0});
    return buckets;
}

void DatasetReport::countTokenLength(std::size_t length)
{
    if (tokenLengths.empty()) tokenLengths = emptyTokenLengthHistogram();
    tokens += length;
    for (auto &bucket : tokenLengths) {
        if (bucket.upTo == 0 || length <= bucket.upTo) {
            ++bucket.count;
            return;
        }
    }
}

nlohmann::ordered_json DatasetReport::toJson() const
{
    nlohmann::ordered_json bad = nlohmann::ordered_json::array();
    for (const auto &row : badRows) {
        nlohmann::ordered_json item;
        if (!row.file.empty()) item["file"] = row.file;
        item["line"] = row.line;
        if (row.column > 0) item["column"] = row.column;
        item["reason"] = row.reason;
        bad.push_back(std::move(item));
    }
    nlohmann::ordered_json lengths = nlohmann::ordered_json::array();
    for (const auto &bucket : tokenLengths.empty() ? emptyTokenLengthHistogram() : tokenLengths) {
        nlohmann::ordered_json item;
        if (bucket.upTo) item["up_to"] = bucket.upTo;
        else item["over"] = 8192;
        item["count"] = bucket.count;
        lengths.push_back(std::move(item));
    }
    nlohmann::ordered_json labelCounts = nlohmann::ordered_json::object();
    for (const auto &[label, count] : labels) labelCounts[label] = count;
    return {{"path", path},
            {"format", datasetFileFormatName(format)},
            {"kind", datasetKindName(kind)},
            {"size_bytes", fingerprint.sizeBytes},
            {"sha256", fingerprint.sha256},
            {"rows_read", rowsRead},
            {"rows_used", rowsUsed},
            {"rows_skipped", rowsSkipped},
            {"bad_row_count", badRowCount},
            {"bad_rows", std::move(bad)},
            {"duplicates", duplicates},
            {"token_lengths", std::move(lengths)},
            {"tokens", tokens},
            {"truncated", truncated},
            {"examples_without_labels", examplesWithoutLabels},
            {"labels", std::move(labelCounts)},
            {"train_examples", trainExamples},
            {"validation_examples", validationExamples},
            {"augmented_examples", augmentedExamples},
            {"masked_private_data", maskedPrivateData}};
}

} // namespace llmos
