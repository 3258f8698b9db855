#include "serve/servermetrics.h"

#include <algorithm>
#include <cstdio>

namespace llmos::serve {

namespace {

// A label value with backslash, quote and newline escaped, as the format asks.
std::string label(const std::string &value)
{
    std::string escaped;
    for (const char c : value) {
        if (c == '\\' || c == '"')
            escaped += '\\';
        if (c == '\n') {
            escaped += "\\n";
            continue;
        }
        escaped += c;
    }
    return escaped;
}

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

} // namespace

const std::vector<double> &ServerMetrics::bucketBounds()
{
    static const std::vector<double> bounds{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};
    return bounds;
}

void ServerMetrics::Histogram::observe(double value)
{
    const auto &bounds = bucketBounds();
    if (buckets.empty())
        buckets.assign(bounds.size(), 0);
    const auto at = std::lower_bound(bounds.begin(), bounds.end(), value) - bounds.begin();
    if (static_cast<std::size_t>(at) < bounds.size())
        ++buckets[static_cast<std::size_t>(at)];
    ++count;
    sum += value;
}

void ServerMetrics::recordRequest(const std::string &route, const std::string &method, int status, double seconds)
{
    std::lock_guard lock(m_mutex);
    m_requests[{route, method, status}].observe(seconds);
}

void ServerMetrics::recordGeneration(const std::string &model, std::int64_t tokens, double timeToFirstToken)
{
    std::lock_guard lock(m_mutex);
    m_tokens[model] += static_cast<std::uint64_t>(std::max<std::int64_t>(tokens, 0));
    if (tokens > 0)
        m_firstToken[model].observe(timeToFirstToken);
}

void ServerMetrics::addGauge(std::string name, std::string help, std::function<double()> read)
{
    std::lock_guard lock(m_mutex);
    m_gauges.push_back({std::move(name), std::move(help), {}, std::move(read), {}});
}

void ServerMetrics::addLabeledGauge(std::string name, std::string help, std::string label,
                                    std::function<LabeledValues()> read)
{
    std::lock_guard lock(m_mutex);
    m_gauges.push_back({std::move(name), std::move(help), std::move(label), {}, std::move(read)});
}

std::string ServerMetrics::exposition() const
{
    std::lock_guard lock(m_mutex);
    std::string out;
    auto histogram = [&](const std::string &name, const std::string &labels, const Histogram &h) {
        const auto &bounds = bucketBounds();
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < bounds.size(); ++i) {
            cumulative += h.buckets.empty() ? 0 : h.buckets[i];
            out += name + "_bucket{" + labels + ",le=\"" + number(bounds[i]) + "\"} " + std::to_string(cumulative) + "\n";
        }
        out += name + "_bucket{" + labels + ",le=\"+Inf\"} " + std::to_string(h.count) + "\n";
        out += name + "_sum{" + labels + "} " + number(h.sum) + "\n";
        out += name + "_count{" + labels + "} " + std::to_string(h.count) + "\n";
    };

    out += "# HELP llmos_http_requests_total Requests answered, by route, method and status.\n"
           "# TYPE llmos_http_requests_total counter\n";
    for (const auto &[key, h] : m_requests) {
        const auto &[route, method, status] = key;
        out += "llmos_http_requests_total{route=\"" + label(route) + "\",method=\"" + label(method) + "\",status=\"" +
               std::to_string(status) + "\"} " + std::to_string(h.count) + "\n";
    }
    out += "# HELP llmos_http_request_duration_seconds Time from a request's arrival to the end of its answer "
           "(a stream's last event).\n# TYPE llmos_http_request_duration_seconds histogram\n";
    for (const auto &[key, h] : m_requests) {
        const auto &[route, method, status] = key;
        histogram("llmos_http_request_duration_seconds",
                  "route=\"" + label(route) + "\",method=\"" + label(method) + "\",status=\"" + std::to_string(status) +
                      "\"",
                  h);
    }
    out += "# HELP llmos_generated_tokens_total Tokens generated, by model.\n"
           "# TYPE llmos_generated_tokens_total counter\n";
    for (const auto &[model, tokens] : m_tokens)
        out += "llmos_generated_tokens_total{model=\"" + label(model) + "\"} " + std::to_string(tokens) + "\n";
    out += "# HELP llmos_time_to_first_token_seconds Time from the start of a generation to its first token.\n"
           "# TYPE llmos_time_to_first_token_seconds histogram\n";
    for (const auto &[model, h] : m_firstToken)
        histogram("llmos_time_to_first_token_seconds", "model=\"" + label(model) + "\"", h);
    for (const auto &gauge : m_gauges) {
        out += "# HELP " + gauge.name + " " + gauge.help + "\n# TYPE " + gauge.name + " gauge\n";
        if (gauge.label.empty()) {
            out += gauge.name + " " + number(gauge.read()) + "\n";
            continue;
        }
        for (const auto &[value, amount] : gauge.readLabeled())
            out += gauge.name + "{" + gauge.label + "=\"" + label(value) + "\"} " + number(amount) + "\n";
    }
    return out;
}

} // namespace llmos::serve
