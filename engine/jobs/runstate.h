#pragma once

#include "jobs/jobevent.h"
#include "jobs/jobstate.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>

namespace llmos {

// What state.json holds about one run: who it is, where it stands, and how it ended.
// Times are wall-clock milliseconds since the Unix epoch; 0 = not yet.
struct RunState {
    std::string id;
    std::string name;
    std::string kind; // "train", "sweep-trial", ...: what the body does, for lists and filters
    int priority = 0;
    std::uint64_t memoryEstimateBytes = 0;
    int threads = 1;
    JobState state = JobState::Queued;
    std::int64_t createdMs = 0;
    std::int64_t startedMs = 0;  // the first start; a resume keeps it
    std::int64_t finishedMs = 0; // when it last stopped: ended, paused, or (interrupted) its last event
    std::int64_t updatedMs = 0;
    std::string reason; // why it failed, was cancelled or interrupted
    MetricValues finalMetrics;
};

nlohmann::json toJson(const RunState &state);
// Throws Error(Format) naming the missing or mistyped field; `where` is the file.
RunState runStateFromJson(const nlohmann::json &json, const std::string &where);

} // namespace llmos
