#include "architectures/rowkernels.h"

#include <algorithm>
#include <cmath>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define LLMOS_X86_DISPATCH 1
#endif

// Compiles a loop twice, for x86-64-v3 (AVX2, FMA) and for the baseline, and lets the
// loader pick (GCC's target_clones, an ifunc: glibc on x86-64 only). The binary still
// runs on any x86-64 and on other architectures.
#if defined(__x86_64__) && defined(__linux__) && defined(__GNUC__)
#define LLMOS_AVX2_CLONE __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define LLMOS_AVX2_CLONE
#endif

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

// What a product row gets besides its dot product.
inline float finishRow(const MatVec &p, std::int64_t row, float sum)
{
    if (p.bias)
        sum += p.bias[row];
    if (p.residual)
        sum += p.residual[row];
    return sum;
}

// Columns [begin, end) of a weighted row sum, one column at a time over the rows.
void weightedRowSumColumns(const WeightedRows &w, std::int64_t begin, std::int64_t end)
{
    std::fill(w.out + begin, w.out + end, 0.0f);
    for (std::int64_t t = 0; t < w.count; ++t) {
        const float weight = w.weights[t];
        const float *row = w.rows + t * w.width;
        for (std::int64_t d = begin; d < end; ++d)
            w.out[d] += weight * row[d];
    }
}

} // namespace

void matVecRowsPortable(const MatVec &p, std::int64_t begin, std::int64_t end)
{
    for (std::int64_t r = begin; r < end; ++r)
        p.out[r] = finishRow(p, r, dot(p.weight + r * p.cols, p.x, p.cols));
}

namespace {

#ifdef LLMOS_X86_DISPATCH

// Four rows at a time, each with two 8-float accumulators: the eight FMAs of a step are
// independent, and each 16 floats of x are loaded once for four rows. The four sums are
// reduced together with horizontal adds.
__attribute__((target("avx2,fma"))) void matVecRowsAvx2(const MatVec &p, std::int64_t begin, std::int64_t end)
{
    const auto cols = p.cols;
    const auto wide = cols & ~std::int64_t(15);
    std::int64_t r = begin;
    for (; r + 4 <= end; r += 4) {
        const float *w0 = p.weight + r * cols;
        const float *w1 = w0 + cols;
        const float *w2 = w1 + cols;
        const float *w3 = w2 + cols;
        __m256 a0 = _mm256_setzero_ps(), b0 = _mm256_setzero_ps();
        __m256 a1 = _mm256_setzero_ps(), b1 = _mm256_setzero_ps();
        __m256 a2 = _mm256_setzero_ps(), b2 = _mm256_setzero_ps();
        __m256 a3 = _mm256_setzero_ps(), b3 = _mm256_setzero_ps();
        // While these four rows are read, ask for the next four (the same number of bytes,
        // 256 per step): the hardware prefetcher stops at each 4 KiB page and restarts
        // slowly, and a decode step's weights come from the last-level cache in runs of a
        // few hundred KiB. Measured +1-2% decode, +3-8% on bench_decode_team's
        // decodeTeamColdWeights. Past the matrix's end a prefetch reads, never faults.
        const char *next = reinterpret_cast<const char *>(w0 + 4 * cols);
        for (std::int64_t i = 0; i < wide; i += 16) {
            const char *ahead = next + i * 16;
            _mm_prefetch(ahead, _MM_HINT_T0);
            _mm_prefetch(ahead + 64, _MM_HINT_T0);
            _mm_prefetch(ahead + 128, _MM_HINT_T0);
            _mm_prefetch(ahead + 192, _MM_HINT_T0);
            const __m256 xa = _mm256_loadu_ps(p.x + i);
            const __m256 xb = _mm256_loadu_ps(p.x + i + 8);
            a0 = _mm256_fmadd_ps(_mm256_loadu_ps(w0 + i), xa, a0);
            b0 = _mm256_fmadd_ps(_mm256_loadu_ps(w0 + i + 8), xb, b0);
            a1 = _mm256_fmadd_ps(_mm256_loadu_ps(w1 + i), xa, a1);
            b1 = _mm256_fmadd_ps(_mm256_loadu_ps(w1 + i + 8), xb, b1);
            a2 = _mm256_fmadd_ps(_mm256_loadu_ps(w2 + i), xa, a2);
            b2 = _mm256_fmadd_ps(_mm256_loadu_ps(w2 + i + 8), xb, b2);
            a3 = _mm256_fmadd_ps(_mm256_loadu_ps(w3 + i), xa, a3);
            b3 = _mm256_fmadd_ps(_mm256_loadu_ps(w3 + i + 8), xb, b3);
        }
        // [s0 s1 s2 s3] from the four rows' accumulators.
        const __m256 pair01 = _mm256_hadd_ps(_mm256_add_ps(a0, b0), _mm256_add_ps(a1, b1));
        const __m256 pair23 = _mm256_hadd_ps(_mm256_add_ps(a2, b2), _mm256_add_ps(a3, b3));
        const __m256 quad = _mm256_hadd_ps(pair01, pair23);
        const __m128 sums = _mm_add_ps(_mm256_castps256_ps128(quad), _mm256_extractf128_ps(quad, 1));
        float sum[4];
        _mm_storeu_ps(sum, sums);
        for (std::int64_t i = wide; i < cols; ++i) {
            sum[0] += w0[i] * p.x[i];
            sum[1] += w1[i] * p.x[i];
            sum[2] += w2[i] * p.x[i];
            sum[3] += w3[i] * p.x[i];
        }
        for (int k = 0; k < 4; ++k)
            p.out[r + k] = finishRow(p, r + k, sum[k]);
    }
    // GCC does not insert vzeroupper for a function made AVX by a target attribute. Left
    // dirty, the upper halves of the ymm registers make every SSE instruction the thread
    // runs afterwards (the baseline build of the rest of the step, glibc's expf, libtorch)
    // wait on them: SwiGLU's scalar loop ran 50x slower, a fifth of a decode step.
    _mm256_zeroupper();
    matVecRowsPortable(p, r, end);
}

// Eight output columns in each of four accumulators, so one token's row is read 32
// floats at a time with four independent FMA chains; the columns past the last multiple
// of 8 go to the portable loop.
__attribute__((target("avx2,fma"))) void weightedRowSumAvx2(const WeightedRows &w)
{
    std::int64_t d = 0;
    for (; d + 32 <= w.width; d += 32) {
        __m256 s0 = _mm256_setzero_ps(), s1 = _mm256_setzero_ps();
        __m256 s2 = _mm256_setzero_ps(), s3 = _mm256_setzero_ps();
        const float *row = w.rows + d;
        for (std::int64_t t = 0; t < w.count; ++t, row += w.width) {
            const __m256 weight = _mm256_set1_ps(w.weights[t]);
            s0 = _mm256_fmadd_ps(_mm256_loadu_ps(row), weight, s0);
            s1 = _mm256_fmadd_ps(_mm256_loadu_ps(row + 8), weight, s1);
            s2 = _mm256_fmadd_ps(_mm256_loadu_ps(row + 16), weight, s2);
            s3 = _mm256_fmadd_ps(_mm256_loadu_ps(row + 24), weight, s3);
        }
        _mm256_storeu_ps(w.out + d, s0);
        _mm256_storeu_ps(w.out + d + 8, s1);
        _mm256_storeu_ps(w.out + d + 16, s2);
        _mm256_storeu_ps(w.out + d + 24, s3);
    }
    for (; d + 8 <= w.width; d += 8) {
        __m256 sum = _mm256_setzero_ps();
        const float *row = w.rows + d;
        for (std::int64_t t = 0; t < w.count; ++t, row += w.width)
            sum = _mm256_fmadd_ps(_mm256_loadu_ps(row), _mm256_set1_ps(w.weights[t]), sum);
        _mm256_storeu_ps(w.out + d, sum);
    }
    _mm256_zeroupper(); // see matVecRowsAvx2
    weightedRowSumColumns(w, d, w.width);
}

// The AVX2/FMA kernel where this CPU has both, else the portable one.
template <typename Kernel>
Kernel pickKernel(Kernel avx2, Kernel portable)
{
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? avx2 : portable;
}

#endif

} // namespace

