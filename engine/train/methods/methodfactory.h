#pragma once

#include "finetuningmethod.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <memory>

namespace llmos {

// From the recipe's "method" object, e.g. {"kind":"lora","rank":8,"alpha":16,"dropout":0.05,
// "target_modules":["q_proj","v_proj"]}. Unknown kinds/options, wrong types or values out of
// range are Error(InvalidInput) naming the field (e.g. "method.rank: must be 1..4096").
std::unique_ptr<FineTuningMethod> makeFineTuningMethod(const nlohmann::json &spec);

// Elements of every parameter with requires_grad set.
std::int64_t countTrainableParameters(const torch::nn::Module &model);

} // namespace llmos
