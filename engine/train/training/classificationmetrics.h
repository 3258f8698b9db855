#pragma once

#include <cstdint>
#include <vector>

namespace llmos {

// Counts of (actual, predicted) label pairs, and the scores read from them.
class ClassificationMetrics {
public:
    explicit ClassificationMetrics(std::int64_t labelCount);

    void add(std::int64_t actual, std::int64_t predicted);

    double accuracy() const;
    // The unweighted mean over labels of F1 = 2PR / (P + R); a label with no examples
    // and no predictions is left out (as scikit-learn does with labels= omitted), one
    // that was never predicted correctly counts 0.
    double macroF1() const;
    const std::vector<std::vector<std::int64_t>> &confusion() const noexcept { return m_confusion; }
    std::int64_t total() const noexcept { return m_total; }

private:
    std::vector<std::vector<std::int64_t>> m_confusion; // [actual][predicted]
    std::int64_t m_total = 0;
};

} // namespace llmos