void matVecRows(const MatVec &product, std::int64_t begin, std::int64_t end)
{
#ifdef LLMOS_X86_DISPATCH
    static const auto kernel = pickKernel(&matVecRowsAvx2, &matVecRowsPortable);
    kernel(product, begin, end);
#else
    matVecRowsPortable(product, begin, end);
#endif
}

void weightedRowSumPortable(const WeightedRows &rows)
{
    weightedRowSumColumns(rows, 0, rows.width);
}

void weightedRowSum(const WeightedRows &rows)
{
#ifdef LLMOS_X86_DISPATCH
    static const auto kernel = pickKernel(&weightedRowSumAvx2, &weightedRowSumPortable);
    kernel(rows);
#else
    weightedRowSumPortable(rows);
#endif
}

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

LLMOS_AVX2_CLONE void attendOneQuery(const float *q, const CachedHeads &cache, std::int64_t heads,
                                     std::int64_t keyValueHeads, std::int64_t headDim, std::int64_t firstHead,
                                     std::int64_t endHead, float *out, float *scratch)
{
    const auto group = heads / keyValueHeads;
    const float scale = 1.0f / std::sqrt(static_cast<float>(headDim));
    for (std::int64_t h = firstHead; h < endHead; ++h) {
        const float *query = q + h * headDim;
        const float *keys = cache.keys + (h / group) * cache.headStride;
        const float *values = cache.values + (h / group) * cache.headStride;
        // The scores are a matrix-vector product of the head's keys with the query.
        matVecRows({keys, headDim, query, nullptr, nullptr, scratch}, 0, cache.tokens);
        float highest = -INFINITY;
        for (std::int64_t t = 0; t < cache.tokens; ++t)
            highest = std::max(highest, scratch[t]);
        float total = 0;
        for (std::int64_t t = 0; t < cache.tokens; ++t) {
            scratch[t] = std::exp((scratch[t] - highest) * scale);
            total += scratch[t];
        }
        for (std::int64_t t = 0; t < cache.tokens; ++t)
            scratch[t] /= total;
        weightedRowSum({values, scratch, cache.tokens, headDim, out + h * headDim});
    }
}

void siluGate(const float *gate, const float *up, float *out, std::int64_t n)
{
    for (std::int64_t i = 0; i < n; ++i) {
        const float g = gate[i];
        out[i] = g / (1.0f + std::exp(-g)) * up[i];
    }
}

} // namespace llmos::rowkernels
