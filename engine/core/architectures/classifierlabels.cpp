#include "architectures/classifierlabels.h"

#include "util/error.h"

#include <nlohmann/json.hpp>

namespace llmos {

ClassifierLabels readClassifierLabels(const nlohmann::json &config, const ModelConfig &model,
                                      const std::string &configPath)
{
    ClassifierLabels labels;
    if (const auto it = config.find("problem_type"); it != config.end() && it->is_string())
        labels.problemType = it->get<std::string>();
    if (!model.labels.empty()) {
        labels.count = static_cast<std::int64_t>(model.labels.size());
    } else if (const auto it = config.find("num_labels"); it != config.end()) {
        if (!it->is_number_integer() || it->get<std::int64_t>() <= 0 || it->get<std::int64_t>() > 1'000'000)
            throw Error(ErrorKind::Format, configPath + ": num_labels", "must be a whole number from 1 to 1000000");
        labels.count = it->get<std::int64_t>();
    }
    return labels;
}

} // namespace llmos
