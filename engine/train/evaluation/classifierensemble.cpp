#include "evaluation/classifierensemble.h"

#include "util/error.h"

#include <algorithm>

namespace llmos {

ClassifierEnsemble::ClassifierEnsemble(const std::vector<std::string> &modelPaths)
{
    for (const auto &path : modelPaths) {
        m_classifiers.push_back(TextClassifier::open(path));
        const auto &own = m_classifiers.back().labels();
        if (m_labels.empty())
            m_labels = own;
        std::vector<std::size_t> map;
        for (const auto &label : m_labels) {
            const auto at = std::find(own.begin(), own.end(), label);
            if (at == own.end() || own.size() != m_labels.size())
                throw Error(ErrorKind::InvalidInput, path,
                            "knows the labels " + labelList(own) + " but the first model knows " +
                                labelList(m_labels) + "; an ensemble needs models with the same labels");
            map.push_back(static_cast<std::size_t>(at - own.begin()));
        }
        m_order.push_back(std::move(map));
    }
}

std::vector<ClassifierEnsemble::Result> ClassifierEnsemble::classify(const std::vector<std::string> &texts) const
{
    std::vector<Result> out(texts.size());
    for (auto &result : out)
        result.average.assign(m_labels.size(), 0.0);
    for (std::size_t m = 0; m < m_classifiers.size(); ++m) {
        const auto results = m_classifiers[m].classify(texts);
        for (std::size_t i = 0; i < results.size(); ++i) {
            std::vector<double> probabilities;
            for (std::size_t label = 0; label < m_labels.size(); ++label)
                probabilities.push_back(results[i].probabilities[m_order[m][label]]);
            for (std::size_t label = 0; label < m_labels.size(); ++label)
                out[i].average[label] += probabilities[label] / static_cast<double>(m_classifiers.size());
            out[i].members.push_back(std::move(probabilities));
        }
    }
    return out;
}

std::string labelList(const std::vector<std::string> &labels)
{
    std::string list;
    for (const auto &l : labels)
        list += (list.empty() ? "" : ", ") + l;
    return list;
}

std::size_t mostLikely(const std::vector<double> &probabilities)
{
    return static_cast<std::size_t>(std::max_element(probabilities.begin(), probabilities.end()) -
                                    probabilities.begin());
}

} // namespace llmos
