#include "sweep/sweepfolder.h"

#include "sweep/sweepfile.h"

#include "util/atomicfile.h"
#include "util/error.h"

#include <filesystem>
#include <random>

namespace llmos {

std::string newSweepId()
{
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    std::random_device device;
    std::uint64_t bits = (static_cast<std::uint64_t>(device()) << 32) ^ device();
    std::string id = "s-";
    for (int i = 0; i < 12; ++i) {
        id += kAlphabet[bits & 31u];
        bits >>= 5;
    }
    return id;
}

bool isSafeSweepId(std::string_view id) noexcept
{
    if (id.empty() || id.size() > 64 || id.front() == '.')
        return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                        || c == '_' || c == '.';
        if (!ok)
            return false;
    }
    return true;
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
