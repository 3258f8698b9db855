#pragma once

#include "registry/modelrecord.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace llmos {

// What rebuild() did.
struct RebuildReport {
    std::string movedAside; // where the old database went ("" when there was none)
    std::size_t modelsRestored = 0;
    std::vector<std::string> skipped; // "manifests/x.json: why"
};

// What opening the registry cleaned up after a process that died while writing.
struct RecoveryReport {
    std::size_t tempFilesRemoved = 0;  // blobs/tmp/*
    std::size_t blobsRemoved = 0;      // blobs no row uses
    std::size_t foldersRemoved = 0;    // models/<x> without a row
    std::size_t manifestsRemoved = 0;  // manifests/<x>.json without a row, temp manifests
    std::size_t manifestsWritten = 0;  // rows whose manifest was missing
    // Why the open first rebuilt the database from the manifests ("" when it did not):
    // a rebuild had been cut short, or the database was gone. What it restored is in
    // `rebuild`.
    std::string rebuiltBecause;
    RebuildReport rebuild;

    bool anything() const noexcept
    {
        return tempFilesRemoved + blobsRemoved + foldersRemoved + manifestsRemoved + manifestsWritten > 0
               || !rebuiltBecause.empty();
    }
};

// What remove() did.
struct RemovalReport {
    ModelRecord removed;
    // Models made from it (direct children), whose lineage now names it without an id.
    std::vector<std::string> orphaned;
    std::uint64_t bytesFreed = 0; // blobs no other model shares
};

// What verifyInPlace() found, file by file (relative paths).
struct FileCheck {
    ModelStatus status = ModelStatus::Ready;
    std::vector<std::string> changed; // different content
    std::vector<std::string> missing; // gone, or no longer a regular file
    std::vector<std::string> touched; // newer time, same content
};

} // namespace llmos
