// The search space and the grid: configurations in order, conditional axes collapsed,
// max_trials, and how a configuration becomes a trial's recipe.

#include "sweep/gridsampler.h"
#include "sweep/sampler.h"
#include "sweep/trialrecipe.h"

#include "errorof.h"
#include "sweeptestutil.h"

#include <gtest/gtest.h>

#include <set>

namespace llmos {
namespace {

using nlohmann::json;

std::vector<std::string> keys(const std::vector<Assignment> &grid)
{
    std::vector<std::string> out;
    for (const auto &a : grid)
        out.push_back(assignmentKey(a));
    return out;
}

TEST(Grid, EnumeratesTheProductWithTheFirstAxisSlowest)
{
    const auto spec = test::parseSweep(R"("space": {"optimizer.lr": [0.001, 0.01], "training.batch_size": [8, 16, 32]},
                                          "strategy": {"kind": "grid"})");
    const std::vector<std::string> expected = {
        R"({"optimizer.lr":0.001,"training.batch_size":8})", R"({"optimizer.lr":0.001,"training.batch_size":16})",
        R"({"optimizer.lr":0.001,"training.batch_size":32})", R"({"optimizer.lr":0.01,"training.batch_size":8})",
        R"({"optimizer.lr":0.01,"training.batch_size":16})", R"({"optimizer.lr":0.01,"training.batch_size":32})",
    };
    EXPECT_EQ(keys(spec.grid), expected);
    EXPECT_EQ(spec.budget.maxTrials, 6);
    // File order decides which axis is slowest.
    const auto swapped = test::parseSweep(R"("space": {"training.batch_size": [8, 16], "optimizer.lr": [0.001, 0.01]},
                                            "strategy": {"kind": "grid"})");
    EXPECT_EQ(swapped.grid[1].at("optimizer.lr"), 0.01);
    EXPECT_EQ(swapped.grid[1].at("training.batch_size"), 8);
}

TEST(Grid, ConditionalAxesCollapseWithoutDuplicates)
{
    const auto spec = test::parseSweep(R"("space": {
        "method.kind": ["full", "lora"],
        "method.rank": {"choice": [4, 16], "when": {"method.kind": ["lora"]}},
        "optimizer.lr": [0.0001, 0.001]},
      "strategy": {"kind": "grid"})");
    const std::vector<std::string> expected = {
        R"({"method.kind":"full","optimizer.lr":0.0001})",
        R"({"method.kind":"full","optimizer.lr":0.001})",
        R"({"method.kind":"lora","method.rank":4,"optimizer.lr":0.0001})",
        R"({"method.kind":"lora","method.rank":4,"optimizer.lr":0.001})",
        R"({"method.kind":"lora","method.rank":16,"optimizer.lr":0.0001})",
        R"({"method.kind":"lora","method.rank":16,"optimizer.lr":0.001})",
    };
    EXPECT_EQ(keys(spec.grid), expected);
    for (const auto &a : spec.grid)
        EXPECT_EQ(a.contains("method.rank"), a.at("method.kind") == "lora") << assignmentKey(a);
}

TEST(Grid, ChainedConditionsFollowTheirParents)
{
    // alpha only with rank 16, rank only with lora: full and lora/4 have no alpha.
    const auto spec = test::parseSweep(R"("space": {
        "method.kind": ["full", "lora"],
        "method.rank": {"choice": [4, 16], "when": {"method.kind": ["lora"]}},
        "method.alpha": {"choice": [16, 32], "when": {"method.rank": [16]}}},
      "strategy": {"kind": "grid"})");
    const std::vector<std::string> expected = {
        R"({"method.kind":"full"})",
        R"({"method.kind":"lora","method.rank":4})",
        R"({"method.alpha":16,"method.kind":"lora","method.rank":16})",
        R"({"method.alpha":32,"method.kind":"lora","method.rank":16})",
    };
    EXPECT_EQ(keys(spec.grid), expected);
}

