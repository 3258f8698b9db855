#pragma once

#include "sweep/objective.h"
#include "sweep/searchspace.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace llmos {

// A hyperparameter sweep as one JSON document: a base training recipe, a search space
// over its fields, a strategy, an optional pruner, the objective and a budget. Every
// field, its default and its range are in docs/sweeps.md (and docs/sweep.schema.json).

enum class StrategyKind { Grid, Random, Tpe };
enum class PrunerKind { None, Asha, Hyperband, Median };

struct StrategySettings {
    StrategyKind kind = StrategyKind::Random;
    std::uint64_t seed = 0;
    // TPE (Optuna's TPESampler defaults): random trials before the model is used,
    // candidates drawn from the good trials' density per suggestion, and the share of
    // observed trials that count as good.
    std::int64_t startupTrials = 10;
    std::int64_t candidates = 24;
    double gamma = 0.25;
};

struct PrunerSettings {
    PrunerKind kind = PrunerKind::None;
    // ASHA and Hyperband; the resource is optimizer steps. Rungs sit at
    // minSteps * reductionFactor^k below maxSteps.
    std::int64_t minSteps = 0;
    std::int64_t maxSteps = 0;
    std::int64_t reductionFactor = 3;
    // Median: no pruning before this many trials finished, nor before this step.
    std::int64_t startupTrials = 5;
    std::int64_t warmupSteps = 0;
};

struct SweepBudget {
    std::int64_t maxTrials = 0;     // grid: at most the grid's size
    double maxTimeSeconds = 0;      // 0: no time limit
    std::int64_t maxConcurrent = 1; // trials running at once (the scheduler admits them)
};

struct SweepSpec {
    std::string name;
    nlohmann::json baseRecipe; // the recipe as written (recipe_path read and inlined)
    SearchSpace space;
    StrategySettings strategy;
    PrunerSettings pruner;
    Objective objective;
    SweepBudget budget;
    // Grid strategy: every configuration in order, duplicates removed, cut to maxTrials.
    std::vector<Assignment> grid;
    // The document with `recipe_path` replaced by the recipe itself: what a sweep folder
    // keeps as sweep.json, so a resumed sweep no longer needs the recipe file.
    nlohmann::ordered_json document;
};

// Parses strictly. Every error is Error(InvalidInput) whose `where` names the field,
// "<source>: space.optimizer.lr.log_uniform"; a space path that is not a recipe field is
// refused with the recipe parser's own message. `baseFolder` resolves `recipe_path`.
SweepSpec parseSweepDocument(const nlohmann::ordered_json &document, const std::string &source,
                             const std::string &baseFolder);
// Strict JSON text first (duplicate keys, syntax: Error(Format) with line and column).
SweepSpec parseSweepText(std::string_view text, const std::string &source, const std::string &baseFolder);
// Reads a sweep file; `recipe_path` is relative to the file's folder.
SweepSpec loadSweepFile(const std::string &path);

const char *strategyKindName(StrategyKind kind) noexcept;
const char *prunerKindName(PrunerKind kind) noexcept;

} // namespace llmos
