#pragma once

#include "datasets/datasetfingerprint.h"
#include "datasets/datasetrows.h"
#include "datasets/datasetspec.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace llmos {

// Token lengths in fixed buckets, the same for every dataset so reports compare:
// (0, 32], (32, 64], ... (4096, 8192], then everything longer (upTo 0).
struct TokenLengthBucket {
    std::size_t upTo = 0; // inclusive upper edge; 0 for the open last bucket
    std::uint64_t count = 0;
};

// What validating a dataset found, shown before training and stored with the import.
struct DatasetReport {
    std::string path;
    DatasetFileFormat format = DatasetFileFormat::Auto;
    DatasetKind kind = DatasetKind::Auto;
    DatasetFingerprint fingerprint;

    std::uint64_t rowsRead = 0;    // good and bad rows
    std::uint64_t rowsUsed = 0;    // examples that reach training
    std::uint64_t rowsSkipped = 0; // bad rows (skip policy) plus examples with no label left
    std::uint64_t badRowCount = 0;
    std::vector<BadRow> badRows;   // the first few (DatasetOptions::maxBadRowsListed)
    std::uint64_t duplicates = 0;  // rows identical to an earlier row (kept, but worth a look)

    // Untruncated tokens per example (per document for pre-training text).
    std::vector<TokenLengthBucket> tokenLengths;
    std::uint64_t tokens = 0; // their sum: what an epoch reads, before truncation
    std::uint64_t truncated = 0;
    // Examples whose every label was cut off by max_seq_len (prompt longer than it):
    // left out of training, where they would give a loss of 0/0 (BAD_INPUTS 31).
    std::uint64_t examplesWithoutLabels = 0;
    // Classification: examples per label, in the sorted label order (= class index).
    std::map<std::string, std::uint64_t> labels;

    std::uint64_t trainExamples = 0; // augmented ones included
    std::uint64_t validationExamples = 0;
    // Variants dataset.augmentation added to the training examples (before packing, for
    // pre-training text); not counted in the row counts or the length histogram.
    std::uint64_t augmentedExamples = 0;
    // With dataset.mask_private_data: the items masked, by kind ("email", "phone", "card", "id").
    std::map<std::string, std::uint64_t> maskedPrivateData;

    nlohmann::ordered_json toJson() const;
    // Adds one length to its bucket.
    void countTokenLength(std::size_t length);
};

std::vector<TokenLengthBucket> emptyTokenLengthHistogram();

} // namespace llmos
