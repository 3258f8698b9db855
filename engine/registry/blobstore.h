#pragma once

#include "registry/stagedblob.h"

#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

namespace llmos {

// Content-addressed file store: each file's bytes once, at sha256/<first 2 hex>/<64 hex>
// under the store's folder (<home>/blobs). Adding a file is two steps so that the slow
// part needs no lock: stage() copies and hashes into tmp/, commit() renames into place
// under the registry's writer lock. Identical files end up as one blob.
class BlobStore {
public:
    explicit BlobStore(std::string folder);

    const std::string &folder() const noexcept { return m_folder; }
    std::string tempFolder() const;
    // Throws Error(InvalidInput) unless sha256 is 64 lower-case hex digits, so that no
    // name read from a manifest or the database can point outside the store.
    std::string pathOf(std::string_view sha256) const;
    bool contains(std::string_view sha256) const;

    // Streams `source` once into tmp/ while hashing it, then fsyncs the copy. onBytes is
    // told the bytes copied so far after each piece; a stop request throws
    // Error(Cancelled). On any failure the temp file is gone.
    StagedBlob stage(const std::string &source, const std::function<void(std::uint64_t)> &onBytes = {},
                     std::stop_token stop = {}) const;
    // Moves the staged copy to its content address (read-only, folder fsynced), or drops
    // it when that blob exists already. The caller holds the registry's writer lock.
    // Returns the blob's path.
    std::string commit(StagedBlob &blob) const;
    // stage() then commit(); returns the digest.
    std::string put(const std::string &source, const std::function<void(std::uint64_t)> &onBytes = {},
                    std::stop_token stop = {}) const;

    void remove(std::string_view sha256) const;
    // Digests of every blob in the store.
    std::vector<std::string> list() const;
    // Removes temp files left by writers that died (their lock is free); files being
    // written by a live process are kept. Returns how many were removed.
    std::size_t removeAbandonedTemps() const;

private:
    std::string m_folder;
};

} // namespace llmos
