#pragma once

#include "methods/finetuningmethod.h"

#include <filesystem>
#include <memory>

namespace llmos {

// Puts an adapter folder (PEFT's LORA, ADALORA, PREFIX_TUNING, PROMPT_TUNING, or our
// BOTTLENECK) back on `target`'s base model, for inference or to go on training, and
// returns the attached method. Its parameters are loaded and left frozen
// (requires_grad false everywhere). Every tensor is checked — name, shape, dtype — and
// a tensor the adapter does not use is an error too, so an adapter made for another
// base model is refused rather than half applied. Dropout is off (inference).
std::unique_ptr<FineTuningMethod> loadAdapter(const TrainingTarget &target, const std::filesystem::path &folder);

} // namespace llmos
