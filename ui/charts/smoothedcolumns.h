#pragma once

#include "charts/emasmoothing.h"

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <tuple>
#include <vector>

namespace llmos {

class RunMetricHistory;

// The smoothed copies of the metric columns on the chart, kept between redraws: a live
// run only smooths its new rows, and a million-row column is smoothed once per weight
// rather than once per frame. Keyed by history, so the owner forgets a history with
// retainOnly() before it can be freed.
class SmoothedColumns {
public:
    // Smoothed `metric` of `history`, in the history's row order (NaN where raw is NaN).
    std::span<const double> smoothed(const RunMetricHistory &history, const std::string &metric, double weight);
    void retainOnly(const std::vector<const RunMetricHistory *> &histories);
    void clear() { m_entries.clear(); }

private:
    struct Entry {
        std::uint64_t rewinds = 0;
        EmaSmoother smoother{0};
        std::vector<double> values;
    };
    std::map<std::tuple<const RunMetricHistory *, std::string>, Entry> m_entries;
};

} // namespace llmos
