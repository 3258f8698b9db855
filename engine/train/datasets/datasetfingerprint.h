#pragma once

#include <cstdint>
#include <stop_token>
#include <string>

namespace llmos {

// What a dataset was on disk when it was validated: its size and SHA-256 (for a
// folder of .txt files, over the files in name order: name, NUL, size, bytes). A run
// stores it with the import and checks it again before training (BAD_INPUTS 33).
struct DatasetFingerprint {
    std::uint64_t sizeBytes = 0;
    std::string sha256;
    bool operator==(const DatasetFingerprint &) const = default;
};

// Error(Io/NotFound) when the data cannot be read, Error(Cancelled) on stop.
DatasetFingerprint fingerprintDataset(const std::string &path, std::stop_token stop = {});

// Throws Error(InvalidInput) naming what changed (size or content) and what to do
// when the data at path is no longer what `expected` describes.
void checkDatasetUnchanged(const std::string &path, const DatasetFingerprint &expected, std::stop_token stop = {});

} // namespace llmos
