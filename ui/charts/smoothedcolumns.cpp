#include "charts/smoothedcolumns.h"

#include "charts/runmetrichistory.h"

#include <algorithm>

namespace llmos {

std::span<const double> SmoothedColumns::smoothed(const RunMetricHistory &history, const std::string &metric,
                                                  double weight)
{
    const MetricTable *table = history.tableOf(metric);
    if (!table)
        return {};
    const std::vector<double> &raw = table->column(metric)->values;
    Entry &entry = m_entries[{&history, metric}];
    // Rows only ever append between rewinds; anything else starts over.
    if (entry.rewinds != history.rewinds() || EmaSmoother(weight).weight() != entry.smoother.weight() ||
        entry.values.size() > raw.size()) {
        entry.rewinds = history.rewinds();
        entry.smoother = EmaSmoother(weight);
        entry.values.clear();
    }
    for (std::size_t i = entry.values.size(); i < raw.size(); ++i)
        entry.values.push_back(entry.smoother.next(raw[i]));
    return entry.values;
}

void SmoothedColumns::retainOnly(const std::vector<const RunMetricHistory *> &histories)
{
    std::erase_if(m_entries, [&](const auto &item) {
        return std::find(histories.begin(), histories.end(), std::get<0>(item.first)) == histories.end();
    });
}

} // namespace llmos
