#pragma once

#include "charts/rowposition.h"

#include "jobs/jobevent.h"

#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace llmos {

// Full-resolution metric rows kept as columns: the four x positions, then one value column
// per metric name with NaN where a row lacks that metric. Columns rather than rows so a
// million steps cost a few doubles each and one metric's values are contiguous for the
// decimation that draws them. Rows are appended in step order; truncate() undoes the tail
// when a run resumes from an earlier checkpoint and logs those steps again.
class MetricTable {
public:
    struct Column {
        std::string name;
        std::vector<double> values;
        // Rows where the run reported NaN (a diverged loss), as opposed to not reporting
        // the metric at all: both are NaN in `values`, only these are exported.
        std::vector<std::size_t> reportedNaNRows;
        double maxAbs = 0; // largest finite |value|, to tell metrics of different scales apart
    };

    void append(const RowPosition &position, const MetricValues &values);
    void truncate(std::size_t rows);

    std::size_t rowCount() const { return m_step.size(); }
    const std::vector<double> &axis(XAxis axis) const;
    RowPosition position(std::size_t row) const;
    // The last row whose step is at most `step`, or rowCount() when there is none.
    std::size_t lastRowAtOrBefore(double step) const;
    // The first row whose step is at least `step` (rowCount() when none).
    std::size_t firstRowFrom(double step) const;

    const std::vector<Column> &columns() const { return m_columns; }
    const Column *column(std::string_view name) const;
    // Whether the run reported this column's metric in `row` (NaN included).
    bool reported(const Column &column, std::size_t row) const;

private:
    std::vector<double> m_step;
    std::vector<double> m_epoch;
    std::vector<double> m_tokens;
    std::vector<double> m_wall;
    std::vector<Column> m_columns;                                 // first-seen order
    std::map<std::string, std::size_t, std::less<>> m_columnIndex; // name -> m_columns index
};

} // namespace llmos
