#include "recipe/recipepresets.h"

#include <algorithm>

namespace llmos {

TrainingRecipe recommendedRecipe(TrainingGoal goal, std::uint64_t parameterCount)
{
    TrainingRecipe recipe;
    const bool classify = goal == TrainingGoal::ClassifyText;
    recipe.task.kind = classify ? TrainingTaskKind::Classification : TrainingTaskKind::CausalLm;
    recipe.task.maxSeqLen = classify ? 256 : 512;
    recipe.dataset.kind = classify ? DatasetKind::Classification : DatasetKind::Auto;
    if (parameterCount <= kFullFineTuneUpToParameters) {
        recipe.method = {{"kind", "full"}};
    } else {
        const int rank = goal == TrainingGoal::FollowInstructions ? 16 : 8;
        recipe.method = {{"kind", "lora"}, {"rank", rank}, {"alpha", 2 * rank}};
    }
    recipe.optimizer.lr = defaultLearningRate(recipe.methodKind());
    return recipe;
}

std::int64_t recommendedEvalEvery(std::int64_t totalSteps)
{
    return std::max<std::int64_t>(1, totalSteps / 10);
}

} // namespace llmos
