// TPE: random for its startup trials, deterministic given seed and history, pruned
// trials counted below finished ones, failed ones ignored, and, the point of it, better
// than random search at the same budget on synthetic objectives.

#include "sweep/randomsampler.h"
#include "sweep/tpesampler.h"

#include "sweeptestutil.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <iostream>
#include <map>
#include <numbers>

namespace llmos {
namespace {

using Objective1 = std::function<double(const Assignment &)>;

SweepSpec tpeSweep(const std::string &space, std::uint64_t seed, const char *strategy = "tpe")
{
    return test::parseSweep("\"space\": " + space + R"(, "strategy": {"kind": ")" + strategy + R"(", "seed": )"
                            + std::to_string(seed) + R"(}, "budget": {"max_trials": 100})");
}

TrialRecord finished(int number, Assignment a, double objective)
{
    TrialRecord t;
    t.number = number;
    t.assignment = std::move(a);
    t.state = TrialState::Succeeded;
    t.objective = objective;
    return t;
}

// Runs a whole sequential sweep and returns the best objective it found.
double bestAfter(const SweepSpec &spec, const Objective1 &f, int budget)
{
    auto sampler = makeSampler(spec);
    std::vector<TrialRecord> history;
    double best = INFINITY;
    for (int k = 0; k < budget; ++k) {
        const auto a = sampler->suggest(k, history);
        const double y = f(*a);
        best = std::min(best, y);
        history.push_back(finished(k, *a, y));
    }
    return best;
}

double number(const Assignment &a, const char *path)
{
    return a.at(path).get<double>();
}

const char *kLrSpace = R"({"optimizer.lr": {"log_uniform": [1e-6, 1]}, "method.dropout": {"uniform": [0, 0.5]}})";

// A loss with its minimum at lr = 2e-4 and dropout 0.12, quadratic in log10(lr).
double shiftedQuadratic(const Assignment &a)
{
    const double x = std::log10(number(a, "optimizer.lr")) + 3.7;
    const double d = number(a, "method.dropout") - 0.12;
    return x * x + 10 * d * d;
}

const char *kBraninSpace = R"({"method.x1": {"uniform": [-5, 10]}, "method.x2": {"uniform": [0, 15]}})";

// Branin-Hoo: three global minima of 0.397887.
double branin(const Assignment &a)
{
    const double x1 = number(a, "method.x1"), x2 = number(a, "method.x2");
    const double pi = std::numbers::pi;
    const double b = 5.1 / (4 * pi * pi), c = 5 / pi, t = 1 / (8 * pi);
    return std::pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + 10 * (1 - t) * std::cos(x1) + 10;
}

const char *kMixedSpace = R"({
    "method.kind": {"choice": ["full", "freeze", "bitfit", "lora", "adalora", "adapter"]},
    "method.rank": {"int": [1, 64], "log": true, "when": {"method.kind": ["lora", "adalora"]}},
    "optimizer.lr": {"log_uniform": [1e-5, 1e-1]}})";

// A categorical choice that matters most, a conditional rank best at 8, and lr.
double mixed(const Assignment &a)
{
    const std::map<std::string, double> offset = {{"full", 3.0},    {"freeze", 2.0},  {"bitfit", 2.5},
                                                  {"lora", 0.5},    {"adalora", 1.0}, {"adapter", 4.0}};
    const auto kind = a.at("method.kind").get<std::string>();
    double y = offset.at(kind);
    EXPECT_EQ(a.contains("method.rank"), kind == "lora" || kind == "adalora");
    if (a.contains("method.rank")) {
        const double r = std::log2(number(a, "method.rank")) - 3;
        y += 0.3 * r * r;
    } else {
        y += 1.0;
    }
    const double l = std::log10(number(a, "optimizer.lr")) + 2.5;
    return y + l * l;
}

TEST(TpeSampler, BeatsRandomSearchAtTheSameBudget)
{
    struct Case {
        const char *name;
        const char *space;
        Objective1 f;
    };
    const std::vector<Case> cases = {
        {"shifted quadratic in log lr", kLrSpace, shiftedQuadratic},
        {"Branin", kBraninSpace, branin},
        {"categorical with a conditional rank", kMixedSpace, mixed},
    };
    // Not a lucky draw: over seeds 0..2047, every block of 64 consecutive seeds showed TPE
    // ahead on each objective (mean best TPE / random: 0.016 / 0.060, 0.75 / 1.45,
    // 0.69 / 0.96). With 16 seeds the means are still noisy enough for a block to lose.
    constexpr int kSeeds = 64;
    constexpr int kBudget = 50; // 10 random startup trials, then 40 guided
    for (const auto &c : cases) {
        SCOPED_TRACE(c.name);
        double tpe = 0, random = 0;
        for (int seed = 0; seed < kSeeds; ++seed) {
            tpe += bestAfter(tpeSweep(c.space, seed), c.f, kBudget) / kSeeds;
            random += bestAfter(tpeSweep(c.space, seed, "random"), c.f, kBudget) / kSeeds;
        }
        std::cout << c.name << ": mean best of " << kSeeds << " seeds after " << kBudget << " trials: tpe " << tpe
                  << ", random " << random << "\n";
        EXPECT_LT(tpe, random);
    }
}

