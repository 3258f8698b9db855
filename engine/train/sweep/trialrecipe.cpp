#include "sweep/trialrecipe.h"

#include "sweep/pruner.h"
#include "sweep/sweepfile.h"

namespace llmos {

nlohmann::json makeTrialRecipe(const SweepSpec &spec, const Assignment &assignment)
{
    nlohmann::json recipe = applyConfiguration(spec.baseRecipe, spec.space, assignment, spec.name);
    const std::int64_t rungDivisor = pruningEvalEvery(spec.pruner);
    if (rungDivisor > 0) {
        auto &training = recipe["training"];
        if (training.is_null())
            training = nlohmann::json::object();
        const auto current = training.value("eval_every", nlohmann::json(0));
        const std::int64_t evalEvery = current.is_number_integer() ? current.get<std::int64_t>() : 0;
        if (evalEvery <= 0 || rungDivisor % evalEvery != 0)
            training["eval_every"] = rungDivisor;
    }
    return recipe;
}

} // namespace llmos
