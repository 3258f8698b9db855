#pragma once

#include "charts/metrictable.h"
#include "charts/runmarker.h"

#include "jobs/jobevent.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace llmos {

// One metric of one run along one x axis: views into the history, valid until it next
// changes. x is sorted (NaN only ahead of the first finite value); y is NaN where the row
// lacks the metric.
struct MetricColumns {
    std::span<const double> x;
    std::span<const double> y;
};

// Everything a run's curves need from its job events, at full resolution: a table of
// step metrics, a table of evaluation metrics and the markers (checkpoints, evaluations,
// pauses and resumes). Fed on one thread (the GUI's), one event at a time, in sequence
// order; repeated or older sequence numbers are ignored, so replaying events.jsonl ahead
// of the live stream is harmless. Append is O(1) amortised: no per-event allocation
// beyond the columns' growth.
//
// A run resumed from an earlier checkpoint logs the steps after it again: the rows (and
// the evaluation and checkpoint markers) from that step on are replaced, so every x
// column stays sorted. Wall time counts only running time: the gap between a pause (or
// the last event before an interruption) and the next start is left out.
class RunMetricHistory {
public:
    explicit RunMetricHistory(std::string runId = {});

    // Events of another run are ignored; the first event names the run if the
    // constructor did not.
    void append(const JobEvent &event);

    const std::string &runId() const { return m_runId; }
    const MetricTable &steps() const { return m_steps; }
    const MetricTable &evaluations() const { return m_evaluations; }
    const std::vector<RunMarker> &markers() const { return m_markers; }

    // Step metrics, then evaluation metrics, each in first-seen order.
    std::vector<std::string> metricNames() const;
    // The table holding a metric (the step table when both do), or null.
    const MetricTable *tableOf(std::string_view metric) const;
    bool isEvaluationMetric(std::string_view metric) const;
    // Empty when the run lacks the metric or the axis (tokens seen never reported).
    MetricColumns columns(std::string_view metric, XAxis axis) const;
    bool hasAxis(XAxis axis) const;

    // Bumped by every change, and by every rewind (rows dropped), so derived data can tell
    // whether to extend itself or start over.
    std::uint64_t revision() const { return m_revision; }
    std::uint64_t rewinds() const { return m_rewinds; }

    // Seconds the run has been running, as of its last event.
    double activeSeconds() const { return m_lastWall; }

private:
    void onStateChanged(std::int64_t timeMs, const JobStateChanged &change);
    void onStep(std::int64_t timeMs, const StepMetrics &metrics);
    void onEvaluation(std::int64_t timeMs, const EvalMetrics &metrics);
    void onCheckpoint(std::int64_t timeMs, std::int64_t step);

    void startRunning(std::int64_t timeMs);
    void stopRunning(std::int64_t endMs);
    double wallSecondsAt(std::int64_t timeMs);
    void rewindTo(double step);
    void dropMarkersFrom(double step, MarkerKind kind);
    // Where the last logged step sits, for markers that carry no step of their own.
    RowPosition lastStepPosition(double wallSeconds) const;
    // Where `step` sits, from the last logged step at or before it.
    RowPosition positionOfStep(double step, double wallSeconds) const;

    std::string m_runId;
    std::uint64_t m_lastSequence = 0;
    MetricTable m_steps;
    MetricTable m_evaluations;
    std::vector<RunMarker> m_markers;
    std::uint64_t m_revision = 0;
    std::uint64_t m_rewinds = 0;

    double m_lastTokens; // carried to rows that lack "tokens_seen"
    bool m_hasTokens = false;

    bool m_running = false;
    bool m_hasRun = false;
    std::int64_t m_runningSinceMs = 0;
    std::int64_t m_lastRunningEventMs = 0;
    double m_activeBefore = 0; // seconds of the running spells that ended
    double m_lastWall = 0;
    bool m_resumePending = false; // the last resume marker takes its step from the next step
};

} // namespace llmos
