// The weight-only quantized matrix-vector kernels (architectures/quantizedkernels.h), the
// dispatched one (AVX2/FMA where the CPU has it) and the portable one, against torch::mv in
// double of the dequantized weights: int8 with one scale per row, int4 with one scale per
// group, on shapes that are not a multiple of the rows and columns the kernels take at a
// time, with and without bias and residual, the residual added in place; a row's value
// must not depend on how the rows are split between calls (threads).
#include "architectures/quantizedkernels.h"
#include "rowpathtesting.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>


using namespace llmos;
using rowkernels::QuantizedFormat;
using rowkernels::QuantizedMatVec;
#if defined(__x86_64__)
using test::upperVectorStateInUse;
#endif

namespace {

// Relative to the row's sum of absolute terms: float rounding of up to 1024 products.
constexpr double kRelativeTolerance = 1e-4;

// Random quantized weights, built directly (random int8 values or random bytes, random
// positive scales), with the operands of a product and their dequantized weights in
// double, what the kernels must agree with.
struct Operands {
    QuantizedFormat format;
    std::int64_t rows, cols, group;
    torch::Tensor weight, scales, x, bias, residual;
    torch::Tensor dequantized; // double [rows, cols]

    Operands(QuantizedFormat format, std::int64_t rows, std::int64_t cols, std::int64_t group)
        : format(format)
        , rows(rows)
        , cols(cols)
        , group(group)
        , x(torch::randn({cols}))
        , bias(torch::randn({rows}))
        , residual(torch::randn({rows}))
    {
    }

    QuantizedMatVec product(bool withBias, bool withResidual, float *out) const
    {
        return {format,
                static_cast<const std::uint8_t *>(weight.data_ptr()),
                scales.data_ptr<float>(),
                cols,
                group,
                x.data_ptr<float>(),
                withBias ? bias.data_ptr<float>() : nullptr,
                withResidual ? residual.data_ptr<float>() : nullptr,
                out};
    }

    std::string describe() const
    {
        return (format == QuantizedFormat::Int8PerRow ? "int8 " : "int4 group " + std::to_string(group) + " ") +
               std::to_string(rows) + "x" + std::to_string(cols);
    }
};

Operands int8Operands(std::int64_t rows, std::int64_t cols)
{
    torch::manual_seed(1);
    Operands o(QuantizedFormat::Int8PerRow, rows, cols, 0);
    o.weight = torch::randint(-128, 128, {rows, cols}, torch::kInt8);
    o.scales = torch::rand({rows}) * 0.02 + 0.001;
    o.dequantized = o.weight.to(torch::kDouble) * o.scales.to(torch::kDouble).unsqueeze(1);
    return o;
}

// Byte j of a row holds column 2j in its low nibble and 2j + 1 in its high one, each
// stored as value + 8.
Operands int4Operands(std::int64_t rows, std::int64_t cols, std::int64_t group)
{
    torch::manual_seed(1);
    Operands o(QuantizedFormat::Int4Grouped, rows, cols, group);
    o.weight = torch::randint(0, 256, {rows, cols / 2}, torch::kUInt8);
    o.scales = torch::rand({rows, cols / group}) * 0.2 + 0.01;
    const auto bytes = o.weight.to(torch::kInt32);
    const auto low = torch::remainder(bytes, 16) - 8;
    const auto high = torch::div(bytes, 16, "floor") - 8;
    const auto values = torch::stack({low, high}, 2).reshape({rows, cols}).to(torch::kDouble);
    o.dequantized = values * o.scales.to(torch::kDouble).repeat_interleave(group, 1);
    return o;
}

// out against torch::mv in double, within kRelativeTolerance of each row's sum of
// absolute terms.
testing::AssertionResult matchesMv(const torch::Tensor &out, const Operands &o, bool withBias, bool withResidual)
{
    const auto x = o.x.to(torch::kDouble);
    auto want = torch::mv(o.dequantized, x);
    auto size = torch::mv(o.dequantized.abs(), x.abs());
    for (const auto &[added, term] : {std::pair{withBias, o.bias}, std::pair{withResidual, o.residual}})
        if (added) {
            want += term.to(torch::kDouble);
            size += term.to(torch::kDouble).abs();
        }
    const auto error = (out.to(torch::kDouble) - want).abs();
    if ((error <= kRelativeTolerance * size).all().item<bool>())
        return testing::AssertionSuccess();
    return testing::AssertionFailure() << o.describe() << " bias " << withBias << " residual " << withResidual
                                       << ": largest error " << error.max().item<double>() << ", rows' sizes up to "
                                       << size.max().item<double>();
}

using Kernel = void (*)(const QuantizedMatVec &, std::int64_t, std::int64_t);

void expectMatchesMv(Kernel kernel, const Operands &o, const std::string &name)
{
    for (const bool withBias : {false, true})
        for (const bool withResidual : {false, true}) {
            auto out = torch::full({o.rows}, 12345.0f);
            kernel(o.product(withBias, withResidual, out.data_ptr<float>()), 0, o.rows);
            EXPECT_TRUE(matchesMv(out, o, withBias, withResidual)) << name;
        }
}

const std::int64_t kRows[] = {1, 3, 4, 5, 33};

void expectInt8MatchesMv(Kernel kernel, const std::string &name)
{
    for (const auto rows : kRows)
        for (const std::int64_t cols : {1, 7, 16, 17, 40, 384})
            expectMatchesMv(kernel, int8Operands(rows, cols), name);
}

// Groups of 32, 64 and 128 columns (what the AVX2 kernel takes) and, where the AVX2 kernel
// falls back to the portable one, of 16 and 48.
void expectInt4MatchesMv(Kernel kernel, const std::string &name)
{
    for (const auto rows : kRows)
        for (const std::int64_t cols : {32, 64, 96, 384, 1024})
            for (const std::int64_t group : {16, 32, 48, 64, 128})
                if (cols % group == 0)
                    expectMatchesMv(kernel, int4Operands(rows, cols, group), name);
}

// Every split of the rows in two calls, [0, k) and [k, rows), gives the same floats as
// one call, and a call writes only its own rows.
void expectSplitsAgree(const Operands &o)
{
    auto whole = torch::empty({o.rows});
    rowkernels::quantizedMatVecRows(o.product(true, false, whole.data_ptr<float>()), 0, o.rows);
    for (std::int64_t k = 0; k <= o.rows; ++k) {
        auto split = torch::full({o.rows}, 12345.0f);
        rowkernels::quantizedMatVecRows(o.product(true, false, split.data_ptr<float>()), 0, k);
        EXPECT_TRUE(torch::all(split.slice(0, k) == 12345.0f).item<bool>()) << o.describe() << " wrote past row " << k;
        rowkernels::quantizedMatVecRows(o.product(true, false, split.data_ptr<float>()), k, o.rows);
        EXPECT_TRUE(torch::equal(split, whole)) << o.describe() << " split at row " << k;
    }
}

} // namespace

