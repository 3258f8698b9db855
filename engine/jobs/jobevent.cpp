#include "jobs/jobevent.h"

#include "util/error.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <chrono>
#include <cmath>

namespace llmos {

namespace {

using nlohmann::json;

json metricValue(double v)
{
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "Infinity" : "-Infinity";
    return v;
}

double metricFromJson(const json &v, const std::string &name)
{
    if (v.is_number())
        return v.get<double>();
    if (v.is_string()) {
        const auto &s = v.get_ref<const std::string &>();
        if (s == "NaN")
            return std::nan("");
        if (s == "Infinity")
            return HUGE_VAL;
        if (s == "-Infinity")
            return -HUGE_VAL;
    }
    throw Error(ErrorKind::Format, "event", "metric '" + name + "' is not a number");
}

json valuesJson(const MetricValues &values)
{
    json out = json::object();
    for (const auto &[name, v] : values)
        out[name] = metricValue(v);
    return out;
}

const json &field(const json &j, const char *name)
{
    const auto it = j.find(name);
    if (it == j.end())
        throw Error(ErrorKind::Format, "event", std::string("the field '") + name + "' is missing");
    return *it;
}

template <typename T>
T typedField(const json &j, const char *name)
{
    const json &v = field(j, name);
    if constexpr (std::is_same_v<T, std::string>) {
        if (!v.is_string())
            throw Error(ErrorKind::Format, "event", std::string("the field '") + name + "' is not a string");
    } else if constexpr (std::is_integral_v<T>) {
        if (!v.is_number_integer())
            throw Error(ErrorKind::Format, "event", std::string("the field '") + name + "' is not a whole number");
    } else {
        if (!v.is_number())
            throw Error(ErrorKind::Format, "event", std::string("the field '") + name + "' is not a number");
    }
    return v.get<T>();
}

MetricValues valuesFromJson(const json &j)
{
    const json &v = field(j, "values");
    if (!v.is_object())
        throw Error(ErrorKind::Format, "event", "the field 'values' is not an object");
    MetricValues out;
    for (const auto &[name, value] : v.items())
        out[name] = metricFromJson(value, name);
    return out;
}

JobState stateField(const json &j, const char *name)
{
    const auto text = typedField<std::string>(j, name);
    const auto state = parseJobState(text);
    if (!state)
        throw Error(ErrorKind::Format, "event", std::string("'") + name + "' is not a job state: '" + text + "'");
    return *state;
}

bool sameValues(const MetricValues &a, const MetricValues &b)
{
    if (a.size() != b.size())
        return false;
    for (auto i = a.begin(), k = b.begin(); i != a.end(); ++i, ++k) {
        if (i->first != k->first)
            return false;
        const bool bothNan = std::isnan(i->second) && std::isnan(k->second);
        if (!bothNan && i->second != k->second)
            return false;
    }
    return true;
}

struct PayloadToJson {
    json &out;
    void operator()(const JobStateChanged &e) const
    {
        out["type"] = "state";
        out["from"] = jobStateName(e.from);
        out["to"] = jobStateName(e.to);
        out["reason"] = e.reason;
    }
    void operator()(const StepMetrics &e) const
    {
        out["type"] = "step";
        out["step"] = e.step;
        out["epoch"] = metricValue(e.epoch);
        out["values"] = valuesJson(e.values);
    }
    void operator()(const EvalMetrics &e) const
    {
        out["type"] = "eval";
        out["step"] = e.step;
        out["epoch"] = metricValue(e.epoch);
        out["values"] = valuesJson(e.values);
    }
    void operator()(const LogLine &e) const
    {
        out["type"] = "log";
        out["level"] = logLevelName(e.level);
        out["text"] = e.text;
    }
    void operator()(const Progress &e) const
    {
        out["type"] = "progress";
        out["done"] = e.done;
        out["total"] = e.total;
    }
};

LogLevel logLevelFromJson(const json &j)
{
    const auto text = typedField<std::string>(j, "level");
    for (LogLevel level : {LogLevel::Debug, LogLevel::Info, LogLevel::Warning, LogLevel::Error})
        if (text == logLevelName(level))
            return level;
    throw Error(ErrorKind::Format, "event", "'level' is not a log level: '" + text + "'");
}

} // namespace

const char *logLevelName(LogLevel level) noexcept
{
    switch (level) {
    case LogLevel::Debug: return "debug";
    case LogLevel::Info: return "info";
    case LogLevel::Warning: return "warning";
    case LogLevel::Error: return "error";
    }
    return "info";
}

bool operator==(const JobStateChanged &a, const JobStateChanged &b)
{
    return a.from == b.from && a.to == b.to && a.reason == b.reason;
}
bool operator==(const StepMetrics &a, const StepMetrics &b)
{
    return a.step == b.step && a.epoch == b.epoch && sameValues(a.values, b.values);
}
bool operator==(const EvalMetrics &a, const EvalMetrics &b)
{
    return a.step == b.step && a.epoch == b.epoch && sameValues(a.values, b.values);
}
bool operator==(const LogLine &a, const LogLine &b)
{
    return a.level == b.level && a.text == b.text;
}
bool operator==(const Progress &a, const Progress &b)
{
    return a.done == b.done && a.total == b.total;
}
bool operator==(const JobEvent &a, const JobEvent &b)
{
    return a.runId == b.runId && a.sequence == b.sequence && a.timeMs == b.timeMs && a.payload == b.payload;
}

json toJson(const JobEvent &event)
{
    json out{{"seq", event.sequence}, {"time_ms", event.timeMs}, {"run", event.runId}};
    std::visit(PayloadToJson{out}, event.payload);
    return out;
}

JobEvent jobEventFromJson(const json &j)
{
    if (!j.is_object())
        throw Error(ErrorKind::Format, "event", "an event is a JSON object");
    JobEvent e;
    e.sequence = typedField<std::uint64_t>(j, "seq");
    e.timeMs = typedField<std::int64_t>(j, "time_ms");
    e.runId = typedField<std::string>(j, "run");
    const auto type = typedField<std::string>(j, "type");
    if (type == "state") {
        e.payload = JobStateChanged{stateField(j, "from"), stateField(j, "to"), typedField<std::string>(j, "reason")};
    } else if (type == "step" || type == "eval") {
        const auto step = typedField<std::int64_t>(j, "step");
        const double epoch = metricFromJson(field(j, "epoch"), "epoch");
        if (type == "step")
            e.payload = StepMetrics{step, epoch, valuesFromJson(j)};
        else
            e.payload = EvalMetrics{step, epoch, valuesFromJson(j)};
    } else if (type == "log") {
        e.payload = LogLine{logLevelFromJson(j), typedField<std::string>(j, "text")};
    } else if (type == "progress") {
        e.payload = Progress{typedField<std::int64_t>(j, "done"), typedField<std::int64_t>(j, "total")};
    } else {
        throw Error(ErrorKind::Format, "event", "unknown event type '" + type + "'");
    }
    return e;
}

namespace {
constexpr std::string_view kCheckpointPrefix = "checkpoint at step ";
constexpr std::string_view kCheckpointMiddle = " saved: ";
} // namespace

LogLine checkpointSavedLine(std::int64_t step, const std::string &path)
{
    return {LogLevel::Info, std::string(kCheckpointPrefix) + std::to_string(step) + std::string(kCheckpointMiddle) + path};
}

std::optional<std::int64_t> checkpointStepOf(const LogLine &line)
{
    const std::string_view text = line.text;
    if (line.level != LogLevel::Info || !text.starts_with(kCheckpointPrefix))
        return std::nullopt;
    const auto digits = text.substr(kCheckpointPrefix.size());
    std::int64_t step = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), step);
    if (ec != std::errc() || std::string_view(end, digits.data() + digits.size()).substr(0, kCheckpointMiddle.size()) != kCheckpointMiddle)
        return std::nullopt;
    return step;
}

std::int64_t wallClockMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

} // namespace llmos
