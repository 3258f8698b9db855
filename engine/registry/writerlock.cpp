#include "registry/writerlock.h"

#include "util/error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace llmos {

WriterLock::WriterLock(const std::string &lockFile, std::chrono::milliseconds timeout)
{
    m_fd = ::open(lockFile.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0)
        throw Error(ErrorKind::Io, lockFile, std::string("cannot open the registry's lock file: ") + std::strerror(errno));
    // Polling rather than a blocking flock: a blocked flock cannot time out, and a
    // registry that another process holds for minutes must give a message, not a hang.
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!tryLockFile(m_fd)) {
        if (std::chrono::steady_clock::now() >= deadline) {
            ::close(m_fd);
            m_fd = -1;
            throw Error(ErrorKind::Io, lockFile,
                        "another llmos process is changing the registry; try again when it has finished");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

WriterLock::~WriterLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // closing the descriptor releases the flock
}

bool WriterLock::tryLockFile(int fd) noexcept
{
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EINTR)
            return false;
    }
    return true;
}

} // namespace llmos
