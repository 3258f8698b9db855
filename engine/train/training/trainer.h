#pragma once

#include "recipe/trainingrecipe.h"
#include "training/trainingevents.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace llmos {

struct TrainerOptions {
    // The run's folder (made by the run store): checkpoints/ and the output go in it.
    std::filesystem::path runDirectory;
    // Continue from the newest complete checkpoint of this recipe when there is one.
    bool resume = true;
    TrainingCallbacks callbacks;
};

enum class TrainingOutcome { Finished, EarlyStopped, Paused, Cancelled };

struct TrainingResult {
    TrainingOutcome outcome = TrainingOutcome::Finished;
    std::int64_t steps = 0;      // optimizer steps done, resumed ones included
    std::int64_t totalSteps = 0;
    std::int64_t resumedFromStep = 0; // 0 when the run started fresh
    std::int64_t trainableParameters = 0;
    std::int64_t totalParameters = 0;
    std::map<std::string, double> finalMetrics; // the last evaluation's
    // The trained model (or adapter) folder; empty when paused or cancelled.
    std::filesystem::path output;
    bool outputIsAdapter = false;
};

// Runs one recipe on the device and in the precision it names (training.device and
// .precision: a CUDA GPU with bf16 autocast when there is one, else the CPU in fp32;
// training/computeplacement.h): loads the model and dataset, attaches the method,
// and trains with gradient accumulation, clipping, the schedule, evaluation,
// checkpoints and early stopping, reporting through the callbacks. Pause and cancel are
// asked between steps and both write a checkpoint first. On CPU the same recipe and seed
// give the same loss curve, bit for bit, also across a pause or a crash and a resume
// (checkpoints keep the CPU generator's state, not a GPU's).
// Errors: the loaders' (model, dataset), Error(InvalidInput) for recipe problems found
// only now (a method option, an early-stopping metric the task lacks) and for a
// non-finite loss or gradient, Error(Io) for a checkpoint or output that could not be
// written (earlier checkpoints are kept).
class Trainer {
public:
    Trainer(TrainingRecipe recipe, TrainerOptions options);
    ~Trainer();
    Trainer(const Trainer &) = delete;
    Trainer &operator=(const Trainer &) = delete;

    TrainingResult run();

private:
    class Run;
    TrainingRecipe m_recipe;
    TrainerOptions m_options;
};

// The checkpoint fingerprint of a recipe: checkpoints of another recipe are not resumed.
std::string recipeFingerprint(const TrainingRecipe &recipe);

} // namespace llmos
