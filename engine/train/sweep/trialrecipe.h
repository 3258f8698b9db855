#pragma once

#include "sweep/searchspace.h"

#include <nlohmann/json.hpp>

namespace llmos {

struct SweepSpec;

// The recipe one trial trains: the sweep's base recipe with the trial's configuration
// applied (applyConfiguration: inactive conditional parameters removed). With ASHA or
// Hyperband the trial must evaluate at every rung, so training.eval_every becomes the
// rungs' greatest common divisor (pruningEvalEvery), unless the recipe already
// evaluates at a divisor of it (then every rung is still an evaluation step and the
// recipe's finer curve is kept).
nlohmann::json makeTrialRecipe(const SweepSpec &spec, const Assignment &assignment);

} // namespace llmos
