// The batch-1 matrix-vector products (architectures/decodeteam.h and
// rowkernels::matVecRows) against torch::mv: shapes that are not a multiple of the four
// rows or sixteen columns the kernel takes at a time, one row, one column, bias and
// residual, any team size; and what falls back to torch. The weighted row sum of
// attention (rowkernels::weightedRowSum) against torch::mv of the transposed rows. Both
// kernels' AVX2 versions must leave the vector registers' upper halves clear.
#include "architectures/decodeteam.h"
#include "architectures/rowkernels.h"
#include "rowpathtesting.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <atomic>
#include <optional>
#include <cstdint>
#include <string>


using namespace llmos;
using test::maxAbsDifference;
using test::TorchThreads;
#if defined(__x86_64__)
using test::upperVectorStateInUse;
#endif

namespace {

constexpr double kTolerance = 1e-5;

struct Operands {
    torch::Tensor weight, x, bias, residual;

    Operands(std::int64_t rows, std::int64_t cols, std::uint64_t seed = 1)
    {
        torch::manual_seed(seed);
        weight = torch::randn({rows, cols});
        x = torch::randn({cols});
        bias = torch::randn({rows});
        residual = torch::randn({rows});
    }

    // What the product should be, in double.
    torch::Tensor expected(bool withBias, bool withResidual) const
    {
        auto y = torch::mv(weight.to(torch::kDouble), x.to(torch::kDouble));
        if (withBias)
            y += bias.to(torch::kDouble);
        if (withResidual)
            y += residual.to(torch::kDouble);
        return y;
    }
};

using Kernel = void (*)(const rowkernels::MatVec &, std::int64_t, std::int64_t);

void expectKernelMatchesMv(Kernel kernel, const std::string &name)
{
    for (const std::int64_t rows : {1, 3, 4, 5, 9, 33})
        for (const std::int64_t cols : {1, 7, 15, 16, 17, 40, 384})
            for (const bool withBias : {false, true})
                for (const bool withResidual : {false, true}) {
                    const Operands o(rows, cols);
                    auto out = torch::full({rows}, 12345.0f);
                    kernel({o.weight.data_ptr<float>(), cols, o.x.data_ptr<float>(),
                            withBias ? o.bias.data_ptr<float>() : nullptr,
                            withResidual ? o.residual.data_ptr<float>() : nullptr, out.data_ptr<float>()},
                           0, rows);
                    EXPECT_LT(maxAbsDifference(out, o.expected(withBias, withResidual)), kTolerance)
                        << name << " " << rows << "x" << cols << " bias " << withBias << " residual " << withResidual;
                }
}

using WeightedKernel = void (*)(const rowkernels::WeightedRows &);

void expectWeightedRowSumMatchesMv(WeightedKernel kernel, const std::string &name)
{
    for (const std::int64_t count : {1, 2, 7, 130})
        for (const std::int64_t width : {1, 5, 8, 31, 32, 40, 64, 128}) {
            torch::manual_seed(count * 1000 + width);
            const auto rows = torch::randn({count, width});
            const auto weights = torch::softmax(torch::randn({count}), 0);
            auto out = torch::full({width}, 12345.0f);
            kernel({rows.data_ptr<float>(), weights.data_ptr<float>(), count, width, out.data_ptr<float>()});
            const auto want = torch::mv(rows.t().to(torch::kDouble), weights.to(torch::kDouble));
            EXPECT_LT(maxAbsDifference(out, want), kTolerance) << name << " " << count << " rows of " << width;
        }
}

} // namespace

TEST(MatVecKernel, DispatchedKernelMatchesMvOnOddShapes)
{
    expectKernelMatchesMv(rowkernels::matVecRows, "dispatched");
}

TEST(MatVecKernel, PortableKernelMatchesMvOnOddShapes)
{
    expectKernelMatchesMv(rowkernels::matVecRowsPortable, "portable");
}

TEST(MatVecKernel, WritesOnlyTheRowsAskedFor)
{
    const Operands o(13, 37);
    auto out = torch::zeros({13});
    rowkernels::matVecRows({o.weight.data_ptr<float>(), 37, o.x.data_ptr<float>(), nullptr, nullptr,
                            out.data_ptr<float>()},
                           2, 11);
    const auto want = o.expected(false, false);
    EXPECT_LT(maxAbsDifference(out.narrow(0, 2, 9), want.narrow(0, 2, 9)), kTolerance);
    EXPECT_EQ(out.narrow(0, 0, 2).abs().sum().item<float>(), 0.0f);
    EXPECT_EQ(out.narrow(0, 11, 2).abs().sum().item<float>(), 0.0f);
}

// The residual add may write over the residual itself, as decoder layers do.
TEST(MatVecKernel, OutputMayBeTheResidual)
{
    const Operands o(21, 50);
    const auto want = o.expected(true, true);
    auto inPlace = o.residual.clone();
    rowkernels::matVecRows({o.weight.data_ptr<float>(), 50, o.x.data_ptr<float>(), o.bias.data_ptr<float>(),
                            inPlace.data_ptr<float>(), inPlace.data_ptr<float>()},
                           0, 21);
    EXPECT_LT(maxAbsDifference(inPlace, want), kTolerance);
}

