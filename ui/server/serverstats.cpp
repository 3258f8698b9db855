#include "server/serverstats.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace llmos {

namespace {

std::int64_t unixSecond(ServerStats::Clock::time_point t)
{
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

// Nearest rank: the smallest value with at least `share` of the values at or below it.
double percentile(std::vector<double> values, double share)
{
    if (values.empty())
        return 0;
    const auto rank = static_cast<std::size_t>(std::ceil(share * double(values.size())));
    const auto index = std::clamp<std::size_t>(rank, 1, values.size()) - 1;
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(index), values.end());
    return values[index];
}

} // namespace

ServerAlerts checkAlerts(const LiveFigures &figures, int failedPercent, int firstTokenMs)
{
    ServerAlerts alerts;
    alerts.failures = figures.requests > 0 && figures.failedShare() * 100.0 > failedPercent;
    alerts.slowFirstToken = figures.firstTokenP95 * 1000.0 > firstTokenMs;
    return alerts;
}

ServerStats::ServerStats(std::chrono::seconds window, std::chrono::seconds history)
    : m_window(window)
    , m_historyLength(history)
{
}

void ServerStats::add(const serve::RequestRecord &record)
{
    const double firstToken = record.tokens > 0 ? record.timeToFirstToken : -1.0;
    m_recent.push_back({record.finished, record.seconds, firstToken, record.tokens, record.status});
    const auto second = unixSecond(record.finished);
    // Records arrive about in order; one that is late lands in its own second.
    auto it = m_history.end();
    while (it != m_history.begin() && std::prev(it)->unixSecond > second)
        --it;
    if (it != m_history.begin() && std::prev(it)->unixSecond == second)
        --it;
    else
        it = m_history.insert(it, Second{second, 0, 0, 0});
    ++it->requests;
    it->failed += failedStatus(record.status) ? 1 : 0;
    it->tokens += record.tokens;
}

void ServerStats::clear()
{
    m_recent.clear();
    m_history.clear();
}

void ServerStats::forget(Clock::time_point now) const
{
    std::erase_if(m_recent, [&](const Entry &e) { return e.finished <= now - m_window; });
    const auto oldest = unixSecond(now - m_historyLength);
    while (!m_history.empty() && m_history.front().unixSecond <= oldest)
        m_history.pop_front();
}

LiveFigures ServerStats::figures(Clock::time_point now) const
{
    forget(now);
    LiveFigures f;
    std::vector<double> latencies, firstTokens;
    std::int64_t tokens = 0;
    for (const auto &e : m_recent) {
        if (e.finished > now)
            continue;
        ++f.requests;
        latencies.push_back(e.seconds);
        if (e.firstToken >= 0)
            firstTokens.push_back(e.firstToken);
        tokens += e.tokens;
        if (failedStatus(e.status))
            ++f.failed;
        else if (e.status >= 400)
            ++f.refused;
    }
    const double seconds = double(m_window.count());
    f.requestsPerSecond = f.requests / seconds;
    f.tokensPerSecond = double(tokens) / seconds;
    f.latencyP50 = percentile(latencies, 0.50);
    f.latencyP95 = percentile(latencies, 0.95);
    f.firstTokenP95 = percentile(firstTokens, 0.95);
    return f;
}

std::vector<ServerStats::Second> ServerStats::history(Clock::time_point now) const
{
    forget(now);
    return {m_history.begin(), m_history.end()};
}

} // namespace llmos
