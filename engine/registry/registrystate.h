#pragma once

#include "registry/blobstore.h"
#include "registry/lineagegraph.h"
#include "registry/modelcatalog.h"
#include "registry/modelmanifest.h"
#include "registry/registrylayout.h"
#include "registry/sqlitedatabase.h"
#include "registry/writerlock.h"

#include <string>
#include <string_view>

namespace llmos {

// What one open registry works with: its folders, its own database connection, the blob
// store and the SQL helpers over that connection. ModelRegistry and ModelImporter share
// it; it belongs to the thread that opened it, like the connection.
class RegistryState {
public:
    // Opens the database; the caller holds the writer lock (migrations write).
    explicit RegistryState(RegistryLayout layout);
    // The same on another database file than the layout's: a rebuild fills a new one.
    RegistryState(RegistryLayout layout, const std::string &databaseFile);

    // How long a writer waits for another process's write (an import's commit, a removal).
    static constexpr std::chrono::milliseconds kLockTimeout{30'000};
    WriterLock lockForWriting() const;

    // The id of a model with this id or name; Error(NotFound) naming it otherwise.
    std::string requireId(std::string_view idOrName) const;
    ModelRecord requireModel(std::string_view idOrName) const;
    ModelManifest manifestOf(std::string_view id) const;
    void writeManifest(std::string_view id) const;

    RegistryLayout layout;
    mutable SqliteDatabase db;
    BlobStore blobs;
    mutable ModelCatalog catalog;
    mutable LineageGraph lineage;
};

} // namespace llmos
