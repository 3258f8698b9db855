#pragma once

#include "jobs/jobevent.h"
#include "util/linelog.h"

#include <cstdint>
#include <string>
#include <vector>

namespace llmos {

// A run's events.jsonl read back. A damaged line never makes the run unreadable: it is
// skipped and described in `warnings` (with its line number), so the charts still open.
struct EventLog {
    std::vector<JobEvent> events;
    std::vector<std::string> warnings;
    // Bytes up to the end of the last complete line: a torn last line (the process was
    // killed mid-write) starts here, and the writer cuts it off before appending.
    std::uint64_t completeBytes = 0;
    std::uint64_t lastSequence = 0;
    std::int64_t lastTimeMs = 0;
};

// Reads `path`; a missing file is an empty log. Throws Error(Io) only when the file
// exists and cannot be read.
EventLog readEventLog(const std::string &path);

// Appends events to events.jsonl, one JSON object per line. Each append is one write(2),
// so a line reaches the kernel whole before the next event is produced (it survives a
// crash of the process); sync() makes it durable against power loss and is called at
// state changes and checkpoints, not per step.
class EventLogWriter {
public:
    // Opens (creating) `path` for appending after cutting it to `completeBytes`, which
    // drops a torn last line left by a kill.
    EventLogWriter(std::string path, std::uint64_t completeBytes);

    // Throws Error(Io) (e.g. the disk is full); a partly written line is cut off again.
    void append(const JobEvent &event);
    void sync();

private:
    LineLog m_log;
};

} // namespace llmos
