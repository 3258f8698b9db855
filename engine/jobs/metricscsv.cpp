#include "jobs/metricscsv.h"

#include <charconv>
#include <set>
#include <string>

namespace llmos {

namespace {

constexpr std::string_view kEvalPrefix = "eval_";

std::string number(double v)
{
    char text[64];
    const auto [end, ec] = std::to_chars(text, text + sizeof text, v);
    return ec == std::errc() ? std::string(text, end) : std::string();
}

// RFC 4180: quote a field holding a comma, a quote or a line break.
std::string csvField(const std::string &text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

struct MetricRow {
    std::int64_t step;
    double epoch;
    const MetricValues *values;
    bool eval;
};

} // namespace

void writeMetricsCsv(const std::vector<JobEvent> &events, std::ostream &out)
{
    std::vector<MetricRow> rows;
    std::set<std::string> trainNames, evalNames;
    for (const JobEvent &e : events) {
        if (const auto *s = std::get_if<StepMetrics>(&e.payload)) {
            rows.push_back({s->step, s->epoch, &s->values, false});
            for (const auto &[name, v] : s->values)
                trainNames.insert(name);
        } else if (const auto *m = std::get_if<EvalMetrics>(&e.payload)) {
            rows.push_back({m->step, m->epoch, &m->values, true});
            for (const auto &[name, v] : m->values)
                evalNames.insert(name);
        }
    }

    out << "step,epoch";
    for (const auto &name : trainNames)
        out << ',' << csvField(name);
    for (const auto &name : evalNames)
        out << ',' << csvField(std::string(kEvalPrefix) + name);
    out << '\n';

    auto cells = [&out](const std::set<std::string> &names, const MetricValues *values) {
        for (const auto &name : names) {
            out << ',';
            if (values)
                if (const auto it = values->find(name); it != values->end())
                    out << number(it->second);
        }
    };
    for (const MetricRow &row : rows) {
        out << row.step << ',' << number(row.epoch);
        cells(trainNames, row.eval ? nullptr : row.values);
        cells(evalNames, row.eval ? row.values : nullptr);
        out << '\n';
    }
}

} // namespace llmos
