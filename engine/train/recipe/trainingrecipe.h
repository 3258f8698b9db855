#pragma once

#include "datasets/datasetspec.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace llmos {

// A training job as one JSON document: the GUI designer writes it, `llmos train` and the
// HTTP API read it, a run stores it. Every field, its default and its range are in
// docs/recipes.md (and docs/recipe.schema.json); the defaults are what a person who does
// not know what to pick can leave alone.

enum class TrainingTaskKind { CausalLm, Classification };

struct TaskSettings {
    TrainingTaskKind kind = TrainingTaskKind::CausalLm;
    std::int64_t maxSeqLen = 512;
};

struct OptimizerSettings {
    std::string name = "adamw"; // sgd adam adamw adagrad rmsprop
    double lr = 0;              // 0 until parsed: the default depends on the method (recipes.md)
    double weightDecay = 0.0;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
    double momentum = 0.0; // sgd, rmsprop
    bool nesterov = false; // sgd
};

struct ScheduleSettings {
    std::string name = "linear"; // constant linear cosine
    // At most one is set in a recipe; warmupSteps(totalSteps) resolves them.
    std::int64_t warmupSteps = 0;
    double warmupRatio = 0.0;
};

struct EarlyStoppingSettings {
    std::string metric = "eval_loss"; // eval_loss perplexity accuracy macro_f1
    std::int64_t patience = 3;        // evaluations without improvement before stopping
    std::string mode = "auto";        // min max auto (min for losses, max for scores)
    // "min" or "max", auto resolved.
    std::string resolvedMode() const;
};

struct FgmSettings {
    double epsilon = 1.0;
};

struct TrainingSettings {
    std::int64_t epochs = 3;
    std::int64_t maxSteps = 0; // > 0 overrides epochs
    std::int64_t batchSize = 8;
    std::int64_t gradAccumulation = 1;
    double maxGradNorm = 1.0; // 0: no clipping
    std::int64_t evalEvery = 0; // 0: only at the end
    std::int64_t checkpointEvery = 200; // 0: only on pause and cancel
    std::int64_t keepCheckpoints = 2;
    std::uint64_t seed = 42;
    std::optional<EarlyStoppingSettings> earlyStopping;
    std::optional<FgmSettings> fgm;
    // Keep only each decoder layer's input in the forward pass and recompute the layer
    // in backward: less activation memory for about a third more compute.
    bool activationCheckpointing = false;
    // Dropout probability while training (embeddings, attention, residual branches); 0:
    // none. Models' own config values (GPT-2's 0.1) are not applied unless set here.
    double dropout = 0;
    // Where the run computes: "auto" (the first CUDA GPU when there is one, else the
    // CPU), "cpu", "cuda" or "cuda:N".
    std::string device = "auto";
    // "auto": bf16 autocast on CUDA, fp32 on the CPU; "fp32"; "bf16": matrix products in
    // bfloat16 under autocast, weights and optimizer state kept in fp32 (on any device).
    std::string precision = "auto";
};

struct OutputSettings {
    std::string name;   // empty: the run names it
    bool merge = false; // adapter methods: fold the adapter into the base and save a model
    // false: keep the trained output in the run folder instead of registering it (sweep
    // trials; the best one is registered when promoted).
    bool registerModel = true;
};

struct TrainingRecipe {
    std::string modelPath;
    DatasetSpec dataset;
    TaskSettings task;
    nlohmann::json method = {{"kind", "full"}}; // checked by makeFineTuningMethod
    OptimizerSettings optimizer;
    ScheduleSettings schedule;
    TrainingSettings training;
    OutputSettings output;

    std::string methodKind() const;
};

// Parses strictly: unknown keys, wrong types and out-of-range values throw
// Error(InvalidInput) whose `where` is "<source>: <json path>" (e.g.
// "recipe.json: optimizer.lr"). The method object is only checked to be an object with a
// string "kind" here; its options are the method factory's to check.
TrainingRecipe parseTrainingRecipe(const nlohmann::json &document, const std::string &source = "recipe");
// A recipe's "dataset" section alone, as strictly (the CLI's `datasets` verbs build one
// from their options); errors name "<source>: dataset.<field>".
DatasetSpec parseDatasetSection(const nlohmann::json &section, const std::string &source = "options");
// Reads and parses a recipe file (strict JSON: duplicate keys are errors too).
TrainingRecipe loadTrainingRecipe(const std::string &path);
// Every field written out, defaults included: parseTrainingRecipe(toJson(r)) == r.
nlohmann::json toJson(const TrainingRecipe &recipe);

const char *trainingTaskKindName(TrainingTaskKind kind) noexcept;

// optimizer.lr when a recipe leaves it out: it depends on the method (docs/recipes.md).
double defaultLearningRate(const std::string &methodKind);

} // namespace llmos
