// Batch-1 matrix-vector products at the shapes of a decode step of the benchmark's
// "small" model (hidden 384, intermediate 1024, vocab 16384): the decode team
// (architectures/decodeteam.h) against torch::mv (OpenBLAS with OpenMP), as weight bytes
// read per second, on 1 and 2 threads. Weights of a few MiB stay in the cache between
// iterations, which a decode step (64 MiB of weights) does not see; the last shape, 256
// MiB, shows what memory gives a read stream.
//   build/bin/bench_decode_team --benchmark_min_time=0.5
#include "architectures/decodeteam.h"

#include <benchmark/benchmark.h>
#include <torch/torch.h>

namespace {

using namespace llmos;

struct Product {
    torch::Tensor weight, x, out;
    explicit Product(const benchmark::State &state)
        : weight(torch::randn({state.range(0), state.range(1)}))
        , x(torch::randn({state.range(1)}))
        , out(torch::empty({state.range(0)}))
    {
        torch::set_num_threads(static_cast<int>(state.range(2)));
    }
    void count(benchmark::State &state) const
    {
        state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(weight.nbytes()));
    }
};

void decodeTeam(benchmark::State &state)
{
    torch::NoGradGuard noGrad;
    const Product p(state);
    DecodeTeam team;
    const rowkernels::MatVec product{p.weight.data_ptr<float>(), p.weight.size(1), p.x.data_ptr<float>(), nullptr,
                                     nullptr, p.out.data_ptr<float>()};
    for (auto _ : state) {
        team.multiply(product, p.weight.size(0));
        benchmark::ClobberMemory();
    }
    p.count(state);
}

// As a decode step sees them: enough copies of the matrix to fill 64 MiB, used in turn, so
// each product reads its weights from the last-level cache (or memory), not from L2.
void decodeTeamColdWeights(benchmark::State &state)
{
    torch::NoGradGuard noGrad;
    const Product p(state);
    const auto copies = std::max<std::int64_t>(1, (64 << 20) / static_cast<std::int64_t>(p.weight.nbytes()));
    const auto weights = p.weight.unsqueeze(0).repeat({copies, 1, 1}).contiguous();
    DecodeTeam team;
    std::int64_t next = 0;
    for (auto _ : state) {
        const rowkernels::MatVec product{weights[next].data_ptr<float>(), p.weight.size(1), p.x.data_ptr<float>(),
                                         nullptr, nullptr, p.out.data_ptr<float>()};
        team.multiply(product, p.weight.size(0));
        benchmark::ClobberMemory();
        next = (next + 1) % copies;
    }
    p.count(state);
}

void torchMv(benchmark::State &state)
{
    torch::NoGradGuard noGrad;
    Product p(state);
    for (auto _ : state) {
        torch::mv_out(p.out, p.weight, p.x);
        benchmark::ClobberMemory();
    }
    p.count(state);
}

// rows, cols (fused q/k/v, o_proj, fused gate/up, down_proj, LM head) x threads.
void decodeStepShapes(benchmark::internal::Benchmark *b)
{
    b->ArgNames({"rows", "cols", "threads"})->UseRealTime();
    b->ArgsProduct({{1152}, {384}, {1, 2}})->ArgsProduct({{384}, {384, 1024}, {1, 2}});
    b->ArgsProduct({{2048, 16384}, {384}, {1, 2}})->ArgsProduct({{65536}, {1024}, {1, 2}});
}

BENCHMARK(decodeTeam)->Apply(decodeStepShapes);
BENCHMARK(decodeTeamColdWeights)->Apply(decodeStepShapes);
BENCHMARK(torchMv)->Apply(decodeStepShapes);

} // namespace

BENCHMARK_MAIN();
