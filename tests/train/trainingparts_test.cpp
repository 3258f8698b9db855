// The pieces of the training loop on their own: learning-rate curves, data order,
// batches and classification metrics.

#include "training/classificationmetrics.h"
#include "training/dataorder.h"
#include "training/learningrateschedule.h"
#include "training/trainingbatch.h"

#include "errorof.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <set>

namespace llmos {
namespace {

ScheduleSettings schedule(const std::string &name, std::int64_t warmup)
{
    ScheduleSettings s;
    s.name = name;
    s.warmupSteps = warmup;
    return s;
}

TEST(LearningRateSchedule, WarmupRisesLinearlyFromZero)
{
    const LearningRateSchedule lr(schedule("constant", 4), 1.0, 10);
    EXPECT_DOUBLE_EQ(lr.at(0), 0.0);
    EXPECT_DOUBLE_EQ(lr.at(1), 0.25);
    EXPECT_DOUBLE_EQ(lr.at(3), 0.75);
    EXPECT_DOUBLE_EQ(lr.at(4), 1.0);
    EXPECT_DOUBLE_EQ(lr.at(9), 1.0);
}

TEST(LearningRateSchedule, LinearFallsToZeroAtTheLastStep)
{
    const LearningRateSchedule lr(schedule("linear", 2), 2.0, 10);
    EXPECT_DOUBLE_EQ(lr.at(2), 2.0);
    EXPECT_DOUBLE_EQ(lr.at(6), 1.0); // halfway through the 8 decay steps
    EXPECT_DOUBLE_EQ(lr.at(10), 0.0);
}

TEST(LearningRateSchedule, CosineIsHalfThePeakHalfwayAndZeroAtTheEnd)
{
    const LearningRateSchedule lr(schedule("cosine", 0), 1.0, 100);
    EXPECT_DOUBLE_EQ(lr.at(0), 1.0);
    EXPECT_NEAR(lr.at(50), 0.5, 1e-12);
    EXPECT_NEAR(lr.at(25), 0.5 * (1 + std::cos(M_PI / 4)), 1e-12);
    EXPECT_NEAR(lr.at(100), 0.0, 1e-12);
}

TEST(LearningRateSchedule, WarmupRatioRoundsUpAsTransformersDoes)
{
    ScheduleSettings s;
    s.name = "linear";
    s.warmupRatio = 0.1;
    EXPECT_EQ(LearningRateSchedule(s, 1.0, 25).warmupSteps(), 3);
}

TEST(DataOrder, EachEpochIsAPermutationThatDependsOnlyOnTheSeed)
{
    DataOrder order(10, 3, 42);
    ASSERT_EQ(order.batchesPerEpoch(), 4);
    std::vector<std::size_t> epoch0;
    std::vector<std::size_t> epoch1;
    for (std::int64_t b = 0; b < 4; ++b) {
        const auto first = order.batch(0, b);
        const auto second = order.batch(1, b);
        EXPECT_EQ(first.size(), b == 3 ? 1u : 3u);
        epoch0.insert(epoch0.end(), first.begin(), first.end());
        epoch1.insert(epoch1.end(), second.begin(), second.end());
    }
    auto sorted = epoch0;
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::size_t> all(10);
    std::iota(all.begin(), all.end(), std::size_t{0});
    EXPECT_EQ(sorted, all);
    EXPECT_NE(epoch0, epoch1);
    // Recomputed, not remembered: a fresh order (a resumed run) gives the same batches.
    DataOrder again(10, 3, 42);
    EXPECT_EQ(again.batch(1, 2), order.batch(1, 2));
    EXPECT_NE(DataOrder(10, 3, 43).batch(0, 0), DataOrder(10, 3, 42).batch(0, 0));
}

TEST(TrainingBatch, CausalBatchesPadRightAndCountOnlyShiftedLabels)
{
    TokenizedExample a{{5, 6, 7}, {kIgnoreLabel, 6, 7}, -1, 1};
    TokenizedExample b{{8}, {8}, -1, 2};
    const std::vector<const TokenizedExample *> examples{&a, &b};
    const auto batch = makeCausalLmBatch(examples, 0);
    EXPECT_TRUE(batch.ids.equal(torch::tensor({{5, 6, 7}, {8, 0, 0}}, torch::kInt64)));
    EXPECT_TRUE(batch.attentionMask.equal(torch::tensor({{1, 1, 1}, {1, 0, 0}}, torch::kInt64)));
    EXPECT_TRUE(batch.labels.equal(torch::tensor({{-100, 6, 7}, {8, -100, -100}}, torch::kInt64)));
    EXPECT_EQ(batch.realTokens, 4);
    EXPECT_EQ(batch.lossTerms, 2); // 6 and 7; the first token of each row is never predicted
}

TEST(TrainingBatch, BadExamplesNameTheirLine)
{
    TokenizedExample empty{{}, {}, -1, 9};
    const std::vector<const TokenizedExample *> examples{&empty};
    const auto e = test::errorOf([&] { makeCausalLmBatch(examples, 0); });
    EXPECT_EQ(e.where(), "dataset line 9");
    TokenizedExample unlabelled{{1, 2}, {}, -1, 4};
    const std::vector<const TokenizedExample *> noLabel{&unlabelled};
    EXPECT_EQ(test::errorOf([&] { makeClassificationBatch(noLabel, 0); }).where(), "dataset line 4");
}

TEST(ClassificationMetrics, AccuracyMacroF1AndConfusion)
{
    ClassificationMetrics m(3);
    // actual 0: 2 right, 1 called 1; actual 1: 1 right; actual 2: called 1.
    m.add(0, 0);
    m.add(0, 0);
    m.add(0, 1);
    m.add(1, 1);
    m.add(2, 1);
    EXPECT_DOUBLE_EQ(m.accuracy(), 3.0 / 5.0);
    // F1: label 0 = 2*2/(3+2) = 0.8; label 1 = 2*1/(1+3) = 0.5; label 2 = 0.
    EXPECT_NEAR(m.macroF1(), (0.8 + 0.5 + 0.0) / 3, 1e-12);
    EXPECT_EQ(m.confusion()[2][1], 1);
    EXPECT_EQ(m.total(), 5);
}

} // namespace
} // namespace llmos
