#include "formats/modelfolderlinks.h"

namespace fs = std::filesystem;

namespace llmos {

std::optional<fs::path> hubCacheRepository(const fs::path &folder)
{
    const fs::path snapshots = folder.parent_path();
    const fs::path repository = snapshots.parent_path();
    if (!folder.filename().empty() && snapshots.filename() == "snapshots"
        && repository.filename().string().starts_with("models--"))
        return repository;
    return std::nullopt;
}

ModelFolderLinks::ModelFolderLinks(const fs::path &folder)
{
    std::error_code ec;
    m_root = fs::weakly_canonical(fs::absolute(folder, ec), ec);
    if (ec)
        m_root = fs::absolute(folder, ec).lexically_normal();
    if (const auto repository = hubCacheRepository(m_root)) {
        // blobs/ may itself be a link (a cache spread over two disks): compare resolved.
        m_cacheBlobs = fs::weakly_canonical(*repository / "blobs", ec);
        if (ec)
            m_cacheBlobs = *repository / "blobs";
    }
}

bool ModelFolderLinks::allows(const fs::path &target) const
{
    if (isPathInside(target, m_root))
        return true;
    // Only regular files: a link to blobs/ itself, or to a folder there, is no model file.
    std::error_code ec;
    return m_cacheBlobs && isPathInside(target, *m_cacheBlobs) && target != *m_cacheBlobs
           && fs::is_regular_file(target, ec);
}

std::string ModelFolderLinks::allowedPlaces() const
{
    return m_cacheBlobs ? "the model folder and its cache repository's blobs/" : "the model folder";
}

bool isPathInside(const fs::path &path, const fs::path &root)
{
    auto p = path.begin();
    for (auto r = root.begin(); r != root.end(); ++r) {
        if (r->empty()) // a trailing separator
            continue;
        if (p == path.end() || *p != *r)
            return false;
        ++p;
    }
    return true;
}

} // namespace llmos