// Chunks start at multiples of four rows, so every row takes the same path through the
// kernel whatever the team size: results are identical, not merely close.
TEST(DecodeTeam, OneTwoAndThreeThreadsGiveTheSameResult)
{
    DecodeTeam team;
    for (const std::int64_t rows : {1, 5, 255, 1030, 16387}) {
        const Operands o(rows, 97);
        torch::Tensor first;
        for (const int threads : {1, 2, 3}) {
            TorchThreads scope(threads);
            const auto y = team.multiply(o.weight, o.x, o.bias, o.residual);
            EXPECT_EQ(team.threads(), threads);
            ASSERT_EQ(y.sizes(), torch::IntArrayRef({rows}));
            EXPECT_LT(maxAbsDifference(y, o.expected(true, true)), 1e-4) << rows << " rows, " << threads << " threads";
            if (!first.defined())
                first = y;
            else
                EXPECT_TRUE(torch::equal(y, first)) << rows << " rows, " << threads << " threads";
        }
    }
}

TEST(DecodeTeam, ForRowsCoversEveryRowOnceInChunksOfTheMultiple)
{
    DecodeTeam team;
    TorchThreads scope(3);
    for (const std::int64_t multiple : {1, 4})
        for (const std::int64_t rows : {1, 4, 63, 4097}) {
            auto counts = torch::zeros({rows}, torch::kInt);
            int *count = counts.data_ptr<int>();
            std::atomic<bool> aligned{true};
            team.forRows(rows, 32, multiple, [&](std::int64_t begin, std::int64_t end) {
                if (begin % multiple != 0)
                    aligned = false;
                for (auto r = begin; r < end; ++r)
                    ++count[r];
            });
            EXPECT_TRUE(torch::equal(counts, torch::ones({rows}, torch::kInt))) << rows << " rows";
            EXPECT_TRUE(aligned.load()) << rows << " rows, multiple " << multiple;
        }
}

TEST(DecodeTeam, HandlesOnlyContiguousFp32CpuOperandsOfMatchingSizes)
{
    const Operands o(8, 6);
    EXPECT_TRUE(DecodeTeam::handles(o.weight, o.x, o.bias, o.residual));
    EXPECT_TRUE(DecodeTeam::handles(o.weight, o.x.view({1, 1, 6})));
    EXPECT_FALSE(DecodeTeam::handles(o.weight.to(torch::kDouble), o.x));
    EXPECT_FALSE(DecodeTeam::handles(o.weight.t(), torch::randn({8})));
    EXPECT_FALSE(DecodeTeam::handles(o.weight, torch::randn({7})));
    EXPECT_FALSE(DecodeTeam::handles(o.weight, o.x, torch::randn({7})));
    EXPECT_FALSE(DecodeTeam::handles(o.weight, torch::randn({12}).slice(0, 0, 12, 2)));
}

// What the kernel does not take still gets the right answer, from torch.
TEST(DecodeTeam, FallsBackToTorchForOtherOperands)
{
    DecodeTeam team;
    const Operands o(10, 12);
    const auto transposed = o.weight.t().contiguous().t(); // [10, 12], not contiguous
    ASSERT_FALSE(DecodeTeam::handles(transposed, o.x));
    EXPECT_LT(maxAbsDifference(team.multiply(transposed, o.x, o.bias, o.residual), o.expected(true, true)), 1e-4);
    const auto inDouble = team.multiply(o.weight.to(torch::kDouble), o.x.to(torch::kDouble));
    EXPECT_EQ(inDouble.scalar_type(), torch::kDouble);
    EXPECT_LT(maxAbsDifference(inDouble, o.expected(false, false)), 1e-10);
}

TEST(WeightedRowSum, DispatchedKernelMatchesMv)
{
    expectWeightedRowSumMatchesMv(rowkernels::weightedRowSum, "dispatched");
}

TEST(WeightedRowSum, PortableKernelMatchesMv)
{
    expectWeightedRowSumMatchesMv(rowkernels::weightedRowSumPortable, "portable");
}

// Left set, the upper halves make every later SSE instruction of the thread wait on them
// (measured: SwiGLU's loop 50x slower, a fifth of a decode step).
TEST(RowKernels, AvxKernelsLeaveTheUpperVectorStateClear)
{
#if defined(__x86_64__)
    const auto before = upperVectorStateInUse();
    if (!before.has_value())
        GTEST_SKIP() << "this CPU does not report which vector state is in use (XGETBV 1)";
    const Operands o(64, 384);
    auto out = torch::empty({64});
    rowkernels::matVecRows({o.weight.data_ptr<float>(), 384, o.x.data_ptr<float>(), nullptr, nullptr,
                            out.data_ptr<float>()},
                           0, 64);
    EXPECT_EQ(upperVectorStateInUse(), false) << "after matVecRows";
    auto sum = torch::empty({384});
    rowkernels::weightedRowSum({o.weight.data_ptr<float>(), o.bias.data_ptr<float>(), 64, 384, sum.data_ptr<float>()});
    EXPECT_EQ(upperVectorStateInUse(), false) << "after weightedRowSum";
#else
    GTEST_SKIP() << "x86-64 only";
#endif
}
