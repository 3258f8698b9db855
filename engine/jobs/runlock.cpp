#include "jobs/runlock.h"

#include "util/error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace llmos {

std::optional<RunLock> RunLock::tryAcquire(const std::string &runDirectory)
{
    const std::string path = runDirectory + "/run.lock";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        throw Error(ErrorKind::Io, path, std::string("cannot open the run's lock file: ") + std::strerror(errno));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        ::close(fd);
        if (err == EWOULDBLOCK)
            return std::nullopt;
        throw Error(ErrorKind::Io, path, std::string("cannot lock the run: ") + std::strerror(err));
    }
    return RunLock(fd);
}

RunLock::RunLock(RunLock &&other) noexcept
    : m_fd(other.m_fd)
{
    other.m_fd = -1;
}

RunLock &RunLock::operator=(RunLock &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = other.m_fd;
        other.m_fd = -1;
    }
    return *this;
}

RunLock::~RunLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // closing the last descriptor releases the flock
}

} // namespace llmos
