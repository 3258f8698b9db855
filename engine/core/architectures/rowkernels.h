#pragma once

#include <cstdint>

// Hand-written loops over one token's activations (fp32, CPU) for batch-1 decoding.
// At one row of a few hundred floats, the arithmetic of an RMSNorm, a rotary embedding or
// one query's attention takes less time than libtorch's dispatch and allocation of the
// handful of ops that express it; a decode step made of those ops spent more time
// dispatching than reading weights. The matrix-vector products stay in BLAS.
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
// base + h * headStride + t * tokenStride + d.
struct CachedHeads {
    const float *keys;
    const float *values;
    std::int64_t headStride;
    std::int64_t tokenStride;
    std::int64_t tokens;
};

// Softmax attention of one query position over every cached token: q holds `heads` query
// vectors of headDim; query head h reads key/value head h / (heads / keyValueHeads).
// out gets heads * headDim values; scratch needs `tokens` floats.
void attendOneQuery(const float *q, const CachedHeads &cache, std::int64_t heads, std::int64_t keyValueHeads,
                    std::int64_t headDim, float *out, float *scratch);

// out[i] = silu(gateUp[i]) * gateUp[n + i]: SwiGLU on the fused gate/up product.
void siluGate(const float *gateUp, float *out, std::int64_t n);

} // namespace llmos::rowkernels
