#include "util/partialfolder.h"

#include "util/error.h"

#include <fmt/format.h>

#include <unistd.h>

#include <random>

namespace llmos {

namespace fs = std::filesystem;

PartialFolder::PartialFolder(const fs::path &destination)
{
    std::random_device random;
    m_path = destination.parent_path() /
             fmt::format(".{}.partial-{}-{:08x}", destination.filename().string(), ::getpid(), random());
    std::error_code ec;
    fs::create_directories(m_path, ec);
    if (ec)
        throw Error(ErrorKind::Io, m_path.string(), "cannot create the temporary export folder: " + ec.message());
}

PartialFolder::~PartialFolder()
{
    if (!m_path.empty()) {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
}

void PartialFolder::moveTo(const fs::path &destination)
{
    std::error_code ec;
    fs::rename(m_path, destination, ec);
    if (ec)
        throw Error(ErrorKind::Io, destination.string(), "cannot move the finished export into place: " + ec.message());
    m_path.clear();
}

fs::path PartialFolder::newDestination(const std::string &destination)
{
    std::error_code ec;
    fs::path to = fs::absolute(fs::path(destination)).lexically_normal();
    if (to.filename().empty()) // "out/" names the folder "out"
        to = to.parent_path();
    if (fs::exists(to, ec))
        throw Error(ErrorKind::InvalidInput, destination,
                    "already exists; export into a new folder so nothing of yours is overwritten");
    if (!fs::is_directory(to.parent_path(), ec))
        throw Error(ErrorKind::NotFound, to.parent_path().string(), "the folder to export into does not exist");
    return to;
}

} // namespace llmos
