#pragma once

#include "model/modelconfig.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>

namespace llmos {

// What a Hugging Face *ForSequenceClassification config says about its head, read the
// same way for every family.
struct ClassifierLabels {
    // The size of id2label, else num_labels, else 2 (transformers' default).
    std::int64_t count = 2;
    std::string problemType; // "single_label_classification", "multi_label_classification", ...

    // transformers' text-classification pipeline: per-label sigmoids for one label or
    // multi-label problems, a softmax otherwise.
    bool sigmoid() const { return count == 1 || problemType == "multi_label_classification"; }
};

// `model` is parseModelConfig's reading of `config` (its labels are id2label). A
// num_labels that is not a whole number from 1 to 1,000,000 -> Error(Format) naming it.
ClassifierLabels readClassifierLabels(const nlohmann::json &config, const ModelConfig &model,
                                      const std::string &configPath);

} // namespace llmos
