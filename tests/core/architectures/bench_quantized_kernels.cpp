// Batch-1 matrix-vector products on one thread at the shapes of a decode step of the
// benchmark's "small" model (hidden 384, intermediate 1024, vocab 16384), with fp32
// weights (rowkernels::matVecRows) and with weight-only quantized ones
// (rowkernels::quantizedMatVecRows: int8 per row, int4 in groups of 32). Reported as bytes
// read per second, each format's own (values and scales), and as weights per second
// (items), which compares the formats. Matrices of a few MiB or less stay in the cache
// between iterations; the LM head's (16384 x 384) is 24 MiB in fp32.
//   build/bin/bench_quantized_kernels --benchmark_min_time=0.3
#include "architectures/quantizedkernels.h"
#include "architectures/rowkernels.h"

#include <benchmark/benchmark.h>
#include <torch/torch.h>

#include <cstdint>

namespace {

using namespace llmos;

struct Shape {
    std::int64_t rows, cols;
    explicit Shape(const benchmark::State &state)
        : rows(state.range(0))
        , cols(state.range(1))
    {
    }
};

void count(benchmark::State &state, const Shape &shape, std::int64_t bytes)
{
    state.SetBytesProcessed(state.iterations() * bytes);
    state.SetItemsProcessed(state.iterations() * shape.rows * shape.cols);
}

void fp32(benchmark::State &state)
{
    const Shape shape(state);
    const auto weight = torch::randn({shape.rows, shape.cols});
    const auto x = torch::randn({shape.cols});
    auto out = torch::empty({shape.rows});
    const rowkernels::MatVec product{weight.data_ptr<float>(), shape.cols, x.data_ptr<float>(), nullptr, nullptr,
                                     out.data_ptr<float>()};
    for (auto _ : state) {
        rowkernels::matVecRows(product, 0, shape.rows);
        benchmark::ClobberMemory();
    }
    count(state, shape, static_cast<std::int64_t>(weight.nbytes()));
}

void quantized(benchmark::State &state, rowkernels::QuantizedFormat format, const torch::Tensor &values,
               const torch::Tensor &scales, std::int64_t group)
{
    const Shape shape(state);
    const auto x = torch::randn({shape.cols});
    auto out = torch::empty({shape.rows});
    const rowkernels::QuantizedMatVec product{format,
                                              static_cast<const std::uint8_t *>(values.data_ptr()),
                                              scales.data_ptr<float>(),
                                              shape.cols,
                                              group,
                                              x.data_ptr<float>(),
                                              nullptr,
                                              nullptr,
                                              out.data_ptr<float>()};
    for (auto _ : state) {
        rowkernels::quantizedMatVecRows(product, 0, shape.rows);
        benchmark::ClobberMemory();
    }
    count(state, shape, static_cast<std::int64_t>(values.nbytes() + scales.nbytes()));
}

void int8(benchmark::State &state)
{
    const Shape shape(state);
    quantized(state, rowkernels::QuantizedFormat::Int8PerRow,
              torch::randint(-128, 128, {shape.rows, shape.cols}, torch::kInt8), torch::rand({shape.rows}) * 0.01, 0);
}

void int4(benchmark::State &state)
{
    constexpr std::int64_t group = 32;
    const Shape shape(state);
    quantized(state, rowkernels::QuantizedFormat::Int4Grouped,
              torch::randint(0, 256, {shape.rows, shape.cols / 2}, torch::kUInt8),
              torch::rand({shape.rows, shape.cols / group}) * 0.1, group);
}

// rows, cols: q or o projection, gate or up projection, down projection, LM head.
void smallModelShapes(benchmark::internal::Benchmark *b)
{
    b->ArgNames({"rows", "cols"});
    b->Args({384, 384})->Args({1024, 384})->Args({384, 1024})->Args({16384, 384});
}

BENCHMARK(fp32)->Apply(smallModelShapes);
BENCHMARK(int8)->Apply(smallModelShapes);
BENCHMARK(int4)->Apply(smallModelShapes);

} // namespace

BENCHMARK_MAIN();
