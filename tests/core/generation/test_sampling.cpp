// TokenSampler: each option does what Hugging Face's logits processors do, and a seed
// fixes the draws.
#include "generation/tokensampler.h"
#include "util/error.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <vector>

using namespace llmos;

namespace {

std::vector<float> logitsOf(const std::vector<double> &probabilities)
{
    std::vector<float> logits;
    for (double p : probabilities)
        logits.push_back(p > 0 ? static_cast<float>(std::log(p)) : -INFINITY);
    return logits;
}

// Frequency of each token over `draws` samples from the same logits.
std::map<std::int32_t, double> frequencies(const SamplingOptions &options, const std::vector<double> &probabilities,
                                           int draws = 20000)
{
    TokenSampler sampler(options, 0);
    std::map<std::int32_t, double> counts;
    for (int i = 0; i < draws; ++i) {
        auto logits = logitsOf(probabilities);
        counts[sampler.next(logits, {})] += 1.0 / draws;
    }
    return counts;
}

SamplingOptions seeded(std::uint64_t seed = 42)
{
    SamplingOptions options;
    options.seed = seed;
    return options;
}

const std::vector<double> kFive{0.4, 0.25, 0.2, 0.1, 0.05};

} // namespace

TEST(TokenSampler, GreedyTakesTheFirstLargestLogit)
{
    SamplingOptions options;
    options.temperature = 0;
    TokenSampler sampler(options, 1);
    std::vector<float> logits{0.1f, 2.0f, -1.0f, 2.0f};
    EXPECT_EQ(sampler.next(logits, {}), 1);
}

// Vocabulary-sized rows: the maximum in any lane or in the tail past the last multiple of
// eight, ties across lanes, NaN ignored.
TEST(TokenSampler, GreedyOnLongRowsIsTheFirstMaximumIgnoringNaN)
{
    SamplingOptions options;
    options.temperature = 0;
    TokenSampler sampler(options, 1);
    std::mt19937 random(7);
    std::normal_distribution<float> normal;
    for (const std::size_t size : {1u, 7u, 8u, 9u, 37u, 16384u})
        for (std::size_t at = 0; at < size; at += std::max<std::size_t>(1, size / 5)) {
            std::vector<float> logits(size);
            for (auto &logit : logits)
                logit = normal(random);
            logits[at] = 100;
            if (at + 3 < size)
                logits[at + 3] = 100; // a later tie loses
            if (at > 0)
                logits[at - 1] = std::numeric_limits<float>::quiet_NaN();
            EXPECT_EQ(sampler.next(logits, {}), static_cast<std::int32_t>(at)) << size << " logits, maximum at " << at;
        }
}

TEST(TokenSampler, PlainSamplingFollowsTheModelsProbabilities)
{
    const auto f = frequencies(seeded(), kFive);
    for (std::size_t i = 0; i < kFive.size(); ++i)
        EXPECT_NEAR(f.count(static_cast<std::int32_t>(i)) ? f.at(static_cast<std::int32_t>(i)) : 0, kFive[i], 0.015)
            << "token " << i;
}

TEST(TokenSampler, TemperatureSharpensOrFlattens)
{
    auto options = seeded();
    options.temperature = 0.5; // p^2, renormalised: 0.16, 0.0625 -> the top token gains
    const auto sharp = frequencies(options, kFive);
    double norm = 0;
    for (double p : kFive)
        norm += p * p;
    EXPECT_NEAR(sharp.at(0), 0.16 / norm, 0.015);
    options.temperature = 4.0;
    const auto flat = frequencies(options, kFive);
    EXPECT_LT(flat.at(0), 0.3);
    EXPECT_GT(flat.at(4), 0.1);
}

TEST(TokenSampler, TopKKeepsOnlyTheKMostLikely)
{
    auto options = seeded();
    options.topK = 2;
    const auto f = frequencies(options, kFive);
    EXPECT_EQ(f.size(), 2u);
    EXPECT_NEAR(f.at(0), 0.4 / 0.65, 0.015);
    EXPECT_NEAR(f.at(1), 0.25 / 0.65, 0.015);
}

