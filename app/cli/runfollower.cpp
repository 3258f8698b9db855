#include "cli/runfollower.h"

#include "cli/commandline.h"
#include "cli/interruptscope.h"
#include "services/localscheduler.h"

#include <QTextStream>

#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>

namespace llmos::cli {

namespace {

using Clock = std::chrono::steady_clock;

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

QString valuesText(const MetricValues &values)
{
    QStringList parts;
    for (const auto &[name, v] : values)
        parts << QStringLiteral("%1 %2").arg(q(name)).arg(v, 0, 'g', 5);
    return parts.join(QStringLiteral("  "));
}

bool stopsFollowing(JobState state)
{
    return state != JobState::Queued && state != JobState::Running;
}

// Prints events as they come (on the event bus's thread) and tells the main thread when
// the run has stopped.
class EventPrinter {
public:
    EventPrinter(bool json, std::string runId) : m_json(json), m_runId(std::move(runId)) {}

    void print(const JobEvent &event)
    {
        if (event.runId != m_runId)
            return;
        if (m_json) {
            std::fputs((toJson(event).dump() + "\n").c_str(), stdout);
            std::fflush(stdout);
        } else {
            printForPeople(event);
        }
        if (const auto *state = std::get_if<JobStateChanged>(&event.payload)) {
            std::lock_guard lock(m_mutex);
            m_last = state->to;
            m_changed.notify_all();
        }
    }

    // Until the run stopped or Ctrl-C was pressed (polled: a signal cannot notify).
    void waitForStopOrInterrupt(JobState current)
    {
        std::unique_lock lock(m_mutex);
        if (!m_last)
            m_last = current;
        while (!stopsFollowing(*m_last) && !InterruptScope::interrupted())
            m_changed.wait_for(lock, std::chrono::milliseconds(100));
    }

private:
    void printForPeople(const JobEvent &event)
    {
        QTextStream out(stdout);
        if (const auto *step = std::get_if<StepMetrics>(&event.payload)) {
            const auto now = Clock::now();
            if (step->step > 1 && now - m_lastStepPrinted < std::chrono::seconds(1))
                return;
            m_lastStepPrinted = now;
            out << CommandContext::tr("step %1  epoch %2  %3").arg(step->step).arg(step->epoch, 0, 'f', 2).arg(valuesText(step->values))
                << '\n';
        } else if (const auto *eval = std::get_if<EvalMetrics>(&event.payload)) {
            out << CommandContext::tr("evaluation at step %1: %2").arg(eval->step).arg(valuesText(eval->values)) << '\n';
        } else if (const auto *line = std::get_if<LogLine>(&event.payload)) {
            if (line->level != LogLevel::Debug)
                out << q(line->text) << '\n';
        } else if (const auto *state = std::get_if<JobStateChanged>(&event.payload)) {
            out << CommandContext::tr("run %1: %2").arg(q(m_runId), QLatin1String(jobStateName(state->to)));
            if (!state->reason.empty())
                out << " (" << q(state->reason) << ')';
            out << '\n';
        }
    }

    bool m_json;
    std::string m_runId;
    Clock::time_point m_lastStepPrinted{};
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::optional<JobState> m_last;
};

} // namespace

JobScheduler foregroundScheduler(int threads, int workers)
{
    return JobScheduler(RunStore::inDataDirectory(), localSchedulerOptions(threads, workers));
}

int followRun(CommandContext &ctx, JobScheduler &scheduler, const std::string &runId)
{
    InterruptScope interrupt;
    EventPrinter printer(ctx.json(), runId);
    auto subscription = scheduler.subscribe([&printer](const JobEvent &event) { printer.print(event); });
    printer.waitForStopOrInterrupt(scheduler.state(runId));
    if (InterruptScope::interrupted() && !stopsFollowing(scheduler.state(runId))) {
        QTextStream(stderr) << CommandContext::tr("llmos: pausing the run: saving a checkpoint...") << '\n';
        scheduler.pause(runId);
    }
    const JobState end = scheduler.wait(runId);
    subscription = {}; // every event printed before the summary
    const RunState state = scheduler.snapshot(runId);
    if (end == JobState::Succeeded)
        return 0;
    QTextStream err(stderr);
    if (end == JobState::Paused)
        err << CommandContext::tr("llmos: run %1 is paused; continue it with: llmos runs resume %1").arg(q(runId)) << '\n';
    else
        err << CommandContext::tr("llmos: run %1 %2: %3").arg(q(runId), QLatin1String(jobStateName(end)), q(state.reason)) << '\n';
    return 1;
}

} // namespace llmos::cli
