#include "registry/sourcefile.h"

#include "util/error.h"

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace llmos {

namespace {

std::int64_t mtimeOf(const struct stat &st)
{
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

} // namespace

SourceFile::SourceFile(std::string path)
    : m_path(std::move(path))
{
    // O_NONBLOCK so that opening a FIFO returns at once; fstat then refuses it.
    m_fd = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (m_fd < 0)
        throw Error(errno == ENOENT ? ErrorKind::NotFound : ErrorKind::Io, m_path,
                    std::string("cannot open the file: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(m_fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(m_fd);
        m_fd = -1;
        throw Error(ErrorKind::InvalidInput, m_path, "is not a regular file (a device, FIFO or socket); refusing to read it");
    }
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) & ~O_NONBLOCK);
    ::posix_fadvise(m_fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    m_size = static_cast<std::uint64_t>(st.st_size);
    m_mtimeNs = mtimeOf(st);
}

SourceFile::~SourceFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

std::size_t SourceFile::read(std::span<std::uint8_t> buffer)
{
    // Never past the size seen at open: a file that keeps growing (a log, a download)
    // would otherwise never end; checkUnchanged() then reports it.
    if (buffer.size() > m_size - std::min(m_read, m_size))
        buffer = buffer.first(m_size - std::min(m_read, m_size));
    std::size_t filled = 0;
    while (filled < buffer.size()) {
        const ssize_t n = ::read(m_fd, buffer.data() + filled, buffer.size() - filled);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw Error(ErrorKind::Io, m_path + ": byte " + std::to_string(m_read + filled),
                        std::string("read failed: ") + std::strerror(errno));
        }
        if (n == 0)
            break;
        filled += static_cast<std::size_t>(n);
    }
    m_read += filled;
    return filled;
}

void SourceFile::checkUnchanged() const
{
    struct stat st {};
    if (::fstat(m_fd, &st) != 0 || static_cast<std::uint64_t>(st.st_size) != m_size || mtimeOf(st) != m_mtimeNs
        || m_read != m_size)
        throw Error(ErrorKind::Io, m_path,
                    "changed while it was being read (it is still being written or downloaded?); "
                    "nothing was registered, try again when it is complete");
}

bool statRegularFile(const std::string &path, FileStamp &stamp)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    stamp.size = static_cast<std::uint64_t>(st.st_size);
    stamp.mtimeNs = mtimeOf(st);
    return true;
}

} // namespace llmos
