#include "sweep/sweepfolder.h"

#include "sweep/sweepfile.h"

#include "util/atomicfile.h"
#include "util/error.h"
#include "util/randomid.h"

#include <filesystem>

namespace llmos {

std::string newSweepId()
{
    return randomId("s-");
}

bool isSafeSweepId(std::string_view id) noexcept
{
    return isSafeFolderName(id);
}

std::string sweepFolderPath(const std::string &root, const std::string &id)
{
    return (std::filesystem::path(root) / "sweeps" / id).string();
}

std::string createSweepFolder(const std::string &root, const SweepSpec &spec, std::string id)
{
    if (id.empty())
        id = newSweepId();
    if (!isSafeSweepId(id))
        throw Error(ErrorKind::InvalidInput, id, "is not a usable sweep id (letters, digits, '-', '_' and '.' only)");
    const auto folder = sweepFolderPath(root, id);
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(folder).parent_path(), ec);
    if (ec || !std::filesystem::create_directory(folder, ec) || ec)
        throw Error(ErrorKind::Io, folder, ec ? "cannot make the sweep folder: " + ec.message()
                                              : std::string("a sweep with this id exists already"));
    writeFileAtomically(folder + "/sweep.json", spec.document.dump(2) + "\n");
    return folder;
}

SweepSpec loadSweepFolder(const std::string &folder)
{
    return loadSweepFile(folder + "/sweep.json");
}

} // namespace llmos
