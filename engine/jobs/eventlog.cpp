#include "jobs/eventlog.h"

#include "util/error.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace llmos {

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
    : m_log(std::move(path), completeBytes, "the run's event log")
{
}

void EventLogWriter::append(const JobEvent &event)
{
    m_log.append(toJson(event).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n');
}

void EventLogWriter::sync()
{
    m_log.sync();
}

} // namespace llmos
