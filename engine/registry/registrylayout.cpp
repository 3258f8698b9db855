#include "registry/registrylayout.h"

#include "util/error.h"

#include <filesystem>

namespace llmos {

RegistryLayout::RegistryLayout(std::string home)
    : m_home(std::move(home))
{
}

std::string RegistryLayout::databaseFile() const
{
    return m_home + "/registry.sqlite";
}

std::string RegistryLayout::lockFile() const
{
    return m_home + "/registry.lock";
}

std::string RegistryLayout::rebuildMarkerFile() const
{
    return m_home + "/registry.rebuilding";
}

std::string RegistryLayout::rebuiltDatabaseFile() const
{
    return m_home + "/registry.sqlite.rebuilt";
}

std::string RegistryLayout::blobsFolder() const
{
    return m_home + "/blobs";
}

std::string RegistryLayout::modelsFolder() const
{
    return m_home + "/models";
}

std::string RegistryLayout::modelFolder(std::string_view id) const
{
    return modelsFolder() + "/" + std::string(id);
}

std::string RegistryLayout::manifestsFolder() const
{
    return m_home + "/manifests";
}

std::string RegistryLayout::manifestFile(std::string_view id) const
{
    return manifestsFolder() + "/" + std::string(id) + ".json";
}

void RegistryLayout::createFolders() const
{
    for (const auto &folder : {m_home, blobsFolder(), modelsFolder(), manifestsFolder()}) {
        std::error_code ec;
        std::filesystem::create_directories(folder, ec);
        if (ec)
            throw Error(ErrorKind::Io, folder, "cannot create the registry folder: " + ec.message());
    }
}

} // namespace llmos
