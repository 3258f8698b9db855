#pragma once

#include <cstdint>

// Hand-written loops over one token's activations (fp32, CPU) for batch-1 decoding.
// At one row of a few hundred floats, the arithmetic of an RMSNorm, a rotary embedding or
// one query's attention takes less time than libtorch's dispatch and allocation of the
// handful of ops that express it; a decode step made of those ops spent more time
// dispatching than reading weights. The matrix-vector products are here too (matVecRows):
// see decodeteam.h for why.
//
// Each function matches the tensor expression it replaces (see llamamodel.cpp); the
// architecture tests compare the fast decode path with the general one.
namespace llmos::rowkernels {

// out = weight * x / sqrt(mean(x²) + eps), n values.
void rmsNorm(const float *x, const float *weight, float *out, std::int64_t n, double eps);

// Rotates `heads` consecutive vectors of headDim values in place, rotate-half layout
// (dimension i pairs with i + headDim/2): x' = x cos + rotate_half(x) sin.
void rotateHalf(float *x, const float *cos, const float *sin, std::int64_t heads, std::int64_t headDim);

// The cached keys and values of one sequence: element [h][t][d] is at
// base + h * headStride + t * headDim + d: each head's keys are consecutive rows.
struct CachedHeads {
    const float *keys;
    const float *values;
    std::int64_t headStride;
    std::int64_t tokens;
};

// Softmax attention of one query position over every cached token, for query heads
// [firstHead, endHead): q holds `heads` query vectors of headDim; query head h reads
// key/value head h / (heads / keyValueHeads) and writes headDim values at
// out + h * headDim. scratch needs `tokens` floats.
void attendOneQuery(const float *q, const CachedHeads &cache, std::int64_t heads, std::int64_t keyValueHeads,
                    std::int64_t headDim, std::int64_t firstHead, std::int64_t endHead, float *out, float *scratch);

// The sequences of one decode step on the row path: `count` rows, each with its rotary
// angles (headDim cos values, then headDim sin values) and the masked slots in front of
// its cached tokens (left padding of a batch whose sequences have different lengths).
struct DecodeRows {
    std::int64_t count = 1;
    const float *angles = nullptr; // count x 2 x headDim
    const std::int64_t *padding = nullptr; // count values; null: none
    std::int64_t headDim = 0;
    const float *cos(std::int64_t row) const { return angles + row * 2 * headDim; }
    const float *sin(std::int64_t row) const { return cos(row) + headDim; }
    std::int64_t pad(std::int64_t row) const { return padding ? padding[row] : 0; }
};

// out[i] = silu(gate[i]) * up[i]: SwiGLU, n values.
void siluGate(const float *gate, const float *up, float *out, std::int64_t n);

// y = W x (+ bias) (+ residual) with W row-major [rows, cols]; bias and residual may be
// null. out may be residual (an in-place residual add).
struct MatVec {
    const float *weight;
    std::int64_t cols;
    const float *x;
    const float *bias;
    const float *residual;
    float *out;
};

// Rows [begin, end) of the product. kMatVecRowsAtOnce rows at a time share each load of
// x, with independent accumulators; an AVX2/FMA version is chosen at run time where the
// CPU has it, a portable one (which the compiler vectorises for the baseline) elsewhere.
// Ranges that start at a multiple of kMatVecRowsAtOnce give every row the same rounding
// however the rows are split between threads.
void matVecRows(const MatVec &product, std::int64_t begin, std::int64_t end);
inline constexpr std::int64_t kMatVecRowsAtOnce = 4;

// The portable version alone, what matVecRows runs without AVX2; public for its tests.
void matVecRowsPortable(const MatVec &product, std::int64_t begin, std::int64_t end);

// out[d] = sum over t of weights[t] * rows[t * width + d], for d in [0, width): one
// query's attention output from its softmax weights and the cached values.
struct WeightedRows {
    const float *rows;
    const float *weights;
    std::int64_t count;
    std::int64_t width;
    float *out;
};

// An AVX2/FMA version where the CPU has it (as matVecRows), the portable one elsewhere.
// The AVX2 versions of both kernels return with the upper halves of the vector registers
// clear (vzeroupper): the SSE code that follows them would otherwise run many times slower.
void weightedRowSum(const WeightedRows &rows);
void weightedRowSumPortable(const WeightedRows &rows);

} // namespace llmos::rowkernels
