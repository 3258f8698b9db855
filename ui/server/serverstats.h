#pragma once

#include "serve/requestrecord.h"

#include <chrono>
#include <cstdint>
#include <deque>
#include <vector>

namespace llmos {

// What the Server page shows of the last minute.
struct LiveFigures {
    int requests = 0;
    double requestsPerSecond = 0;
    double tokensPerSecond = 0;   // generated, all models together
    double latencyP50 = 0;        // seconds, every request (a stream: to its end)
    double latencyP95 = 0;
    double firstTokenP95 = 0;     // seconds, the requests that generated; 0 when none did
    int failed = 0;               // the server could not answer: 5xx, or 429 (busy)
    int refused = 0;              // the client's mistake: other 4xx
    double failedShare() const { return requests ? double(failed) / requests : 0.0; }
};

// Which alert thresholds the last minute crossed (ServerSettings' alert fields).
struct ServerAlerts {
    bool failures = false;
    bool slowFirstToken = false;
    bool any() const { return failures || slowFirstToken; }
};
ServerAlerts checkAlerts(const LiveFigures &figures, int failedPercent, int firstTokenMs);

// The request records of a running server, turned into live figures over a sliding
// window and a per-second history for the page's chart. Percentiles are nearest-rank
// over the window's requests. Plain C++ on the GUI thread; records arrive in batches.
class ServerStats {
public:
    using Clock = std::chrono::system_clock;

    explicit ServerStats(std::chrono::seconds window = std::chrono::seconds(60),
                         std::chrono::seconds history = std::chrono::seconds(600));

    void add(const serve::RequestRecord &record);
    void clear();

    LiveFigures figures(Clock::time_point now) const;

    struct Second {
        std::int64_t unixSecond = 0;
        int requests = 0;
        int failed = 0;
        std::int64_t tokens = 0;
    };
    // One entry per second of the history that had requests, oldest first.
    std::vector<Second> history(Clock::time_point now) const;

    static bool failedStatus(int status) { return status >= 500 || status == 429; }

private:
    struct Entry {
        Clock::time_point finished;
        double seconds;
        double firstToken; // < 0: not a generation
        std::int64_t tokens;
        int status;
    };
    void forget(Clock::time_point now) const;

    std::chrono::seconds m_window;
    std::chrono::seconds m_historyLength;
    mutable std::deque<Entry> m_recent;     // within the window
    mutable std::deque<Second> m_history;   // within the history
};

} // namespace llmos
