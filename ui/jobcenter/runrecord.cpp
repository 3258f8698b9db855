#include "jobcenter/runrecord.h"

#include "charts/runmetrichistory.h"

#include <QDateTime>

namespace llmos {

RunRecord::RunRecord()
    : m_history(std::make_shared<RunMetricHistory>())
{
}

void RunRecord::apply(const JobEvent &event)
{
    if (event.sequence <= m_lastSequence)
        return;
    m_lastSequence = event.sequence;
    m_history->append(event);
    if (const auto *line = std::get_if<LogLine>(&event.payload))
        m_log << formatLogLine(event.timeMs, *line);
    else if (const auto *change = std::get_if<JobStateChanged>(&event.payload))
        m_log << formatLogLine(event.timeMs,
                               {LogLevel::Info, std::string("state: ") + jobStateName(change->to)
                                                    + (change->reason.empty() ? "" : " (" + change->reason + ")")});
}

QString RunRecord::formatLogLine(std::int64_t timeMs, const LogLine &line)
{
    return QStringLiteral("%1  %2  %3")
        .arg(QDateTime::fromMSecsSinceEpoch(timeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
             QString::fromLatin1(logLevelName(line.level)).leftJustified(7), QString::fromStdString(line.text));
}

} // namespace llmos
