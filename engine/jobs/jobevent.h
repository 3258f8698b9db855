#pragma once

#include "jobs/jobstate.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>

namespace llmos {

// Metric name -> value, as a job reports it (loss, lr, accuracy, ...). Ordered so that
// JSON, CSV and the charts list them the same way every time.
using MetricValues = std::map<std::string, double>;

struct JobStateChanged {
    JobState from = JobState::Queued;
    JobState to = JobState::Queued;
    std::string reason; // why, for failed, cancelled, interrupted and waits; else empty
};

struct StepMetrics {
    std::int64_t step = 0;
    double epoch = 0; // fractional: 1.5 is half-way through the second epoch
    MetricValues values;
};

struct EvalMetrics {
    std::int64_t step = 0;
    double epoch = 0;
    MetricValues values;
};

enum class LogLevel { Debug, Info, Warning, Error };
const char *logLevelName(LogLevel level) noexcept;

struct LogLine {
    LogLevel level = LogLevel::Info;
    std::string text;
};

// The log line a run writes after it saved a checkpoint, and its reader: charts mark the
// steps a run can resume from without a payload type of their own.
LogLine checkpointSavedLine(std::int64_t step, const std::string &path);
std::optional<std::int64_t> checkpointStepOf(const LogLine &line);

struct Progress {
    std::int64_t done = 0;
    std::int64_t total = 0; // 0 when unknown
};

using JobEventPayload = std::variant<JobStateChanged, StepMetrics, EvalMetrics, LogLine, Progress>;

// One event of a run: what subscribers receive and what events.jsonl holds, line for line.
// `sequence` counts from 1 within a run and keeps counting across resumes, so a run's
// events are totally ordered; `timeMs` is wall-clock milliseconds since the Unix epoch.
struct JobEvent {
    std::string runId;
    std::uint64_t sequence = 0;
    std::int64_t timeMs = 0;
    JobEventPayload payload;
};

bool operator==(const JobStateChanged &a, const JobStateChanged &b);
bool operator==(const StepMetrics &a, const StepMetrics &b);
bool operator==(const EvalMetrics &a, const EvalMetrics &b);
bool operator==(const LogLine &a, const LogLine &b);
bool operator==(const Progress &a, const Progress &b);
// Equal when every field is; NaN metric values compare equal to NaN here, so a persisted
// "non-finite loss" event equals the live one.
bool operator==(const JobEvent &a, const JobEvent &b);

// One line of events.jsonl: {"seq":..,"time_ms":..,"run":..,"type":"state|step|eval|log|progress",...}.
// Non-finite metric values are written as the strings "NaN", "Infinity", "-Infinity" (JSON has
// no number for them) and read back as the same doubles.
nlohmann::json toJson(const JobEvent &event);
// Throws Error(Format) naming the field that is missing or of the wrong type.
JobEvent jobEventFromJson(const nlohmann::json &json);

std::int64_t wallClockMs();

} // namespace llmos
