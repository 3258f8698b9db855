#include "util/halffloat.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace llmos;

TEST(HalfFloat, EveryHalfRoundTripsThroughFloat)
{
    for (std::uint32_t h = 0; h < 0x10000; ++h) {
        const float f = halfToFloat(static_cast<std::uint16_t>(h));
        if (std::isnan(f))
            continue;
        EXPECT_EQ(floatToHalf(f), h) << std::hex << h;
    }
}

TEST(HalfFloat, KnownValuesAndRounding)
{
    EXPECT_EQ(floatToHalf(1.0f), 0x3c00);
    EXPECT_EQ(floatToHalf(-2.0f), 0xc000);
    EXPECT_EQ(floatToHalf(65504.0f), 0x7bff);
    EXPECT_EQ(floatToHalf(65520.0f), 0x7c00); // rounds to infinity
    EXPECT_EQ(floatToHalf(std::numeric_limits<float>::infinity()), 0x7c00);
    EXPECT_EQ(floatToHalf(5.960464477539063e-08f), 0x0001); // smallest subnormal
    EXPECT_EQ(floatToHalf(1.0f + 1.0f / 2048), 0x3c00);     // tie to even
    EXPECT_EQ(floatToHalf(1.0f + 3.0f / 2048), 0x3c02);
    EXPECT_TRUE(std::isnan(halfToFloat(floatToHalf(std::nanf("")))));
}

TEST(HalfFloat, Bfloat16)
{
    EXPECT_EQ(floatToBf16(1.0f), 0x3f80);
    EXPECT_EQ(bf16ToFloat(0x3f80), 1.0f);
    EXPECT_EQ(floatToBf16(1.00390625f), 0x3f80); // tie to even
    EXPECT_TRUE(std::isnan(bf16ToFloat(floatToBf16(std::nanf("")))));
}
