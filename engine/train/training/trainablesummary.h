#pragma once

#include "recipe/trainablecounts.h"
#include "recipe/trainingrecipe.h"

#include <cstdint>
#include <string>

namespace llmos {

// Builds the recipe's network from its model folder's config.json alone (parameters
// allocated but never filled, so a 1B-parameter model costs address space, not time),
// attaches the method exactly as the trainer does, and counts. `labelCount` sizes a
// classification head (the dataset decides it in a run; the head is small either way).
// Throws what the trainer would for the same recipe: a method option that names nothing
// in this model (InvalidInput, "method.target_modules"), an unsupported model.
TrainableSummary summarizeTrainable(const TrainingRecipe &recipe, std::int64_t labelCount = 2);

// The module kind of a parameter name as TrainableSummary::modules groups it:
// "model.layers.0.self_attn.q_proj.hook.lora_A" -> "q_proj", "transformer.wte.weight" -> "wte".
std::string moduleKindOf(const std::string &parameterName);

} // namespace llmos
