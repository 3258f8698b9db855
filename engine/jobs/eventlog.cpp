#include "jobs/eventlog.h"

#include "util/error.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace llmos {

namespace {
[[noreturn]] void throwErrno(const std::string &where, const std::string &what, int err)
{
    throw Error(ErrorKind::Io, where, what + ": " + std::strerror(err));
}
} // namespace

EventLog readEventLog(const std::string &path)
{
    EventLog log;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return log; // a run that has not emitted anything yet
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::Io, path, "cannot read the run's events");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();

    std::size_t start = 0;
    std::uint64_t lineNumber = 0;
    while (start < text.size()) {
        ++lineNumber;
        const std::size_t end = text.find('\n', start);
        if (end == std::string::npos) {
            log.warnings.push_back("events.jsonl: line " + std::to_string(lineNumber)
                                   + " is incomplete (the process was stopped while writing it); it was ignored");
            break;
        }
        const std::string_view line(text.data() + start, end - start);
        log.completeBytes = end + 1;
        start = end + 1;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos)
            continue;
        try {
            JobEvent event = jobEventFromJson(nlohmann::json::parse(line));
            log.lastSequence = std::max(log.lastSequence, event.sequence);
            log.lastTimeMs = std::max(log.lastTimeMs, event.timeMs);
            log.events.push_back(std::move(event));
        } catch (const std::exception &e) {
            log.warnings.push_back("events.jsonl: line " + std::to_string(lineNumber) + " is not a valid event (" + e.what()
                                   + "); it was skipped");
        }
    }
    return log;
}

EventLogWriter::EventLogWriter(std::string path, std::uint64_t completeBytes)
    : m_path(std::move(path))
{
    m_fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0)
        throwErrno(m_path, "cannot open the run's event log", errno);
    struct stat st {};
    if (::fstat(m_fd, &st) != 0 || (static_cast<std::uint64_t>(st.st_size) > completeBytes
                                    && ::ftruncate(m_fd, static_cast<off_t>(completeBytes)) != 0)) {
        const int err = errno;
        ::close(m_fd);
        throwErrno(m_path, "cannot cut off the torn last line of the event log", err);
    }
    m_size = std::min<std::uint64_t>(completeBytes, static_cast<std::uint64_t>(st.st_size));
}

EventLogWriter::~EventLogWriter()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void EventLogWriter::append(const JobEvent &event)
{
    const std::string line = toJson(event).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
    std::size_t done = 0;
    while (done < line.size()) {
        const ssize_t n = ::pwrite(m_fd, line.data() + done, line.size() - done, static_cast<off_t>(m_size + done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            // Best effort: leave no half line behind for the next append to glue onto.
            [[maybe_unused]] const int cut = ::ftruncate(m_fd, static_cast<off_t>(m_size));
            throwErrno(m_path, "cannot append an event (is the disk full?)", err);
        }
        done += static_cast<std::size_t>(n);
    }
    m_size += line.size();
}

void EventLogWriter::sync()
{
    if (::fdatasync(m_fd) != 0)
        throwErrno(m_path, "fsync of the event log failed", errno);
}

} // namespace llmos
