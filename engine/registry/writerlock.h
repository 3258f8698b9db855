#pragma once

#include <chrono>
#include <string>

namespace llmos {

// The registry's one-writer rule across threads and processes: an exclusive flock on
// <home>/registry.lock, held while blobs move into the store, manifests are written and
// rows commit, and while recovery cleans up. The kernel drops the lock when its holder
// dies, so a killed import never leaves the registry locked. Readers take no lock.
class WriterLock {
public:
    // Waits up to `timeout` for the lock, then throws Error(Io) saying another process
    // is writing to the registry.
    WriterLock(const std::string &lockFile, std::chrono::milliseconds timeout);
    ~WriterLock();
    WriterLock(const WriterLock &) = delete;
    WriterLock &operator=(const WriterLock &) = delete;

    // Takes an exclusive flock on fd if it is free at once; false when another holds it.
    static bool tryLockFile(int fd) noexcept;

private:
    int m_fd = -1;
};

} // namespace llmos
