#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace llmos {

// The repository folder (<cache>/models--<org>--<name>) when `folder`, already resolved,
// is a Hugging Face hub cache snapshot, <repository>/snapshots/<commit>; nothing for any
// other folder. The hub client keeps every file once in <repository>/blobs/<hash> and
// makes the files of a snapshot links to them (../../blobs/<hash>).
std::optional<std::filesystem::path> hubCacheRepository(const std::filesystem::path &folder);

// Where the files of a model folder may really be once links are followed: inside the
// folder, or, when the folder is a hub cache snapshot, a regular file in its
// repository's blobs/. Every other link out of the folder is refused, so a model file
// cannot smuggle in /etc/passwd or another model's weights. The importer and the shard
// loader both ask here, so a snapshot the registry imports is one the engine runs.
class ModelFolderLinks {
public:
    // Resolves `folder` as far as it exists (a folder that does not exist gets no links).
    explicit ModelFolderLinks(const std::filesystem::path &folder);

    const std::filesystem::path &root() const noexcept { return m_root; }
    bool isHubCacheSnapshot() const noexcept { return m_cacheBlobs.has_value(); }

    // True when a link whose target resolves to `target` (absolute, resolved) may be
    // followed.
    bool allows(const std::filesystem::path &target) const;
    // "the model folder", or for a snapshot "the model folder and its cache
    // repository's blobs/": what a refusal says links must stay in.
    std::string allowedPlaces() const;

private:
    std::filesystem::path m_root;
    std::optional<std::filesystem::path> m_cacheBlobs;
};

// True when `path` is `root` itself or below it, comparing whole components of the two
// (lexically normal) paths, so that /a/bc is not inside /a/b.
bool isPathInside(const std::filesystem::path &path, const std::filesystem::path &root);

} // namespace llmos
