// Results: the leaderboard in the objective's direction, the best trial, and parameter
// importance finding the one parameter that matters.

#include "sweep/randomsampler.h"
#include "sweep/sweepresults.h"

#include "sweeptestutil.h"

#include <gtest/gtest.h>

#include <cmath>

namespace llmos {
namespace {

TrialRecord trial(int number, TrialState state, std::optional<double> objective, std::int64_t step = 450)
{
    TrialRecord t;
    t.number = number;
    t.state = state;
    t.objective = objective;
    t.step = step;
    t.assignment = {{"optimizer.lr", 0.001 * (number + 1)}};
    return t;
}

std::vector<int> order(const std::vector<LeaderboardRow> &rows)
{
    std::vector<int> out;
    for (const auto &r : rows)
        out.push_back(r.trial);
    return out;
}

std::vector<TrialRecord> mixedTrials()
{
    return {
        trial(0, TrialState::Succeeded, 0.9),
        trial(1, TrialState::Pruned, 0.5, 50),
        trial(2, TrialState::Succeeded, 0.7),
        trial(3, TrialState::Failed, std::nullopt, 10),
        trial(4, TrialState::Pruned, 0.8, 150),
        trial(5, TrialState::Succeeded, 0.95),
        trial(6, TrialState::Running, std::nullopt, 100),
        trial(7, TrialState::Cancelled, std::nullopt, 20),
    };
}

TEST(SweepResults, LeaderboardFollowsTheDirection)
{
    const auto trials = mixedTrials();
    // Succeeded by objective, then pruned (furthest first), running, then failed and
    // cancelled by number.
    EXPECT_EQ(order(leaderboard(trials, {"eval_loss", ObjectiveDirection::Minimize})),
              (std::vector<int>{2, 0, 5, 4, 1, 6, 3, 7}));
    EXPECT_EQ(order(leaderboard(trials, {"accuracy", ObjectiveDirection::Maximize})),
              (std::vector<int>{5, 0, 2, 4, 1, 6, 3, 7}));
    const auto rows = leaderboard(trials, {"eval_loss", ObjectiveDirection::Minimize});
    EXPECT_EQ(rows[0].parameters.at("optimizer.lr"), 0.003);
    EXPECT_EQ(rows[0].state, TrialState::Succeeded);
    EXPECT_EQ(rows[3].step, 150);
}

TEST(SweepResults, BestTrialIsTheBestSucceededOne)
{
    const auto trials = mixedTrials();
    EXPECT_EQ(bestTrial(trials, {"eval_loss", ObjectiveDirection::Minimize})->number, 2);
    EXPECT_EQ(bestTrial(trials, {"accuracy", ObjectiveDirection::Maximize})->number, 5);
    EXPECT_FALSE(bestTrial({trial(0, TrialState::Pruned, 0.1)}, {}));
    EXPECT_FALSE(bestTrial({}, {}));
}

// Only the learning rate matters (a parabola in log10(lr), plus a little noise); four
// other parameters, one of them conditional, do not. Over eight random sweeps of 40
// trials the learning rate comes first every time and takes most of the share.
TEST(SweepResults, ImportanceFindsTheParameterThatMatters)
{
    const auto spec = test::parseSweep(R"("space": {
        "method.kind": {"choice": ["lora", "full"]},
        "optimizer.lr": {"log_uniform": [1e-5, 1e-1]},
        "method.rank": {"int": [4, 32], "when": {"method.kind": ["lora"]}},
        "method.dropout": {"uniform": [0.0, 0.3]},
        "training.batch_size": [8, 16, 32]},
      "budget": {"max_trials": 40})");
    constexpr int kSeeds = 8;
    double lrShare = 0, largestOther = 0;
    for (int seed = 0; seed < kSeeds; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        std::vector<TrialRecord> trials;
        for (int k = 0; k < 40; ++k) {
            TrialRecord t = trial(k, TrialState::Succeeded, 0.0);
            t.assignment = RandomSampler::draw(spec.space, static_cast<std::uint64_t>(seed), k);
            const double x = std::log10(t.assignment.at("optimizer.lr").get<double>()) + 3;
            t.objective = x * x + 0.05 * std::sin(k * 12.9898);
            trials.push_back(t);
        }
        trials.push_back(trial(40, TrialState::Pruned, 99.0)); // not counted
        const auto report = parameterImportance(spec.space, trials);
        EXPECT_TRUE(report.reason.empty()) << report.reason;
        EXPECT_EQ(report.trials, 40);
        ASSERT_EQ(report.parameters.size(), 5u);
        EXPECT_EQ(report.parameters[0].path, "optimizer.lr");
        EXPECT_GT(report.parameters[0].share, 0.5);
        EXPECT_EQ(report.parameters[0].groups, 6); // floor(sqrt(40)) quantile bins
        double sum = 0;
        double other = 0;
        for (const auto &p : report.parameters) {
            sum += p.share;
            if (p.path == "optimizer.lr")
                lrShare += p.share / kSeeds;
            else
                other = std::max(other, p.share);
            if (p.path == "method.rank") { // bins of the lora trials, and the full ones
                EXPECT_GE(p.groups, 3);
            }
        }
        largestOther += other / kSeeds;
        EXPECT_NEAR(sum, 1.0, 1e-9);
    }
    EXPECT_GT(lrShare, 0.8);
    EXPECT_LT(largestOther, 0.15);
}

TEST(SweepResults, ImportanceNeedsEnoughTrialsAndSomeSpread)
{
    const auto spec = test::parseSweep(R"("space": {"optimizer.lr": [0.001, 0.01]}, "budget": {"max_trials": 4})");
    std::vector<TrialRecord> few = {trial(0, TrialState::Succeeded, 1.0), trial(1, TrialState::Succeeded, 2.0),
                                    trial(2, TrialState::Succeeded, 3.0), trial(3, TrialState::Pruned, 0.5)};
    auto report = parameterImportance(spec.space, few);
    EXPECT_TRUE(report.parameters.empty());
    EXPECT_NE(report.reason.find("at least 4"), std::string::npos) << report.reason;
    EXPECT_NE(report.reason.find("there are 3"), std::string::npos) << report.reason;

    std::vector<TrialRecord> flat;
    for (int k = 0; k < 6; ++k)
        flat.push_back(trial(k, TrialState::Succeeded, 1.5));
    report = parameterImportance(spec.space, flat);
    EXPECT_TRUE(report.parameters.empty());
    EXPECT_NE(report.reason.find("same objective"), std::string::npos) << report.reason;
}

} // namespace
} // namespace llmos
