// Random search: seeded, trial k's draw depends on (seed, k) alone, values inside their
// domains, log scales spread over decades, whole numbers stay whole.

#include "sweep/randomdraws.h"
#include "sweep/randomsampler.h"

#include "sweeptestutil.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

namespace llmos {
namespace {

SweepSpec randomSweep(std::uint64_t seed)
{
    return test::parseSweep(R"("space": {
        "optimizer.lr": {"log_uniform": [1e-5, 1e-1]},
        "method.kind": {"choice": ["lora", "full"]},
        "method.rank": {"int": [4, 32], "log": true, "when": {"method.kind": ["lora"]}},
        "method.dropout": {"uniform": [0.0, 0.3], "when": {"method.kind": ["lora"]}},
        "training.batch_size": [8, 16, 32]},
      "strategy": {"kind": "random", "seed": )"
                            + std::to_string(seed) + R"(}, "budget": {"max_trials": 100})");
}

std::vector<Assignment> draws(const SweepSpec &spec, int count, const std::vector<TrialRecord> &history = {})
{
    RandomSampler sampler(spec.space, spec.strategy.seed);
    std::vector<Assignment> out;
    for (int k = 0; k < count; ++k)
        out.push_back(*sampler.suggest(k, history));
    return out;
}

TEST(RandomSampler, SameSeedSameSequenceOtherSeedAnother)
{
    const auto a = draws(randomSweep(0), 50);
    EXPECT_EQ(a, draws(randomSweep(0), 50));
    const auto b = draws(randomSweep(1), 50);
    int same = 0;
    for (int k = 0; k < 50; ++k)
        same += a[k] == b[k];
    EXPECT_EQ(same, 0);
}

TEST(RandomSampler, TrialKDependsOnlyOnSeedAndK)
{
    const auto spec = randomSweep(3);
    RandomSampler sampler(spec.space, spec.strategy.seed);
    const auto fresh = *sampler.suggest(17, {});
    // Whatever happened before (a resumed sweep with results) changes nothing.
    std::vector<TrialRecord> history(17);
    for (int i = 0; i < 17; ++i) {
        history[i].number = i;
        history[i].state = TrialState::Succeeded;
        history[i].objective = i * 0.1;
    }
    EXPECT_EQ(*sampler.suggest(17, history), fresh);
    EXPECT_EQ(RandomSampler::draw(spec.space, 3, 17), fresh);
}

// The draws are written out on SplitMix64, so the first suggestions are the same with
// every compiler and standard library: pinned here.
TEST(RandomSampler, SequenceIsPinned)
{
    SplitMix64 random(drawSeed(0, 0, "optimizer.lr"));
    const double u = uniformUnit(random);
    SplitMix64 again(drawSeed(0, 0, "optimizer.lr"));
    EXPECT_EQ(again.next() >> 11, static_cast<std::uint64_t>(u * 0x1.0p53));
    EXPECT_EQ(drawSeed(0, 0, "optimizer.lr"), drawSeed(0, 0, "optimizer.lr"));
    EXPECT_NE(drawSeed(0, 0, "optimizer.lr"), drawSeed(0, 1, "optimizer.lr"));
    EXPECT_NE(drawSeed(0, 0, "optimizer.lr"), drawSeed(1, 0, "optimizer.lr"));
    EXPECT_NE(drawSeed(0, 0, "optimizer.lr"), drawSeed(0, 0, "optimizer.eps"));
    const auto first = draws(randomSweep(0), 3);
    EXPECT_EQ(assignmentKey(first[0]),
              R"({"method.kind":"full","optimizer.lr":0.026156161431197086,"training.batch_size":32})");
}

TEST(RandomSampler, ValuesStayInsideTheirDomains)
{
    const auto all = draws(randomSweep(5), 2000);
    std::map<std::int64_t, int> ranks;
    std::map<std::int64_t, int> batches;
    int lora = 0;
    for (const auto &a : all) {
        const double lr = a.at("optimizer.lr").get<double>();
        EXPECT_GE(lr, 1e-5);
        EXPECT_LE(lr, 1e-1);
        const bool isLora = a.at("method.kind") == "lora";
        lora += isLora;
        EXPECT_EQ(a.contains("method.rank"), isLora);
        EXPECT_EQ(a.contains("method.dropout"), isLora);
        if (isLora) {
            ASSERT_TRUE(a.at("method.rank").is_number_integer()) << a.at("method.rank"); // an int, not 8.0
            const auto rank = a.at("method.rank").get<std::int64_t>();
            EXPECT_GE(rank, 4);
            EXPECT_LE(rank, 32);
            ++ranks[rank];
            const double dropout = a.at("method.dropout").get<double>();
            EXPECT_GE(dropout, 0.0);
            EXPECT_LE(dropout, 0.3);
        }
        ASSERT_TRUE(a.at("training.batch_size").is_number_integer());
        ++batches[a.at("training.batch_size").get<std::int64_t>()];
    }
    EXPECT_NEAR(lora, 1000, 100);
    EXPECT_EQ(batches.size(), 3u);
    for (const auto &[size, count] : batches)
        EXPECT_NEAR(count, 667, 100) << size;
    EXPECT_EQ(ranks.size(), 29u); // every whole number from 4 to 32 comes up
    // On a log scale small ranks are more likely than large ones: 4..7 cover as much of
    // log(rank) as 16..31.
    int small = 0, large = 0;
    for (const auto &[rank, count] : ranks) {
        if (rank < 8)
            small += count;
        else if (rank >= 16 && rank < 32)
            large += count;
    }
    EXPECT_NEAR(static_cast<double>(small) / large, 1.07, 0.25); // log(7.5/3.5) / log(31.5/15.5)
}

TEST(RandomSampler, LogUniformSpreadsEvenlyOverDecades)
{
    const auto all = draws(randomSweep(9), 4000);
    std::map<int, int> decades;
    for (const auto &a : all)
        ++decades[static_cast<int>(std::floor(std::log10(a.at("optimizer.lr").get<double>())))];
    ASSERT_EQ(decades.size(), 4u); // 1e-5.., 1e-4.., 1e-3.., 1e-2..
    for (const auto &[decade, count] : decades)
        EXPECT_NEAR(count, 1000, 120) << "decade 1e" << decade;
}

TEST(RandomSampler, UniformFillsItsInterval)
{
    const auto all = draws(randomSweep(11), 4000);
    int low = 0, high = 0, n = 0;
    for (const auto &a : all) {
        if (!a.contains("method.dropout"))
            continue;
        const double d = a.at("method.dropout").get<double>();
        low += d < 0.1;
        high += d >= 0.2;
        ++n;
    }
    EXPECT_NEAR(static_cast<double>(low) / n, 1.0 / 3, 0.05);
    EXPECT_NEAR(static_cast<double>(high) / n, 1.0 / 3, 0.05);
}

} // namespace
} // namespace llmos
