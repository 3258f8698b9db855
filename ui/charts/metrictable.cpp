#include "charts/metrictable.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace llmos {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
} // namespace

void MetricTable::append(const RowPosition &position, const MetricValues &values)
{
    const std::size_t row = rowCount();
    m_step.push_back(position.step);
    m_epoch.push_back(position.epoch);
    m_tokens.push_back(position.tokensSeen);
    m_wall.push_back(position.wallSeconds);
    for (Column &column : m_columns)
        column.values.push_back(kNaN);
    std::size_t expected = 0;
    for (const auto &[name, value] : values) {
        // A run reports the same names step after step: the next column is usually the one.
        std::size_t index = expected;
        if (index >= m_columns.size() || m_columns[index].name != name) {
            auto it = m_columnIndex.find(name);
            if (it == m_columnIndex.end()) {
                // A metric first seen now: earlier rows lacked it.
                Column column;
                column.name = name;
                column.values.assign(row + 1, kNaN);
                m_columns.push_back(std::move(column));
                it = m_columnIndex.emplace(name, m_columns.size() - 1).first;
            }
            index = it->second;
        }
        expected = index + 1;
        Column &column = m_columns[index];
        column.values.back() = value;
        if (std::isnan(value))
            column.reportedNaNRows.push_back(row);
        else if (std::isfinite(value))
            column.maxAbs = std::max(column.maxAbs, std::abs(value));
    }
}

void MetricTable::truncate(std::size_t rows)
{
    if (rows >= rowCount())
        return;
    for (auto *axis : {&m_step, &m_epoch, &m_tokens, &m_wall})
        axis->resize(rows);
    for (Column &column : m_columns) {
        column.values.resize(rows);
        std::erase_if(column.reportedNaNRows, [rows](std::size_t row) { return row >= rows; });
        column.maxAbs = 0;
        for (double value : column.values)
            if (std::isfinite(value))
                column.maxAbs = std::max(column.maxAbs, std::abs(value));
    }
    // Column names stay: a metric the run reported once stays listed.
}

const std::vector<double> &MetricTable::axis(XAxis axis) const
{
    switch (axis) {
    case XAxis::Step:
        return m_step;
    case XAxis::TokensSeen:
        return m_tokens;
    case XAxis::Epoch:
        return m_epoch;
    case XAxis::WallTime:
        return m_wall;
    }
    return m_step;
}

RowPosition MetricTable::position(std::size_t row) const
{
    return {m_step[row], m_epoch[row], m_tokens[row], m_wall[row]};
}

std::size_t MetricTable::lastRowAtOrBefore(double step) const
{
    const auto it = std::upper_bound(m_step.begin(), m_step.end(), step);
    return it == m_step.begin() ? rowCount() : static_cast<std::size_t>(it - m_step.begin()) - 1;
}

std::size_t MetricTable::firstRowFrom(double step) const
{
    return static_cast<std::size_t>(std::lower_bound(m_step.begin(), m_step.end(), step) - m_step.begin());
}

const MetricTable::Column *MetricTable::column(std::string_view name) const
{
    const auto it = m_columnIndex.find(name);
    return it == m_columnIndex.end() ? nullptr : &m_columns[it->second];
}

bool MetricTable::reported(const Column &column, std::size_t row) const
{
    const double value = column.values[row];
    return !std::isnan(value) || std::binary_search(column.reportedNaNRows.begin(), column.reportedNaNRows.end(), row);
}

} // namespace llmos
