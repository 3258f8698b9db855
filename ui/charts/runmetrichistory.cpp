#include "charts/runmetrichistory.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

namespace llmos {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const std::string kTokensSeen = "tokens_seen";
} // namespace

RunMetricHistory::RunMetricHistory(std::string runId)
    : m_runId(std::move(runId))
    , m_lastTokens(kNaN)
{
}

void RunMetricHistory::append(const JobEvent &event)
{
    if (m_runId.empty())
        m_runId = event.runId;
    else if (event.runId != m_runId)
        return;
    if (event.sequence != 0) {
        if (event.sequence <= m_lastSequence)
            return;
        m_lastSequence = event.sequence;
    }
    std::visit(
        [&](const auto &payload) {
            using T = std::decay_t<decltype(payload)>;
            if constexpr (std::is_same_v<T, JobStateChanged>) {
                onStateChanged(event.timeMs, payload);
            } else if constexpr (std::is_same_v<T, StepMetrics>) {
                onStep(event.timeMs, payload);
            } else if constexpr (std::is_same_v<T, EvalMetrics>) {
                onEvaluation(event.timeMs, payload);
            } else if constexpr (std::is_same_v<T, LogLine>) {
                if (const auto step = checkpointStepOf(payload))
                    onCheckpoint(event.timeMs, *step);
            }
        },
        event.payload);
}

void RunMetricHistory::onStateChanged(std::int64_t timeMs, const JobStateChanged &change)
{
    if (change.to == JobState::Running) {
        if (m_running)
            return;
        const bool resumed = m_hasRun;
        startRunning(timeMs);
        if (resumed) {
            m_markers.push_back({MarkerKind::Resume, lastStepPosition(m_lastWall), false, {}});
            m_resumePending = true;
        }
        ++m_revision;
        return;
    }
    if (!m_running)
        return;
    // An interruption is recorded when the next process starts, maybe days later: the run
    // stopped at its last event.
    const bool interrupted = change.to == JobState::Interrupted;
    stopRunning(interrupted ? m_lastRunningEventMs : timeMs);
    if (change.to == JobState::Paused || interrupted)
        m_markers.push_back({MarkerKind::Pause, lastStepPosition(m_lastWall), interrupted, change.reason});
    ++m_revision;
}

void RunMetricHistory::onStep(std::int64_t timeMs, const StepMetrics &metrics)
{
    const double step = static_cast<double>(metrics.step);
    if (m_steps.rowCount() > 0 && step <= m_steps.axis(XAxis::Step).back())
        rewindTo(step);
    const double wall = wallSecondsAt(timeMs);
    if (m_resumePending) {
        // The run restarts after the last step it kept: a rewind may have dropped some.
        const auto resume = std::find_if(m_markers.rbegin(), m_markers.rend(),
                                         [](const RunMarker &marker) { return marker.kind == MarkerKind::Resume; });
        if (resume != m_markers.rend())
            resume->position = lastStepPosition(resume->position.wallSeconds);
        m_resumePending = false;
    }
    const auto tokens = metrics.values.find(kTokensSeen);
    if (tokens != metrics.values.end() && std::isfinite(tokens->second)) {
        m_lastTokens = tokens->second;
        m_hasTokens = true;
    }
    m_steps.append({step, metrics.epoch, m_lastTokens, wall}, metrics.values);
    ++m_revision;
}

void RunMetricHistory::onEvaluation(std::int64_t timeMs, const EvalMetrics &metrics)
{
    const double step = static_cast<double>(metrics.step);
    // A second evaluation of the same step (the final one) replaces the first.
    if (m_evaluations.rowCount() > 0 && step <= m_evaluations.axis(XAxis::Step).back()) {
        m_evaluations.truncate(m_evaluations.firstRowFrom(step));
        dropMarkersFrom(step, MarkerKind::Evaluation);
        ++m_rewinds;
    }
    const double wall = wallSecondsAt(timeMs);
    RowPosition position = positionOfStep(step, wall);
    // Runs sized by steps report no epoch for evaluations (0): the step table knows it.
    if (metrics.epoch > 0)
        position.epoch = metrics.epoch;
    m_evaluations.append(position, metrics.values);
    m_markers.push_back({MarkerKind::Evaluation, position, false, {}});
    ++m_revision;
}

