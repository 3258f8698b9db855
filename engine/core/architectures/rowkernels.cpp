#include "architectures/rowkernels.h"

#include <algorithm>
#include <cmath>

namespace llmos::rowkernels {

namespace {

// Eight running sums instead of one: a single float accumulator is a chain of dependent
// additions the compiler may not reorder (no -ffast-math), so it can neither vectorise nor
// pipeline it; eight independent lanes it can.
float dot(const float *a, const float *b, std::int64_t n)
{
    constexpr std::int64_t lanes = 8;
    float partial[lanes] = {};
    std::int64_t i = 0;
    for (; i + lanes <= n; i += lanes)
        for (std::int64_t j = 0; j < lanes; ++j)
            partial[j] += a[i + j] * b[i + j];
    float sum = 0;
    for (; i < n; ++i)
        sum += a[i] * b[i];
    for (float p : partial)
        sum += p;
    return sum;
}

} // namespace

void rmsNorm(const float *x, const float *weight, float *out, std::int64_t n, double eps)
{
    const float sumOfSquares = dot(x, x, n);
    const float scale = 1.0f / std::sqrt(sumOfSquares / static_cast<float>(n) + static_cast<float>(eps));
    for (std::int64_t i = 0; i < n; ++i)
        out[i] = weight[i] * (x[i] * scale);
}

void rotateHalf(float *x, const float *cos, const float *sin, std::int64_t heads, std::int64_t headDim)
{
    const auto half = headDim / 2;
    for (std::int64_t h = 0; h < heads; ++h) {
        float *v = x + h * headDim;
        for (std::int64_t i = 0; i < half; ++i) {
            const float first = v[i];
            const float second = v[i + half];
            v[i] = first * cos[i] - second * sin[i];
            v[i + half] = second * cos[i + half] + first * sin[i + half];
        }
    }
}

void attendOneQuery(const float *q, const CachedHeads &cache, std::int64_t heads, std::int64_t keyValueHeads,
                    std::int64_t headDim, float *out, float *scratch)
{
    const auto group = heads / keyValueHeads;
    const float scale = 1.0f / std::sqrt(static_cast<float>(headDim));
    for (std::int64_t h = 0; h < heads; ++h) {
        const float *query = q + h * headDim;
        const float *keys = cache.keys + (h / group) * cache.headStride;
        const float *values = cache.values + (h / group) * cache.headStride;
        float highest = -INFINITY;
        for (std::int64_t t = 0; t < cache.tokens; ++t) {
            scratch[t] = dot(query, keys + t * cache.tokenStride, headDim) * scale;
            highest = std::max(highest, scratch[t]);
        }
        float total = 0;
        for (std::int64_t t = 0; t < cache.tokens; ++t) {
            scratch[t] = std::exp(scratch[t] - highest);
            total += scratch[t];
        }
        float *o = out + h * headDim;
        std::fill(o, o + headDim, 0.0f);
        for (std::int64_t t = 0; t < cache.tokens; ++t) {
            const float weight = scratch[t] / total;
            const float *value = values + t * cache.tokenStride;
            for (std::int64_t d = 0; d < headDim; ++d)
                o[d] += weight * value[d];
        }
    }
}

void siluGate(const float *gateUp, float *out, std::int64_t n)
{
    const float *up = gateUp + n;
    for (std::int64_t i = 0; i < n; ++i) {
        const float g = gateUp[i];
        out[i] = g / (1.0f + std::exp(-g)) * up[i];
    }
}

} // namespace llmos::rowkernels
