#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>

namespace llmos {

// A dataset the registry knows: a file or folder of training data, recorded with its
// content hash so lineage says exactly what a model was trained on, and a run can tell
// when the data changed on disk since (BAD_INPUTS 33). The files stay where they are.
struct DatasetRecord {
    std::string id;         // "d-..."
    std::string name;
    std::string format;     // what it holds: "text", "alpaca", "classification", ...
    std::string sourcePath; // absolute
    std::string sha256;     // fingerprintDataset's
    std::uint64_t sizeBytes = 0;
    std::int64_t createdAt = 0; // Unix seconds
    std::string metadataJson = "{}"; // the validation report, when imported with one

    bool operator==(const DatasetRecord &) const = default;
};

// {"id", "name", "format", "source_path", "sha256", "size_bytes", "created_at", "metadata"}.
nlohmann::json toJson(const DatasetRecord &dataset);

} // namespace llmos