void RunMetricHistory::onCheckpoint(std::int64_t timeMs, std::int64_t step)
{
    // Saved on the way to a pause (after it, in the log): no running time is added.
    const double wall = m_running ? wallSecondsAt(timeMs) : m_lastWall;
    m_markers.push_back({MarkerKind::Checkpoint, positionOfStep(static_cast<double>(step), wall), false, {}});
    ++m_revision;
}

void RunMetricHistory::startRunning(std::int64_t timeMs)
{
    m_running = true;
    m_hasRun = true;
    m_runningSinceMs = timeMs;
    m_lastRunningEventMs = timeMs;
}

void RunMetricHistory::stopRunning(std::int64_t endMs)
{
    m_activeBefore += static_cast<double>(std::max<std::int64_t>(0, endMs - m_runningSinceMs)) / 1000.0;
    m_activeBefore = std::max(m_activeBefore, m_lastWall);
    m_lastWall = m_activeBefore;
    m_running = false;
}

double RunMetricHistory::wallSecondsAt(std::int64_t timeMs)
{
    // Metrics without a start event (a log that begins mid-run): running since the first.
    if (!m_running)
        startRunning(timeMs);
    m_lastRunningEventMs = std::max(m_lastRunningEventMs, timeMs);
    const double running = static_cast<double>(std::max<std::int64_t>(0, timeMs - m_runningSinceMs)) / 1000.0;
    // A clock set back must not make time run backwards on the chart.
    m_lastWall = std::max(m_lastWall, m_activeBefore + running);
    return m_lastWall;
}

void RunMetricHistory::rewindTo(double step)
{
    m_steps.truncate(m_steps.firstRowFrom(step));
    m_evaluations.truncate(m_evaluations.firstRowFrom(step));
    // Evaluations and checkpoints past the resumed step will be made again; the pause and
    // the resume did happen and stay.
    dropMarkersFrom(step, MarkerKind::Evaluation);
    dropMarkersFrom(step, MarkerKind::Checkpoint);
    m_lastTokens = m_steps.rowCount() > 0 ? m_steps.axis(XAxis::TokensSeen).back() : kNaN;
    ++m_rewinds;
}

void RunMetricHistory::dropMarkersFrom(double step, MarkerKind kind)
{
    std::erase_if(m_markers,
                  [&](const RunMarker &marker) { return marker.kind == kind && marker.position.step >= step; });
}

RowPosition RunMetricHistory::lastStepPosition(double wallSeconds) const
{
    RowPosition position;
    if (m_steps.rowCount() > 0)
        position = m_steps.position(m_steps.rowCount() - 1);
    position.wallSeconds = wallSeconds;
    return position;
}

RowPosition RunMetricHistory::positionOfStep(double step, double wallSeconds) const
{
    RowPosition position;
    const std::size_t row = m_steps.lastRowAtOrBefore(step);
    if (row < m_steps.rowCount())
        position = m_steps.position(row);
    position.step = step;
    position.wallSeconds = wallSeconds;
    return position;
}

std::vector<std::string> RunMetricHistory::metricNames() const
{
    std::vector<std::string> names;
    for (const auto &column : m_steps.columns())
        names.push_back(column.name);
    for (const auto &column : m_evaluations.columns())
        if (!m_steps.column(column.name))
            names.push_back(column.name);
    return names;
}

const MetricTable *RunMetricHistory::tableOf(std::string_view metric) const
{
    if (m_steps.column(metric))
        return &m_steps;
    if (m_evaluations.column(metric))
        return &m_evaluations;
    return nullptr;
}

bool RunMetricHistory::isEvaluationMetric(std::string_view metric) const
{
    return tableOf(metric) == &m_evaluations;
}

MetricColumns RunMetricHistory::columns(std::string_view metric, XAxis axis) const
{
    const MetricTable *table = tableOf(metric);
    if (!table || !hasAxis(axis))
        return {};
    return {table->axis(axis), table->column(metric)->values};
}

bool RunMetricHistory::hasAxis(XAxis axis) const
{
    return axis != XAxis::TokensSeen || m_hasTokens;
}

} // namespace llmos