TEST(TokenSampler, TopPKeepsTheSmallestSetReachingP)
{
    auto options = seeded();
    options.topP = 0.6; // 0.4 < 0.6 <= 0.65: tokens 0 and 1
    auto f = frequencies(options, kFive);
    EXPECT_EQ(f.size(), 2u);
    options.topP = 0.3; // the top token alone already reaches it
    f = frequencies(options, kFive);
    EXPECT_EQ(f.size(), 1u);
    EXPECT_EQ(f.begin()->first, 0);
}

TEST(TokenSampler, MinPDropsTokensFarBelowTheTop)
{
    auto options = seeded();
    options.minP = 0.45; // keep p >= 0.18: tokens 0, 1, 2
    const auto f = frequencies(options, kFive);
    EXPECT_EQ(f.size(), 3u);
    EXPECT_NEAR(f.at(2), 0.2 / 0.85, 0.015);
}

TEST(TokenSampler, RepetitionPenaltyDividesPositiveAndMultipliesNegativeLogits)
{
    SamplingOptions options;
    options.temperature = 0;
    options.repetitionPenalty = 2.0;
    TokenSampler sampler(options, 1);
    std::vector<float> logits{3.0f, 2.0f, -1.0f};
    const std::vector<std::int32_t> history{0, 0, 2}; // repeated ids are penalised once
    EXPECT_EQ(sampler.next(logits, history), 1);
    EXPECT_FLOAT_EQ(logits[0], 1.5f);
    EXPECT_FLOAT_EQ(logits[1], 2.0f);
    EXPECT_FLOAT_EQ(logits[2], -2.0f);
}

TEST(TokenSampler, TheSameSeedGivesTheSameDraws)
{
    auto draws = [](std::uint64_t seed) {
        TokenSampler sampler(seeded(seed), 0);
        std::vector<std::int32_t> out;
        for (int i = 0; i < 50; ++i) {
            auto logits = logitsOf(kFive);
            out.push_back(sampler.next(logits, {}));
        }
        return out;
    };
    EXPECT_EQ(draws(7), draws(7));
    EXPECT_NE(draws(7), draws(8));
    // Without a seed the fallback is used and reported, so the run can be repeated.
    TokenSampler unseeded(SamplingOptions{}, 1234);
    EXPECT_EQ(unseeded.seed(), 1234u);
}

TEST(TokenSampler, NanLogitsAreNeverChosen)
{
    TokenSampler sampler(seeded(), 0);
    for (int i = 0; i < 200; ++i) {
        std::vector<float> logits{NAN, 0.0f, NAN, 0.0f};
        const auto id = sampler.next(logits, {});
        EXPECT_TRUE(id == 1 || id == 3) << id;
    }
}

TEST(TokenSampler, RefusesOptionsOutsideTheirRanges)
{
    auto refused = [](auto change) {
        SamplingOptions options;
        change(options);
        try {
            validateSamplingOptions(options);
        } catch (const Error &e) {
            EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
            return e.where();
        }
        return std::string("accepted");
    };
    EXPECT_EQ(refused([](SamplingOptions &o) { o.temperature = -1; }), "temperature");
    EXPECT_EQ(refused([](SamplingOptions &o) { o.temperature = NAN; }), "temperature");
    EXPECT_EQ(refused([](SamplingOptions &o) { o.topK = -3; }), "top_k");
    EXPECT_EQ(refused([](SamplingOptions &o) { o.topP = 0; }), "top_p");
    EXPECT_EQ(refused([](SamplingOptions &o) { o.topP = 1.5; }), "top_p");
    EXPECT_EQ(refused([](SamplingOptions &o) { o.minP = -0.1; }), "min_p");
    EXPECT_EQ(refused([](SamplingOptions &o) { o.repetitionPenalty = 0; }), "repetition_penalty");
    EXPECT_EQ(refused([](SamplingOptions &) {}), "accepted");
}
