#pragma once

#include "services/trainingplan.h"

#include <string>

namespace llmos {

// Rows of a data file the designer shows before training.
constexpr std::size_t kPreviewRows = 20;

// planRun() with this machine's figures: its fp32 matmul rate (measured once per process,
// about a tenth of a second) and the memory free for jobs now. Blocks: call it on a worker.
PlannedRun planRunOnThisMachine(const std::string &registryHome, const TrainingRecipe &recipe);

// previewTrainable() against the memory free for jobs now. Blocks: call it on a worker.
TrainablePreview previewTrainableOnThisMachine(const std::string &registryHome, const TrainingRecipe &recipe);

} // namespace llmos
