#include "datasets/datasetsplit.h"

#include <gtest/gtest.h>

using namespace llmos;

TEST(DatasetSplit, SplitMix64MatchesTheReferenceSequence)
{
    // First outputs of the reference splitmix64.c for seed 0.
    SplitMix64 random(0);
    EXPECT_EQ(random.next(), 0xe220a8397b1dcdafull);
    EXPECT_EQ(random.next(), 0x6e789e6aa1b965f4ull);
}

TEST(DatasetSplit, FixedIndicesForASeed)
{
    // Fixed here so a change of algorithm or platform that moves examples between
    // train and validation is caught.
    const DatasetSplit split = splitDataset(10, 0.3, 42);
    EXPECT_EQ(split.validation, (std::vector<std::size_t>{3, 6, 8}));
    EXPECT_EQ(split.train.size(), 7u);
    const DatasetSplit again = splitDataset(10, 0.3, 42);
    EXPECT_EQ(split.validation, again.validation);
    EXPECT_EQ(split.train, again.train);
    EXPECT_NE(splitDataset(10, 0.3, 43).validation, split.validation);
}

TEST(DatasetSplit, EdgesKeepTrainingDataAndRefuseBadFractions)
{
    EXPECT_EQ(splitDataset(1, 0.5, 1).train.size(), 1u);
    EXPECT_EQ(splitDataset(2, 0.01, 1).validation.size(), 1u);
    EXPECT_EQ(splitDataset(5, 0.0, 1).validation.size(), 0u);
    EXPECT_EQ(splitDataset(3, 0.99, 1).train.size(), 1u);
    EXPECT_THROW(splitDataset(5, 1.0, 1), std::exception);
    EXPECT_THROW(splitDataset(5, -0.1, 1), std::exception);
}

TEST(DatasetSplit, BelowIsInRangeAndCoversIt)
{
    SplitMix64 random(7);
    std::vector<int> seen(5);
    for (int i = 0; i < 1000; ++i) {
        const auto value = random.below(5);
        ASSERT_LT(value, 5u);
        ++seen[value];
    }
    for (int count : seen) EXPECT_GT(count, 150);
}
