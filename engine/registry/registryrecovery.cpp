#include "registry/registryrecovery.h"

#include "registry/blobstore.h"
#include "registry/modelcatalog.h"
#include "registry/registrylayout.h"
#include "util/error.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace llmos {

namespace {

// Removes every entry of `folder` whose name `keep` rejects; returns how many.
template<typename Keep>
std::size_t removeUnlisted(const std::string &folder, Keep keep)
{
    std::size_t removed = 0;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(folder, ec)) {
        if (keep(entry.path().filename().string()))
            continue;
        std::error_code rm;
        if (fs::remove_all(entry.path(), rm) > 0 && !rm)
            ++removed;
    }
    if (ec)
        throw Error(ErrorKind::Io, folder, "cannot list the folder during recovery: " + ec.message());
    return removed;
}

} // namespace

RecoveryReport recoverRegistry(const RegistryLayout &layout, ModelCatalog &catalog, const BlobStore &blobs,
                               const std::function<void(const std::string &id)> &writeManifest)
{
    RecoveryReport report;
    report.tempFilesRemoved = blobs.removeAbandonedTemps();

    const auto used = catalog.usedBlobs();
    for (const auto &digest : blobs.list()) {
        if (!used.contains(digest)) {
            blobs.remove(digest);
            ++report.blobsRemoved;
        }
    }

    const auto ids = catalog.ids();
    report.foldersRemoved = removeUnlisted(layout.modelsFolder(), [&](const std::string &name) { return ids.contains(name); });
    // Manifests that rebuild() could not read stay for a person to look at.
    report.manifestsRemoved = removeUnlisted(layout.manifestsFolder(), [&](const std::string &name) {
        return name.ends_with(".json.damaged")
               || (name.ends_with(".json") && ids.contains(name.substr(0, name.size() - 5)));
    });
    for (const auto &id : ids) {
        if (!fs::exists(layout.manifestFile(id))) {
            writeManifest(id);
            ++report.manifestsWritten;
        }
    }
    return report;
}

} // namespace llmos
