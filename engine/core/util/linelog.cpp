#include "util/linelog.h"

#include "util/error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace llmos {

LineLog::LineLog(std::string path, std::uint64_t completeBytes, std::string what)
    : m_path(std::move(path)), m_what(std::move(what))
{
    std::error_code ec;
    const bool existed = std::filesystem::exists(m_path, ec);
    m_fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0)
        fail("cannot open " + m_what, errno);
    struct stat st {};
    if (::fstat(m_fd, &st) != 0 || (static_cast<std::uint64_t>(st.st_size) > completeBytes
                                    && ::ftruncate(m_fd, static_cast<off_t>(completeBytes)) != 0)) {
        const int err = errno;
        ::close(m_fd);
        m_fd = -1;
        fail("cannot cut off the torn last line of " + m_what, err);
    }
    m_size = std::min<std::uint64_t>(completeBytes, static_cast<std::uint64_t>(st.st_size));
    if (!existed) {
        // The new file's name must survive a crash too.
        const auto parent = std::filesystem::path(m_path).parent_path().string();
        const int dir = ::open(parent.empty() ? "." : parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dir >= 0) {
            ::fsync(dir);
            ::close(dir);
        }
    }
}

LineLog::~LineLog()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void LineLog::fail(const std::string &what, int err) const
{
    throw Error(ErrorKind::Io, m_path, what + ": " + std::strerror(err));
}

void LineLog::append(const std::string &line)
{
    std::size_t done = 0;
    while (done < line.size()) {
        const ssize_t n = ::pwrite(m_fd, line.data() + done, line.size() - done, static_cast<off_t>(m_size + done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            // Leave no half line for the next append to glue onto.
            [[maybe_unused]] const int cut = ::ftruncate(m_fd, static_cast<off_t>(m_size));
            fail("cannot append to " + m_what + " (is the disk full?)", err);
        }
        done += static_cast<std::size_t>(n);
    }
    m_size += line.size();
}

void LineLog::sync()
{
    if (::fdatasync(m_fd) != 0)
        fail("fsync of " + m_what + " failed", errno);
}

LineLogContents readLineLog(const std::string &path, const std::string &what)
{
    LineLogContents contents;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return contents;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::Io, path, "cannot read " + what);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    contents.text = buffer.str();
    const std::string_view text = contents.text;
    std::size_t start = 0;
    std::uint64_t number = 0;
    while (start < text.size()) {
        ++number;
        const std::size_t newline = text.find('\n', start);
        if (newline == std::string_view::npos) {
            contents.tornLine = number;
            break;
        }
        if (text.substr(start, newline - start).find_first_not_of(" \t\r") != std::string_view::npos)
            contents.lines.push_back({number, start, newline});
        start = newline + 1;
        contents.completeBytes = start;
    }
    return contents;
}

void LineLog::appendDurably(const std::string &line)
{
    const auto before = m_size;
    append(line);
    if (::fdatasync(m_fd) != 0) {
        const int err = errno;
        [[maybe_unused]] const int cut = ::ftruncate(m_fd, static_cast<off_t>(before));
        m_size = before;
        fail("fsync of " + m_what + " failed", err);
    }
}

} // namespace llmos