TEST(QuantizedKernel, DispatchedInt8MatchesMv)
{
    expectInt8MatchesMv(rowkernels::quantizedMatVecRows, "dispatched");
}

TEST(QuantizedKernel, PortableInt8MatchesMv)
{
    expectInt8MatchesMv(rowkernels::quantizedMatVecRowsPortable, "portable");
}

TEST(QuantizedKernel, DispatchedInt4MatchesMv)
{
    expectInt4MatchesMv(rowkernels::quantizedMatVecRows, "dispatched");
}

TEST(QuantizedKernel, PortableInt4MatchesMv)
{
    expectInt4MatchesMv(rowkernels::quantizedMatVecRowsPortable, "portable");
}

// The extremes of both formats: int8 -128 and 127, every int4 weight -8 or every one 7.
TEST(QuantizedKernel, ExtremeWeightsMatchMv)
{
    for (const int value : {-128, 127}) {
        auto o = int8Operands(5, 40);
        o.weight.fill_(value);
        o.dequantized = o.weight.to(torch::kDouble) * o.scales.to(torch::kDouble).unsqueeze(1);
        expectMatchesMv(rowkernels::quantizedMatVecRows, o, "int8 all " + std::to_string(value));
    }
    for (const int nibble : {0, 15}) {
        auto o = int4Operands(5, 128, 32);
        o.weight.fill_(nibble * 17);
        o.dequantized = torch::full({5, 128}, static_cast<double>(nibble - 8), torch::kDouble) *
                        o.scales.to(torch::kDouble).repeat_interleave(32, 1);
        expectMatchesMv(rowkernels::quantizedMatVecRows, o, "int4 all " + std::to_string(nibble - 8));
    }
}

TEST(QuantizedKernel, AddsTheResidualInPlace)
{
    for (const auto &o : {int8Operands(33, 40), int4Operands(33, 384, 64), int4Operands(33, 96, 48)})
        for (const Kernel kernel : {rowkernels::quantizedMatVecRows, rowkernels::quantizedMatVecRowsPortable}) {
            auto inPlace = o.residual.clone();
            auto product = o.product(true, false, inPlace.data_ptr<float>());
            product.residual = product.out;
            kernel(product, 0, o.rows);
            EXPECT_TRUE(matchesMv(inPlace, o, true, true));
        }
}

TEST(QuantizedKernel, RowsDoNotDependOnTheSplit)
{
    for (const std::int64_t cols : {7, 17, 40, 384})
        expectSplitsAgree(int8Operands(33, cols));
    for (const std::int64_t group : {32, 128})
        expectSplitsAgree(int4Operands(33, 384, group));
}

// Left set, the upper halves make every later SSE instruction of the thread wait on them
// (see rowkernels.cpp).
TEST(QuantizedKernel, LeavesTheUpperVectorStateClear)
{
#if defined(__x86_64__)
    if (!upperVectorStateInUse().has_value())
        GTEST_SKIP() << "this CPU does not report which vector state is in use (XGETBV 1)";
    for (const auto &o : {int8Operands(33, 40), int4Operands(33, 384, 64)}) {
        auto out = torch::empty({o.rows});
        rowkernels::quantizedMatVecRows(o.product(true, true, out.data_ptr<float>()), 0, o.rows);
        EXPECT_EQ(upperVectorStateInUse(), false) << o.describe();
    }
#else
    GTEST_SKIP() << "x86-64 only";
#endif
}
