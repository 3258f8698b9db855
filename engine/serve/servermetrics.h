#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace llmos::serve {

// What GET /metrics reports, in Prometheus' text format (version 0.0.4): requests and
// their latency by route, method and status; tokens generated and time to the first token
// by model; and gauges read when scraped (requests waiting, connections open). Any thread
// records; one mutex, held for a few map updates.
class ServerMetrics {
public:
    // Upper bounds (seconds) of the latency and time-to-first-token histograms.
    static const std::vector<double> &bucketBounds();

    void recordRequest(const std::string &route, const std::string &method, int status, double seconds);
    void recordGeneration(const std::string &model, std::int64_t tokens, double timeToFirstToken);

    // A value read at each scrape: name, help text, and how to read it.
    void addGauge(std::string name, std::string help, std::function<double()> read);
    // Values by one label, read at each scrape (jobs by state).
    using LabeledValues = std::vector<std::pair<std::string, double>>;
    void addLabeledGauge(std::string name, std::string help, std::string label, std::function<LabeledValues()> read);

    std::string exposition() const;

private:
    struct Histogram {
        std::vector<std::uint64_t> buckets; // per bound, not cumulative
        std::uint64_t count = 0;
        double sum = 0;
        void observe(double value);
    };
    struct Gauge {
        std::string name, help;
        std::string label; // empty: one value, from read; else values by label, from readLabeled
        std::function<double()> read;
        std::function<LabeledValues()> readLabeled;
    };
    using RequestKey = std::tuple<std::string, std::string, int>; // route, method, status

    mutable std::mutex m_mutex;
    std::map<RequestKey, Histogram> m_requests;
    std::map<std::string, std::uint64_t> m_tokens;
    std::map<std::string, Histogram> m_firstToken;
    std::vector<Gauge> m_gauges;
};

} // namespace llmos::serve
