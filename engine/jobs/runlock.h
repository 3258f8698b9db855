#pragma once

#include <optional>
#include <string>

namespace llmos {

// Says "a live process owns this run": an exclusive flock() on runs/<id>/run.lock, held
// while a job is queued or running. The kernel drops it when the process dies (a crash,
// SIGKILL), so start-up recovery can tell a run left "running" by a dead process from one
// running right now in another process (the window and the CLI at the same time).
class RunLock {
public:
    // The lock, or nothing when another open file (in this or another process) holds it.
    // Throws Error(Io) when the lock file cannot be opened.
    static std::optional<RunLock> tryAcquire(const std::string &runDirectory);

    RunLock(RunLock &&other) noexcept;
    RunLock &operator=(RunLock &&other) noexcept;
    RunLock(const RunLock &) = delete;
    RunLock &operator=(const RunLock &) = delete;
    ~RunLock();

private:
    explicit RunLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

} // namespace llmos
