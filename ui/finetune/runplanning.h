#pragma once

#include "services/trainingplan.h"

#include <string>

namespace llmos {

// planRun() with this machine's figures: its fp32 matmul rate (measured once per process,
// about a tenth of a second) and the memory free for jobs now. Blocks: call it on a worker.
// Rows of a data file the designer shows before training.
constexpr std::size_t kPreviewRows = 20;

PlannedRun planRunOnThisMachine(const std::string &registryHome, const TrainingRecipe &recipe);

} // namespace llmos
