#include "registry/registrystate.h"

#include "registry/registrydatabase.h"
#include "util/error.h"

namespace llmos {

RegistryState::RegistryState(RegistryLayout layoutIn)
    : RegistryState(layoutIn, layoutIn.databaseFile())
{
}

RegistryState::RegistryState(RegistryLayout layoutIn, const std::string &databaseFile)
    : layout(std::move(layoutIn))
    , db(openRegistryDatabase(databaseFile))
    , blobs(layout.blobsFolder())
    , catalog(db)
    , lineage(db)
{
}

WriterLock RegistryState::lockForWriting() const
{
    return WriterLock(layout.lockFile(), kLockTimeout);
}

std::string RegistryState::requireId(std::string_view idOrName) const
{
    if (auto id = catalog.findId(idOrName))
        return *id;
    throw Error(ErrorKind::NotFound, "model \"" + std::string(idOrName) + "\"",
                "is not in the registry (neither an id nor a name); `llmos models list` shows what is");
}

ModelRecord RegistryState::requireModel(std::string_view idOrName) const
{
    const std::string id = requireId(idOrName);
    if (auto model = catalog.load(id))
        return std::move(*model);
    throw Error(ErrorKind::NotFound, "model \"" + std::string(idOrName) + "\"", "was removed meanwhile");
}

ModelManifest RegistryState::manifestOf(std::string_view id) const
{
    ModelManifest manifest;
    manifest.model = requireModel(id);
    manifest.parents = lineage.parents(id);
    return manifest;
}

void RegistryState::writeManifest(std::string_view id) const
{
    writeModelManifest(layout.manifestFile(id), manifestOf(id));
}

} // namespace llmos
