// Pruners: ASHA's rungs and decisions on a scripted sequence, Hyperband's brackets,
// median stopping, and the evaluation interval trials get so every rung is seen.

#include "sweep/ashapruner.h"
#include "sweep/hyperbandpruner.h"
#include "sweep/medianpruner.h"
#include "sweep/pruner.h"
#include "sweep/trialrecipe.h"

#include "sweeptestutil.h"

#include <gtest/gtest.h>

#include <cmath>

namespace llmos {
namespace {

Objective loss()
{
    return {"eval_loss", ObjectiveDirection::Minimize};
}

TEST(Pruners, SuccessiveHalvingRungsStopBelowTheEnd)
{
    EXPECT_EQ(successiveHalvingRungs(50, 450, 3), (std::vector<std::int64_t>{50, 150}));
    EXPECT_EQ(successiveHalvingRungs(10, 1000, 3), (std::vector<std::int64_t>{10, 30, 90, 270, 810}));
    EXPECT_EQ(successiveHalvingRungs(10, 1000, 3, 2), (std::vector<std::int64_t>{90, 270, 810}));
    EXPECT_EQ(successiveHalvingRungs(100, 400, 2), (std::vector<std::int64_t>{100, 200}));
    EXPECT_TRUE(successiveHalvingRungs(450, 450, 3).empty());
}

struct Report {
    int trial;
    std::int64_t step;
    double value;
    bool prune;
    const char *reason; // expected text, when pruned
};

// A scripted sweep with rungs at 10, 30, 90, 270, 810 and eta 3: a trial continues when
// its value is in the best max(1, floor(n / 3)) of the n values recorded at the rung.
TEST(Pruners, AshaPrunesExactlyAtTheRungs)
{
    AshaPruner asha(10, 1000, 3, loss());
    EXPECT_EQ(asha.rungSteps(0), (std::vector<std::int64_t>{10, 30, 90, 270, 810}));
    const std::vector<Report> script = {
        {0, 5, 9.0, false, ""},   // before the first rung: nothing to judge
        {0, 10, 1.0, false, ""},  // rung 10: [1.0], the best of one
        {1, 10, 2.0, true, "pruned at step 10: eval_loss 2 is not the best of 2 trials at this rung"},
        {2, 10, 0.5, false, ""},  // [0.5 1 2]: best 1 of 3
        {3, 10, 0.8, true, "pruned at step 10: eval_loss 0.8 is not in the best third of 4 trials at this rung"},
        {0, 20, 0.9, false, ""},  // between rungs 10 and 30: rung 10 judged it already
        {2, 10, 5.0, false, ""},  // the same rung again (a resumed run): judged once only
        {0, 30, 0.7, false, ""},  // rung 30: [0.7]
        {4, 10, 0.45, false, ""}, // rung 10: n = 5, keep 1: 0.45 is the best
        {5, 15, 0.1, false, ""},  // passed rung 10 between evaluations: judged there, [0.1 ...] n = 6, keep 2
        {6, 40, 3.0, true,
         "pruned at step 40: eval_loss 3 is not in the best third of 7 trials at the rung of step 10"},
        {7, 40, 0.05, false, ""}, // passes rungs 10 (n = 8, keep 2) and 30 ([0.7 0.05], keep 1) at once
        {2, 30, 0.6, true, "pruned at step 30: eval_loss 0.6 is not in the best third of 3 trials at this rung"},
        {2, 90, 0.01, false, ""}, // a pruned trial's later reports change nothing
    };
    for (const auto &r : script) {
        SCOPED_TRACE("trial " + std::to_string(r.trial) + " step " + std::to_string(r.step));
        const auto decision = asha.report(r.trial, r.step, r.value);
        EXPECT_EQ(decision.prune, r.prune) << decision.reason;
        if (r.prune) {
            EXPECT_EQ(decision.reason, r.reason);
        }
    }
}

TEST(Pruners, AshaMaximizesScoresAndPrunesNaN)
{
    AshaPruner asha(50, 450, 2, {"accuracy", ObjectiveDirection::Maximize});
    EXPECT_FALSE(asha.report(0, 50, 0.6).prune);
    EXPECT_FALSE(asha.report(1, 50, 0.8).prune);   // [0.8 0.6]: keep 1, 0.8 is it
    const auto d = asha.report(2, 50, 0.7);        // [0.8 0.7 0.6]: keep 1
    EXPECT_TRUE(d.prune);
    EXPECT_EQ(d.reason, "pruned at step 50: accuracy 0.7 is not in the best half of 3 trials at this rung");
    EXPECT_FALSE(asha.report(3, 50, 0.9).prune);   // [0.9 0.8 0.7 0.6]: keep 2
    EXPECT_FALSE(asha.report(4, 50, 0.8).prune);   // a tie with the second best continues
    const auto nan = asha.report(5, 60, std::nan(""));
    EXPECT_TRUE(nan.prune);
    EXPECT_NE(nan.reason.find("not a number"), std::string::npos);
}

TEST(Pruners, HyperbandBracketsAreDeterministicAndSplitLikeOptuna)
{
    EXPECT_EQ(crc32("123456789"), 0xCBF43926u); // the standard check value
    HyperbandPruner hyperband(50, 450, 3, loss(), "search");
    ASSERT_EQ(hyperband.bracketCount(), 3);     // floor(log3(450 / 50)) + 1
    EXPECT_EQ(hyperband.budgets(), (std::vector<std::int64_t>{9, 5, 3}));
    HyperbandPruner again(50, 450, 3, loss(), "search");
    std::vector<int> counts(3, 0);
    for (int trial = 0; trial < 17000; ++trial) {
        const int b = hyperband.bracketOf(trial);
        ASSERT_EQ(b, again.bracketOf(trial));
        ++counts[static_cast<std::size_t>(b)];
    }
    EXPECT_NEAR(counts[0], 9000, 400);
    EXPECT_NEAR(counts[1], 5000, 400);
    EXPECT_NEAR(counts[2], 3000, 400);

    // Bracket b starts halving at 50 * 3^b; the last has no rung below 450 and never prunes.
    for (int trial = 0; trial < 40; ++trial) {
        const auto expected = std::vector<std::vector<std::int64_t>>{{50, 150}, {150}, {}}[static_cast<std::size_t>(
            hyperband.bracketOf(trial))];
        EXPECT_EQ(hyperband.rungSteps(trial), expected) << trial;
    }
}

TEST(Pruners, HyperbandTrialsCompeteWithinTheirBracket)
{
    HyperbandPruner hyperband(50, 450, 3, loss(), "search");
    std::vector<int> bracket0, bracket2;
    for (int trial = 0; trial < 100; ++trial) {
        if (hyperband.bracketOf(trial) == 0)
            bracket0.push_back(trial);
        else if (hyperband.bracketOf(trial) == 2)
            bracket2.push_back(trial);
    }
    ASSERT_GE(bracket0.size(), 2u);
    ASSERT_GE(bracket2.size(), 1u);
    EXPECT_FALSE(hyperband.report(bracket0[0], 50, 1.0).prune);
    // A bracket-2 trial's excellent value is not recorded at bracket 0's rung ...
    EXPECT_FALSE(hyperband.report(bracket2[0], 50, 0.1).prune);
    EXPECT_FALSE(hyperband.report(bracket2[0], 400, 99.0).prune); // ... and it is never pruned
    const auto d = hyperband.report(bracket0[1], 50, 2.0);        // [1.0 2.0] in bracket 0
    EXPECT_TRUE(d.prune);
    EXPECT_NE(d.reason.find("of 2 trials"), std::string::npos) << d.reason;
    EXPECT_NE(d.reason.find("bracket 1 of 3"), std::string::npos) << d.reason;
}

TEST(Pruners, MedianPrunesBelowTheMedianOfFinishedTrials)
{
    MedianPruner median(2, 20, loss());
    // Trials 0..2 finish with values at steps 10, 20, 30.
    const std::vector<std::vector<double>> curves = {{3.0, 2.0, 1.5}, {4.0, 3.0, 2.5}, {2.0, 1.0, 0.8}};
    for (int t = 0; t < 2; ++t)
        for (int i = 0; i < 3; ++i)
            EXPECT_FALSE(median.report(t, 10 * (i + 1), curves[t][i]).prune); // nothing finished yet
    median.trialFinished(0, TrialState::Succeeded);
    // One finished trial: still under startup_trials = 2.
    EXPECT_FALSE(median.report(2, 20, 99.0).prune);
    median.trialFinished(1, TrialState::Succeeded);
    median.trialFinished(5, TrialState::Failed); // failed trials are not compared against
    EXPECT_FALSE(median.report(3, 10, 99.0).prune) << "step 10 is inside warmup_steps 20";
    const auto d = median.report(3, 20, 2.6); // median of {2.0, 3.0} is 2.5
    EXPECT_TRUE(d.prune);
    EXPECT_EQ(d.reason, "pruned at step 20: eval_loss 2.6 is worse than the median 2.5 of 2 finished trials at "
                        "this step");
    EXPECT_FALSE(median.report(4, 20, 2.5).prune); // equal to the median continues
    EXPECT_FALSE(median.report(4, 25, 9.0).prune); // no finished trial reported at step 25
    // A trial is judged by its best value so far.
    EXPECT_FALSE(median.report(6, 20, 2.0).prune);
    EXPECT_FALSE(median.report(6, 30, 2.1).prune); // its best, 2.0, equals the median of {1.5, 2.5}
    EXPECT_FALSE(median.report(7, 20, 1.9).prune);
    EXPECT_FALSE(median.report(7, 30, 2.2).prune); // worse now, but its best 1.9 beats the median
    EXPECT_FALSE(median.report(9, 20, 2.2).prune);
    const auto late = median.report(9, 30, 2.4);
    EXPECT_TRUE(late.prune);
    EXPECT_EQ(late.reason, "pruned at step 30: eval_loss 2.2 (its best so far) is worse than the median 2 of 2 "
                           "finished trials at this step");
}

TEST(Pruners, TrialsEvaluateAtEveryRung)
{
    PrunerSettings settings;
    settings.kind = PrunerKind::Asha;
    settings.minSteps = 50;
    settings.maxSteps = 450;
    settings.reductionFactor = 3;
    EXPECT_EQ(pruningEvalEvery(settings), 50);
    settings.kind = PrunerKind::Hyperband;
    EXPECT_EQ(pruningEvalEvery(settings), 50);
    settings.minSteps = 20;
    settings.maxSteps = 1000;
    EXPECT_EQ(pruningEvalEvery(settings), 20);
    settings.kind = PrunerKind::Median;
    EXPECT_EQ(pruningEvalEvery(settings), 0);

    // The recipe evaluates every 50; rungs at 30, 90, 270 need every 30.
    auto spec = test::parseSweep(R"("space": {"training.batch_size": [8]}, "strategy": {"kind": "grid"},
                                    "pruner": {"kind": "asha", "min_steps": 30, "max_steps": 450})");
    EXPECT_EQ(makeTrialRecipe(spec, spec.grid[0])["training"]["eval_every"], 30);
    // Every 10 already hits every rung, and draws the finer curve: kept.
    spec.baseRecipe["training"]["eval_every"] = 10;
    EXPECT_EQ(makeTrialRecipe(spec, spec.grid[0])["training"]["eval_every"], 10);
    spec.baseRecipe["training"].erase("eval_every");
    EXPECT_EQ(makeTrialRecipe(spec, spec.grid[0])["training"]["eval_every"], 30);
    // Without a pruner the recipe is left as it is.
    const auto plain = test::parseSweep(R"("space": {"training.batch_size": [8]}, "strategy": {"kind": "grid"})");
    EXPECT_EQ(makeTrialRecipe(plain, plain.grid[0])["training"]["eval_every"], 50);
    EXPECT_EQ(makeTrialRecipe(plain, plain.grid[0])["training"]["batch_size"], 8);
}

TEST(Pruners, MadeFromTheSweepFile)
{
    auto rest = [](const std::string &pruner) {
        return R"("space": {"training.batch_size": [8]}, "strategy": {"kind": "grid"}, "pruner": )" + pruner;
    };
    EXPECT_NE(dynamic_cast<NoPruner *>(makePruner(test::parseSweep(rest(R"({"kind": "none"})"))).get()), nullptr);
    EXPECT_NE(dynamic_cast<AshaPruner *>(makePruner(test::parseSweep(rest(R"({"kind": "asha", "min_steps": 50})")))
                                             .get()),
              nullptr);
    EXPECT_NE(dynamic_cast<HyperbandPruner *>(
                  makePruner(test::parseSweep(rest(R"({"kind": "hyperband", "min_steps": 50})"))).get()),
              nullptr);
    EXPECT_NE(dynamic_cast<MedianPruner *>(makePruner(test::parseSweep(rest(R"({"kind": "median"})"))).get()),
              nullptr);
}

} // namespace
} // namespace llmos
