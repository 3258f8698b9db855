#pragma once

#include "datasets/datasetreport.h"
#include "datasets/datasetrows.h"
#include "recipe/trainingrecipe.h"
#include "training/memoryestimate.h"
#include "training/trainablesummary.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

namespace llmos {

// What a person sees of a dataset before training on it: its first rows and the report of
// the whole file read with the model's tokenizer (and its chat template for chat rows).
struct DatasetInspection {
    std::vector<SourceRow> preview;
    DatasetReport report;
    std::optional<std::string> rejected; // why the data cannot be used as it is
};

// Reads the first `previewRows` rows, then validates the whole file as `recipe` would
// train on it (its dataset section, task and max_seq_len, its model's tokenizer).
// recipe.modelPath: a folder, or a registered model's id or name in `registryHome`.
// Throws what loading the tokenizer and reading the file throw (NotFound, Format, Io),
// Error(Cancelled) when `stop` is requested.
DatasetInspection inspectDataset(const std::string &registryHome, const TrainingRecipe &recipe,
                                 std::size_t previewRows, std::stop_token stop = {});

// What a run of a recipe will take on this machine, before it starts.
struct TrainingPlan {
    TrainingRecipe recipe; // as given, or with batch and accumulation changed to fit (see below)
    TrainableSummary trainable; // what the method trains, counted on the run's network
    TrainingMemoryEstimate memory;
    std::uint64_t memoryAvailable = 0;
    bool fits = true;
    bool adjusted = false;  // the batch was split into accumulation steps to fit memory
    std::int64_t steps = 0; // optimizer steps
    double tokensPerStep = 0;
    double seconds = 0;     // rough: see estimateTrainingPlan
};

// Sizes a run: steps from the dataset report (max_steps, or epochs over the training
// examples), memory and parameters from the run's network (summarizeTrainable,
// estimateTrainingMemory), and time from the work per token (about 6 x parameters FLOPs for full fine-tuning, 4 x for methods
// that train a few parameters: forward 2 x, backward through the activations 2 x, weights'
// gradients 2 x only when they train) over `flopsPerSecond`, this machine's measured
// matmul rate, at kTrainingEfficiency of it. When the run does not fit `memoryAvailable`,
// the batch is halved (and gradient accumulation doubled, so the effective batch stays) down
// to 1, then activation checkpointing is turned on; `fits` says whether that was enough.
// recipe.modelPath must be a model folder.
TrainingPlan estimateTrainingPlan(const TrainingRecipe &recipe, const DatasetReport &report, double flopsPerSecond,
                                  std::uint64_t memoryAvailable);

// Everything the designer shows before a run starts, in one call for a worker: the
// dataset inspected (first `previewRows` rows and the report), the model's parameters
// counted from its weight files, and the plan on this machine (`flopsPerSecond`,
// `memoryAvailable`). recipe.modelPath may name a registered model; the plan's recipe
// keeps it as given, and gets evaluations spread over the run (recommendedEvalEvery) when
// the recipe has none.
struct PlannedRun {
    DatasetInspection inspection;
    TrainingPlan plan;
};
PlannedRun planRun(const std::string &registryHome, const TrainingRecipe &recipe, std::size_t previewRows,
                   double flopsPerSecond, std::uint64_t memoryAvailable, std::stop_token stop = {});

// What the designer's picker of trained modules shows while a recipe is edited: what its
// method trains, counted on the run's network (summarizeTrainable), and the memory a run
// needs with that count. recipe.modelPath may name a registered model in `registryHome`.
// Throws what summarizeTrainable throws, and NotFound for a model that is not there.
struct TrainablePreview {
    TrainableSummary trainable;
    TrainingMemoryEstimate memory;
    std::uint64_t memoryAvailable = 0;
};
TrainablePreview previewTrainable(const std::string &registryHome, const TrainingRecipe &recipe,
                                  std::uint64_t memoryAvailable);

// The share of the measured matmul rate assumed for a training step. The Trainer reached
// 0.85-0.90 of it (6 x params for full, 4 x for LoRA) on the benchmark shapes at batch 8 x
// 128 (docs/PERFORMANCE.md, "Training"); longer sequences, big vocabularies and small
// batches reach less, so half is assumed: the estimate errs long rather than short.
constexpr double kTrainingEfficiency = 0.5;

} // namespace llmos