TEST(TpeSampler, StartupTrialsAreTheRandomSequence)
{
    const auto spec = tpeSweep(kLrSpace, 4);
    TpeSampler sampler(spec.space, spec.strategy, spec.objective);
    std::vector<TrialRecord> history;
    for (int k = 0; k < 10; ++k) {
        const auto a = sampler.suggest(k, history);
        EXPECT_EQ(*a, RandomSampler::draw(spec.space, 4, k)) << k;
        history.push_back(finished(k, *a, shiftedQuadratic(*a)));
    }
    EXPECT_NE(*sampler.suggest(10, history), RandomSampler::draw(spec.space, 4, 10));
}

TEST(TpeSampler, SameSeedAndHistoryGiveTheSameSuggestion)
{
    const auto spec = tpeSweep(kMixedSpace, 2);
    std::vector<TrialRecord> history;
    for (int k = 0; k < 15; ++k) {
        const auto a = RandomSampler::draw(spec.space, 99, k);
        history.push_back(finished(k, a, mixed(a)));
    }
    TpeSampler one(spec.space, spec.strategy, spec.objective);
    TpeSampler other(spec.space, spec.strategy, spec.objective);
    for (int k = 15; k < 20; ++k)
        EXPECT_EQ(*one.suggest(k, history), *other.suggest(k, history));
    const auto reseeded = tpeSweep(kMixedSpace, 3);
    TpeSampler third(reseeded.space, reseeded.strategy, reseeded.objective);
    EXPECT_NE(*one.suggest(15, history), *third.suggest(15, history));
}

TEST(TpeSampler, FailedTrialsAreNotObservations)
{
    const auto spec = tpeSweep(kLrSpace, 1);
    TpeSampler sampler(spec.space, spec.strategy, spec.objective);
    std::vector<TrialRecord> history;
    for (int k = 0; k < 15; ++k) {
        TrialRecord t = finished(k, RandomSampler::draw(spec.space, 1, k), 0.0);
        t.state = k % 2 ? TrialState::Failed : TrialState::Cancelled;
        history.push_back(t);
    }
    // Fifteen trials, none of them observed: still the startup phase.
    EXPECT_EQ(*sampler.suggest(15, history), RandomSampler::draw(spec.space, 1, 15));
}

// Pruned trials whose last values look excellent still rank below every finished
// trial, so TPE does not chase learning rates that were stopped early.
TEST(TpeSampler, PrunedTrialsCountAsWorseThanFinishedOnes)
{
    const auto spec = tpeSweep(R"({"optimizer.lr": {"log_uniform": [1e-6, 1]}})", 0);
    std::vector<TrialRecord> history;
    for (int i = 0; i < 10; ++i) // finished around 1e-3 .. 1e-1
        history.push_back(finished(i, {{"optimizer.lr", std::pow(10.0, -3 + 2.0 * i / 9)}}, 1.0 + 0.01 * i));
    for (int i = 0; i < 10; ++i) { // pruned around 1e-6 .. 1e-5, with "better" values
        TrialRecord t = finished(10 + i, {{"optimizer.lr", std::pow(10.0, -6 + 1.0 * i / 9)}}, 0.01);
        t.state = TrialState::Pruned;
        t.step = 50;
        t.intermediates[50] = 0.01;
        history.push_back(t);
    }
    TpeSampler sampler(spec.space, spec.strategy, spec.objective);
    int nearFinished = 0;
    for (int k = 20; k < 40; ++k)
        nearFinished += number(*sampler.suggest(k, history), "optimizer.lr") > 1e-4;
    EXPECT_GE(nearFinished, 16) << "of 20 suggestions";
}

TEST(TpeSampler, SuggestionsStayInsideTheirDomains)
{
    const auto spec = tpeSweep(kMixedSpace, 6);
    auto sampler = makeSampler(spec);
    std::vector<TrialRecord> history;
    for (int k = 0; k < 60; ++k) {
        const auto a = *sampler->suggest(k, history);
        ASSERT_TRUE(spec.space.find("optimizer.lr")->canTake(a.at("optimizer.lr")));
        if (a.contains("method.rank")) {
            ASSERT_TRUE(a.at("method.rank").is_number_integer());
            ASSERT_TRUE(spec.space.find("method.rank")->canTake(a.at("method.rank")));
        }
        history.push_back(finished(k, a, mixed(a)));
    }
}

} // namespace
} // namespace llmos