TEST(Grid, MaxTrialsTakesTheFirstConfigurations)
{
    const std::string space = R"("space": {"optimizer.lr": [0.001, 0.01], "training.batch_size": [8, 16, 32]},
                                 "strategy": {"kind": "grid"}, )";
    const auto cut = test::parseSweep(space + R"("budget": {"max_trials": 4})");
    ASSERT_EQ(cut.grid.size(), 4u);
    EXPECT_EQ(cut.budget.maxTrials, 4);
    EXPECT_EQ(cut.grid[3].at("optimizer.lr"), 0.01);
    EXPECT_EQ(cut.grid[3].at("training.batch_size"), 8);
    const auto roomy = test::parseSweep(space + R"("budget": {"max_trials": 100})");
    EXPECT_EQ(roomy.budget.maxTrials, 6); // no more than the grid holds
}

TEST(Grid, SamplerHandsOutTheGridThenStops)
{
    const auto spec = test::parseSweep(R"("space": {"training.batch_size": [8, 16]}, "strategy": {"kind": "grid"})");
    auto sampler = makeSampler(spec);
    EXPECT_EQ(sampler->suggest(0, {}), spec.grid[0]);
    EXPECT_EQ(sampler->suggest(1, {}), spec.grid[1]);
    EXPECT_FALSE(sampler->suggest(2, {}));
}

TEST(Grid, TooLargeAGridIsRefused)
{
    std::string space = "\"space\": {";
    for (int i = 0; i < 6; ++i) {
        space += std::string(i ? ", " : "") + "\"method.p" + std::to_string(i) + "\": [";
        for (int v = 0; v < 10; ++v)
            space += (v ? ", " : "") + std::to_string(v);
        space += "]";
    }
    space += R"(}, "strategy": {"kind": "grid"})";
    const auto e = test::errorOf([&] { test::parseSweep(space); });
    EXPECT_EQ(e.where(), "sweep.json: space");
    EXPECT_NE(e.detail().find("100000"), std::string::npos) << e.detail();
}

TEST(SearchSpace, ApplyingAnAssignmentSetsPathsAndMakesObjects)
{
    const json recipe = {{"model", {{"path", "m"}}}, {"optimizer", {{"lr", 0.1}}}};
    const Assignment a = {{"optimizer.lr", 0.01}, {"training.early_stopping.patience", 2}};
    const auto out = applyAssignment(recipe, a);
    EXPECT_EQ(out["optimizer"]["lr"], 0.01);
    EXPECT_EQ(out["training"]["early_stopping"]["patience"], 2);
    EXPECT_EQ(out["model"]["path"], "m");
    EXPECT_EQ(recipe["optimizer"]["lr"], 0.1); // a copy
    const auto e = test::errorOf([&] { applyAssignment(recipe, {{"model.path.x", 1}}, "s.json"); });
    EXPECT_EQ(e.where(), "s.json: space.model.path.x");
}

TEST(SearchSpace, InactiveParametersLeaveTheTrialsRecipe)
{
    const auto spec = test::parseSweep(R"("space": {
        "method.kind": ["full", "lora"],
        "method.rank": {"choice": [4, 16], "when": {"method.kind": ["lora"]}}},
      "strategy": {"kind": "grid"})");
    // The base recipe's method is {"kind": "lora", "rank": 8}.
    const auto full = makeTrialRecipe(spec, spec.grid[0]);
    EXPECT_EQ(full["method"], json({{"kind", "full"}}));
    const auto lora = makeTrialRecipe(spec, spec.grid[2]);
    EXPECT_EQ(lora["method"], json({{"kind", "lora"}, {"rank", 16}}));
}

TEST(SearchSpace, AssignmentKeysAreStable)
{
    Assignment a;
    a["optimizer.lr"] = 0.0003;
    a["method.kind"] = "lora";
    Assignment b;
    b["method.kind"] = "lora";
    b["optimizer.lr"] = 0.0003;
    EXPECT_EQ(assignmentKey(a), assignmentKey(b));
    EXPECT_EQ(assignmentKey(a), R"({"method.kind":"lora","optimizer.lr":0.0003})");
    EXPECT_EQ(assignmentFromJson(assignmentToJson(a), "x"), a);
    b["optimizer.lr"] = 0.00030000000000001;
    EXPECT_NE(assignmentKey(a), assignmentKey(b));
}

} // namespace
} // namespace llmos
