#include "jobs/eventlog.h"

#include "util/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>


namespace llmos {

EventLog readEventLog(const std::string &path)
{
    EventLog log;
    const auto contents = readLineLog(path, "the run's events"); // missing: nothing emitted yet
    log.completeBytes = contents.completeBytes;
    for (const auto &line : contents.lines) {
        try {
            JobEvent event = jobEventFromJson(nlohmann::json::parse(contents.line(line)));
            log.lastSequence = std::max(log.lastSequence, event.sequence);
            log.lastTimeMs = std::max(log.lastTimeMs, event.timeMs);
            log.events.push_back(std::move(event));
        } catch (const std::exception &e) {
            log.warnings.push_back("events.jsonl: line " + std::to_string(line.number) + " is not a valid event (" + e.what()
                                   + "); it was skipped");
        }
    }
    if (contents.tornLine)
        log.warnings.push_back("events.jsonl: line " + std::to_string(*contents.tornLine)
                               + " is incomplete (the process was stopped while writing it); it was ignored");
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
