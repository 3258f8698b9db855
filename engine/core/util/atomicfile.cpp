#include "util/atomicfile.h"

#include "util/error.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace llmos {

namespace {
[[noreturn]] void throwErrno(const std::string &where, const std::string &what, int err)
{
    throw Error(ErrorKind::Io, where, what + ": " + std::strerror(err));
}

// The process's umask, read without changing it (umask() can only be read by setting it,
// which races with other threads creating files): Linux reports it in /proc/self/status.
mode_t processUmask()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("Umask:", 0) == 0)
            return static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8));
    return 022;
}
} // namespace

AtomicFileWriter::AtomicFileWriter(std::string destination)
    : m_destination(std::move(destination))
{
    const std::filesystem::path dest(m_destination);
    std::string pattern = (dest.parent_path().empty() ? std::filesystem::path(".") : dest.parent_path())
                              .append("." + dest.filename().string() + ".tmp-XXXXXX")
                              .string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    m_fd = ::mkstemp(buf.data());
    if (m_fd < 0)
        throwErrno(m_destination, "cannot create a temporary file next to it", errno);
    m_tempPath = buf.data();
    // mkstemp creates the file 0600; the file replaces (or becomes) an ordinary file of
    // the user's, which gets the permissions any program's new file gets.
    const mode_t mode = 0666 & ~processUmask();
    if (::fchmod(m_fd, mode) != 0)
        throwErrno(m_destination, "cannot set the permissions of a temporary file next to it", errno);
}

AtomicFileWriter::~AtomicFileWriter()
{
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_committed && !m_tempPath.empty())
        ::unlink(m_tempPath.c_str());
}

void AtomicFileWriter::write(std::span<const std::uint8_t> bytes)
{
    write(bytes.data(), bytes.size());
}

void AtomicFileWriter::write(const void *data, std::size_t size)
{
    const auto *p = static_cast<const std::uint8_t *>(data);
    while (size > 0) {
        const ssize_t n = ::write(m_fd, p, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throwErrno(m_destination, "write failed", errno);
        }
        p += n;
        size -= static_cast<std::size_t>(n);
        m_written += static_cast<std::uint64_t>(n);
    }
}

void AtomicFileWriter::commit()
{
    if (::fsync(m_fd) != 0)
        throwErrno(m_destination, "fsync failed; the file was not replaced", errno);
    if (::close(m_fd) != 0) {
        m_fd = -1;
        throwErrno(m_destination, "close failed; the file was not replaced", errno);
    }
    m_fd = -1;
    if (::rename(m_tempPath.c_str(), m_destination.c_str()) != 0)
        throwErrno(m_destination, "rename failed; the file was not replaced", errno);
    m_committed = true;
    // Make the rename itself durable.
    const auto dir = std::filesystem::path(m_destination).parent_path();
    const int dirFd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        const int rc = ::fsync(dirFd);
        const int err = errno;
        ::close(dirFd);
        if (rc != 0)
            throwErrno(dir.string(), "fsync of the folder failed", err);
    }
}

void writeFileAtomically(const std::string &destination, std::string_view text)
{
    AtomicFileWriter writer(destination);
    writer.write(text.data(), text.size());
    writer.commit();
}

} // namespace llmos
