#include "jobs/runstate.h"

#include "util/error.h"

#include <nlohmann/json.hpp>

namespace llmos {

namespace {

using nlohmann::json;

template <typename T>
T required(const json &j, const char *name, const std::string &where)
{
    const auto it = j.find(name);
    if (it == j.end())
        throw Error(ErrorKind::Format, where + ": " + name, "missing");
    try {
        return it->get<T>();
    } catch (const json::exception &) {
        throw Error(ErrorKind::Format, where + ": " + name, "has the wrong type");
    }
}

} // namespace

json toJson(const RunState &s)
{
    // Final metrics go through the event encoding so that NaN/Inf survive.
    const json metrics = toJson(JobEvent{s.id, 0, 0, StepMetrics{0, 0, s.finalMetrics}}).at("values");
    return {{"id", s.id},
            {"name", s.name},
            {"kind", s.kind},
            {"priority", s.priority},
            {"memory_estimate_bytes", s.memoryEstimateBytes},
            {"threads", s.threads},
            {"state", jobStateName(s.state)},
            {"created_ms", s.createdMs},
            {"started_ms", s.startedMs},
            {"finished_ms", s.finishedMs},
            {"updated_ms", s.updatedMs},
            {"reason", s.reason},
            {"final_metrics", metrics}};
}

RunState runStateFromJson(const json &j, const std::string &where)
{
    if (!j.is_object())
        throw Error(ErrorKind::Format, where, "not a JSON object");
    RunState s;
    s.id = required<std::string>(j, "id", where);
    s.name = required<std::string>(j, "name", where);
    s.kind = required<std::string>(j, "kind", where);
    s.priority = required<int>(j, "priority", where);
    s.memoryEstimateBytes = required<std::uint64_t>(j, "memory_estimate_bytes", where);
    s.threads = required<int>(j, "threads", where);
    const auto stateText = required<std::string>(j, "state", where);
    const auto state = parseJobState(stateText);
    if (!state)
        throw Error(ErrorKind::Format, where + ": state", "'" + stateText + "' is not a job state");
    s.state = *state;
    s.createdMs = required<std::int64_t>(j, "created_ms", where);
    s.startedMs = required<std::int64_t>(j, "started_ms", where);
    s.finishedMs = required<std::int64_t>(j, "finished_ms", where);
    s.updatedMs = required<std::int64_t>(j, "updated_ms", where);
    s.reason = required<std::string>(j, "reason", where);
    if (const auto it = j.find("final_metrics"); it != j.end()) {
        // Reuse the event decoder for the NaN/Inf spelling.
        json carrier{{"seq", 0}, {"time_ms", 0}, {"run", s.id}, {"type", "step"}, {"step", 0}, {"epoch", 0}, {"values", *it}};
        try {
            s.finalMetrics = std::get<StepMetrics>(jobEventFromJson(carrier).payload).values;
        } catch (const Error &e) {
            throw Error(ErrorKind::Format, where + ": final_metrics", e.detail());
        }
    }
    return s;
}

} // namespace llmos
