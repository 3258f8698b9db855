#pragma once

#include "jobs/jobevent.h"

#include <QStringList>

#include <cstdint>
#include <memory>

namespace llmos {

class RunMetricHistory;

// What the window shows of one run besides its row in the job list: the full-resolution
// curves and the log. Built from the run's events, in sequence order, whether they arrive
// live or are read back from events.jsonl; an event already applied (a sequence number at
// or below the last one) is ignored, so a log read from disk and the live stream can
// overlap without drawing a step twice.
class RunRecord {
public:
    RunRecord();

    void apply(const JobEvent &event);

    const std::shared_ptr<RunMetricHistory> &history() const { return m_history; }
    const QStringList &logLines() const { return m_log; }
    std::uint64_t lastSequence() const { return m_lastSequence; }

    // One log line as the log view shows it: local time, level, text.
    static QString formatLogLine(std::int64_t timeMs, const LogLine &line);

private:
    std::shared_ptr<RunMetricHistory> m_history;
    QStringList m_log;
    std::uint64_t m_lastSequence = 0;
};

} // namespace llmos
