#pragma once

#include <string>
#include <string_view>

namespace llmos {

// Where the registry keeps what, under one home folder ($LLMOS_HOME):
//   registry.sqlite        the database (WAL: also -wal and -shm beside it)
//   registry.lock          flock'ed by the one process that writes at a time
//   registry.rebuilding    while a rebuild runs: the manifests, not the database, are
//                          the truth (registry.sqlite.rebuilt is the new database)
//   blobs/sha256/ab/ab...  file contents by SHA-256; blobs/tmp/ while being written
//   models/<id>/           per stored model, links to its blobs under their own names
//   manifests/<id>.json    each model's row, files, tags and lineage, to rebuild from
class RegistryLayout {
public:
    explicit RegistryLayout(std::string home);

    const std::string &home() const noexcept { return m_home; }
    std::string databaseFile() const;
    std::string lockFile() const;
    std::string rebuildMarkerFile() const;
    std::string rebuiltDatabaseFile() const;
    std::string blobsFolder() const;
    std::string modelsFolder() const;
    std::string modelFolder(std::string_view id) const;
    std::string manifestsFolder() const;
    std::string manifestFile(std::string_view id) const;

    // Creates the folders that do not exist yet.
    void createFolders() const;

private:
    std::string m_home;
};

} // namespace llmos
