#pragma once

#include "architectures/textclassifier.h"

#include <cstddef>
#include <string>
#include <vector>

namespace llmos {

// Several classifiers used as one: they must know the same labels (in any order); each
// text's probabilities are the average of the members', in the first member's label
// order. What `llmos ensemble` and evaluateEnsemble run.
class ClassifierEnsemble {
public:
    // Error(InvalidInput) naming both label lists when a member's labels differ; the
    // loaders' errors otherwise.
    explicit ClassifierEnsemble(const std::vector<std::string> &modelPaths);

    const std::vector<std::string> &labels() const noexcept { return m_labels; }
    std::size_t members() const noexcept { return m_classifiers.size(); }

    struct Result {
        std::vector<std::vector<double>> members; // per member, in labels() order
        std::vector<double> average;
    };
    // One result per text, in order.
    std::vector<Result> classify(const std::vector<std::string> &texts) const;

private:
    std::vector<TextClassifier> m_classifiers;
    std::vector<std::vector<std::size_t>> m_order; // m_order[m][i]: member m's index of label i
    std::vector<std::string> m_labels;            // the first member's
};

// Labels joined by ", ", for messages.
std::string labelList(const std::vector<std::string> &labels);

// The index of the largest value (the first on a tie).
std::size_t mostLikely(const std::vector<double> &probabilities);

} // namespace llmos
