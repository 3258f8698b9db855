#pragma once

#include "recipe/trainingrecipe.h"

#include <cstdint>

namespace llmos {

// What a person who is not a machine-learning engineer wants from a fine-tune, in their
// words; the guided designer asks for one of these instead of a task and a method.
enum class TrainingGoal {
    TeachText,          // write like these texts / know what they say: causal LM on plain text
    FollowInstructions, // answer like these examples: causal LM on instruction or chat rows
    ClassifyText,       // put texts into these labels: sequence classification
};

// Models up to this many parameters are fine-tuned whole: on a laptop CPU they train in
// minutes and an adapter would save little memory while learning less.
constexpr std::uint64_t kFullFineTuneUpToParameters = 30'000'000;

// The recommended recipe for a goal on a model of `parameterCount` parameters: the task,
// the dataset kind (detected, or classification), the method (full fine-tuning for small
// models, else LoRA with rank 8, 16 for instructions, alpha twice the rank), its learning
// rate default, three epochs and evaluation at the end. Paths are left to the caller.
TrainingRecipe recommendedRecipe(TrainingGoal goal, std::uint64_t parameterCount);

// Evaluations spread over a run of `totalSteps`: about ten, so the validation curve has
// shape, never more often than every step.
std::int64_t recommendedEvalEvery(std::int64_t totalSteps);

} // namespace llmos
