#include "training/classificationmetrics.h"

#include "util/error.h"

namespace llmos {

ClassificationMetrics::ClassificationMetrics(std::int64_t labelCount)
    : m_confusion(static_cast<std::size_t>(labelCount), std::vector<std::int64_t>(static_cast<std::size_t>(labelCount)))
{
}

void ClassificationMetrics::add(std::int64_t actual, std::int64_t predicted)
{
    const auto count = static_cast<std::int64_t>(m_confusion.size());
    if (actual < 0 || actual >= count || predicted < 0 || predicted >= count)
        throw Error(ErrorKind::Internal, "classification metrics", "label index out of range");
    ++m_confusion[actual][predicted];
    ++m_total;
}

double ClassificationMetrics::accuracy() const
{
    if (m_total == 0)
        return 0;
    std::int64_t correct = 0;
    for (std::size_t i = 0; i < m_confusion.size(); ++i)
        correct += m_confusion[i][i];
    return static_cast<double>(correct) / static_cast<double>(m_total);
}

double ClassificationMetrics::macroF1() const
{
    double sum = 0;
    int labels = 0;
    for (std::size_t label = 0; label < m_confusion.size(); ++label) {
        std::int64_t actual = 0;
        std::int64_t predicted = 0;
        for (std::size_t other = 0; other < m_confusion.size(); ++other) {
            actual += m_confusion[label][other];
            predicted += m_confusion[other][label];
        }
        if (actual == 0 && predicted == 0)
            continue;
        const auto truePositives = static_cast<double>(m_confusion[label][label]);
        sum += 2 * truePositives / static_cast<double>(actual + predicted);
        ++labels;
    }
    return labels == 0 ? 0 : sum / labels;
}

} // namespace llmos
