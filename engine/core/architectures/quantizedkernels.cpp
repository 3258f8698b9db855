#include "architectures/quantizedkernels.h"

#include <algorithm>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define LLMOS_X86_DISPATCH 1
#endif

namespace llmos::rowkernels {

namespace {

// Eight independent running sums, as rowkernels' dot: lets the compiler vectorise.
constexpr std::int64_t kLanes = 8;

float int8Dot(const std::int8_t *w, const float *x, std::int64_t n)
{
    float partial[kLanes] = {};
    std::int64_t i = 0;
    for (; i + kLanes <= n; i += kLanes)
        for (std::int64_t j = 0; j < kLanes; ++j)
            partial[j] += static_cast<float>(w[i + j]) * x[i + j];
    float sum = 0;
    for (; i < n; ++i)
        sum += static_cast<float>(w[i]) * x[i];
    for (float p : partial)
        sum += p;
    return sum;
}

// Columns [0, 2 * bytes) of one row's group: nibble pairs against x.
float int4Dot(const std::uint8_t *packed, const float *x, std::int64_t bytes)
{
    float low = 0, high = 0;
    for (std::int64_t j = 0; j < bytes; ++j) {
        low += static_cast<float>(static_cast<int>(packed[j] & 0x0F) - 8) * x[2 * j];
        high += static_cast<float>(static_cast<int>(packed[j] >> 4) - 8) * x[2 * j + 1];
    }
    return low + high;
}

float finish(const QuantizedMatVec &p, std::int64_t row, float sum)
{
    if (p.bias)
        sum += p.bias[row];
    if (p.residual)
        sum += p.residual[row];
    return sum;
}

} // namespace

void quantizedMatVecRowsPortable(const QuantizedMatVec &p, std::int64_t begin, std::int64_t end)
{
    if (p.format == QuantizedFormat::Int8PerRow) {
        const auto *weights = reinterpret_cast<const std::int8_t *>(p.weight);
        for (auto row = begin; row < end; ++row)
            p.out[row] = finish(p, row, int8Dot(weights + row * p.cols, p.x, p.cols) * p.scales[row]);
        return;
    }
    const auto groups = (p.cols + p.group - 1) / p.group;
    const auto rowBytes = p.cols / 2;
    for (auto row = begin; row < end; ++row) {
        float sum = 0;
        for (std::int64_t g = 0; g < groups; ++g) {
            const auto columns = std::min(p.group, p.cols - g * p.group); // the last group may be shorter
            sum += int4Dot(p.weight + row * rowBytes + g * p.group / 2, p.x + g * p.group, columns / 2) *
                   p.scales[row * groups + g];
        }
        p.out[row] = finish(p, row, sum);
    }
}

namespace {

#ifdef LLMOS_X86_DISPATCH

// Both AVX2 kernels take kRowsAtOnce rows at a time, so each load of x (and, for int4, its
// reordering) serves four rows, and the rows left over one at a time. A row's arithmetic
// is the same in either case -- same accumulators, same order, same reduction -- so its
// value does not depend on where a thread's range of rows starts or ends.
//
// The loops over those rows are unrolled by pragma (4 is kRowsAtOnce): at -O2 GCC keeps
// them, and with them the accumulator arrays in memory, a store and a load around every FMA.
constexpr int kRowsAtOnce = 4;

// The sum of the eight lanes, always in the same order.
__attribute__((target("avx2,fma"))) inline float horizontalSum(__m256 v)
{
    const __m128 four = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    const __m128 two = _mm_add_ps(four, _mm_movehl_ps(four, four));
    return _mm_cvtss_f32(_mm_add_ss(two, _mm_movehdup_ps(two)));
}

// Eight int8 weights as floats: one sign-extending load (vpmovsxbd) and a conversion.
__attribute__((target("avx2,fma"))) inline __m256 int8x8(const std::int8_t *w)
{
    return _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i *>(w))));
}

// Rows [row, row + Rows) of an Int8PerRow product. Sixteen columns a step in two
// accumulators per row (up to eight independent FMA chains), then at most one step of
// eight, then the last cols % 8 columns in scalar code. The row's scale multiplies its sum
// once, as in the portable version.
template <int Rows>
__attribute__((target("avx2,fma"))) inline void int8RowsAvx2(const QuantizedMatVec &p, std::int64_t row)
{
    const auto cols = p.cols;
    const auto *w = reinterpret_cast<const std::int8_t *>(p.weight) + row * cols;
    __m256 a[Rows], b[Rows];
#pragma GCC unroll 4
    for (int k = 0; k < Rows; ++k)
        a[k] = b[k] = _mm256_setzero_ps();
    std::int64_t i = 0;
    for (; i + 16 <= cols; i += 16) {
        const __m256 xa = _mm256_loadu_ps(p.x + i);
        const __m256 xb = _mm256_loadu_ps(p.x + i + 8);
#pragma GCC unroll 4
        for (int k = 0; k < Rows; ++k) {
            a[k] = _mm256_fmadd_ps(int8x8(w + k * cols + i), xa, a[k]);
            b[k] = _mm256_fmadd_ps(int8x8(w + k * cols + i + 8), xb, b[k]);
        }
    }
    if (i + 8 <= cols) {
        const __m256 xa = _mm256_loadu_ps(p.x + i);
#pragma GCC unroll 4
        for (int k = 0; k < Rows; ++k)
            a[k] = _mm256_fmadd_ps(int8x8(w + k * cols + i), xa, a[k]);
        i += 8;
    }
#pragma GCC unroll 4
    for (int k = 0; k < Rows; ++k) {
        float sum = horizontalSum(_mm256_add_ps(a[k], b[k]));
        for (auto j = i; j < cols; ++j)
            sum += static_cast<float>(w[k * cols + j]) * p.x[j];
        p.out[row + k] = finish(p, row + k, sum * p.scales[row + k]);
    }
}

__attribute__((target("avx2,fma"))) void int8MatVecAvx2(const QuantizedMatVec &p, std::int64_t begin, std::int64_t end)
{
    auto row = begin;
    for (; row + kRowsAtOnce <= end; row += kRowsAtOnce)
        int8RowsAvx2<kRowsAtOnce>(p, row);
    for (; row < end; ++row)
        int8RowsAvx2<1>(p, row);
    // Explicit rather than left to the compiler's vzeroupper insertion (GCC 12 adds one at
    // the return here; nothing obliges it to): left dirty, the upper halves slow every SSE
    // instruction the thread runs afterwards (see rowkernels.cpp).
    _mm256_zeroupper();
}

// The 32 columns of 16 packed bytes, as two vectors of dwords each holding one byte in its
// top byte, the lower three zero: vpshufb controls whose dwords are 0xBB808080, BB the byte
// to take (0x80 writes a zero). A vpshufb works within each 128-bit half, and the bytes are
// in both halves (a broadcast load), so each half picks its own four bytes:
//   first:  bytes 0 1 4 5 | 2 3 6 7,        columns (low nibbles) 0 2 8 10 | 4 6 12 14
//   second: bytes 8 9 12 13 | 10 11 14 15,  columns 16 18 24 26 | 20 22 28 30
// with the high nibbles the next (odd) columns. That is the order _mm256_shuffle_ps gives
// x's even and odd columns in (see int4RowsAvx2), so neither side needs a lane crossing.
__attribute__((target("avx2,fma"))) inline __m256i firstBytes()
{
    return _mm256_setr_epi32(0x00808080, 0x01808080, 0x04808080, 0x05808080, 0x02808080, 0x03808080, 0x06808080,
                             0x07808080);
}

__attribute__((target("avx2,fma"))) inline __m256i secondBytes()
{
    return _mm256_setr_epi32(0x08808080, 0x09808080, 0x0C808080, 0x0D808080, 0x0A808080, 0x0B808080, 0x0E808080,
                             0x0F808080);
}

// Rows [row, row + Rows) of an Int4Grouped product whose group is a multiple of 32.
//
// Nibbles to floats without a subtraction: XOR with 8 turns a stored nibble n (value + 8)
// into the 4-bit two's complement of its value n - 8; in the top four bits of a dword that
// is the int32 (n - 8) * 2^28, which converts to float exactly. The high nibble gets there
// with a mask, the low one with a 4-bit left shift (the bits below are zero). Every product
// and sum is thus 2^28 times the one the unscaled values would give, with the same
// rounding, and the row's sum is scaled back once at the end: exact unless a value leaves
// float's normal range, which takes activations beyond 2^96 or sums below 2^-98.
//
// x is reordered once per 32 columns for all the rows: its even and odd columns, in the
// order the weights come out in. Each group's sum is multiplied by its scale into the row's
// total with one FMA.
template <int Rows>
__attribute__((target("avx2,fma"))) inline void int4RowsAvx2(const QuantizedMatVec &p, std::int64_t row)
{
    const auto rowBytes = p.cols / 2;
    const auto groups = (p.cols + p.group - 1) / p.group;
    const auto fullGroups = p.cols / p.group; // a shorter last group is summed by int4Dot
    const std::uint8_t *w = p.weight + row * rowBytes;
    const float *scales = p.scales + row * groups;
    const __m256i pickFirst = firstBytes();
    const __m256i pickSecond = secondBytes();
    const __m256i toSigned = _mm256_set1_epi8(static_cast<char>(0x88));
    const __m256i highNibble = _mm256_set1_epi32(static_cast<int>(0xF0000000u));
    __m256 total[Rows];
#pragma GCC unroll 4
    for (int k = 0; k < Rows; ++k)
        total[k] = _mm256_setzero_ps();
    for (std::int64_t g = 0; g < fullGroups; ++g) {
        __m256 sum[Rows];
#pragma GCC unroll 4
        for (int k = 0; k < Rows; ++k)
            sum[k] = _mm256_setzero_ps();
        for (auto i = g * p.group; i < (g + 1) * p.group; i += 32) {
            const __m256 x0 = _mm256_loadu_ps(p.x + i);
            const __m256 x1 = _mm256_loadu_ps(p.x + i + 8);
            const __m256 x2 = _mm256_loadu_ps(p.x + i + 16);
            const __m256 x3 = _mm256_loadu_ps(p.x + i + 24);
            const __m256 even01 = _mm256_shuffle_ps(x0, x1, _MM_SHUFFLE(2, 0, 2, 0)); // 0 2 8 10 | 4 6 12 14
            const __m256 odd01 = _mm256_shuffle_ps(x0, x1, _MM_SHUFFLE(3, 1, 3, 1));  // 1 3 9 11 | 5 7 13 15
            const __m256 even23 = _mm256_shuffle_ps(x2, x3, _MM_SHUFFLE(2, 0, 2, 0));
            const __m256 odd23 = _mm256_shuffle_ps(x2, x3, _MM_SHUFFLE(3, 1, 3, 1));
#pragma GCC unroll 4
            for (int k = 0; k < Rows; ++k) {
                const auto *packed = reinterpret_cast<const __m128i *>(w + k * rowBytes + i / 2);
                const __m256i bytes = _mm256_xor_si256(_mm256_broadcastsi128_si256(_mm_loadu_si128(packed)), toSigned);
                const __m256i first = _mm256_shuffle_epi8(bytes, pickFirst);
                const __m256i second = _mm256_shuffle_epi8(bytes, pickSecond);
                sum[k] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(_mm256_slli_epi32(first, 4)), even01, sum[k]);
                sum[k] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(_mm256_and_si256(first, highNibble)), odd01, sum[k]);
                sum[k] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(_mm256_slli_epi32(second, 4)), even23, sum[k]);
                sum[k] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(_mm256_and_si256(second, highNibble)), odd23, sum[k]);
            }
        }
#pragma GCC unroll 4
        for (int k = 0; k < Rows; ++k)
            total[k] = _mm256_fmadd_ps(sum[k], _mm256_broadcast_ss(scales + k * groups + g), total[k]);
    }
    const auto tail = fullGroups * p.group;
#pragma GCC unroll 4
    for (int k = 0; k < Rows; ++k) {
        const float rest = tail < p.cols ? int4Dot(w + k * rowBytes + tail / 2, p.x + tail, (p.cols - tail) / 2) *
                                               scales[k * groups + fullGroups]
                                         : 0.0f;
        p.out[row + k] = finish(p, row + k, horizontalSum(total[k]) * 0x1p-28f + rest);
    }
}

__attribute__((target("avx2,fma"))) void int4MatVecAvx2(const QuantizedMatVec &p, std::int64_t begin, std::int64_t end)
{
    auto row = begin;
    for (; row + kRowsAtOnce <= end; row += kRowsAtOnce)
        int4RowsAvx2<kRowsAtOnce>(p, row);
    for (; row < end; ++row)
        int4RowsAvx2<1>(p, row);
    _mm256_zeroupper(); // see int8MatVecAvx2
}

// What runs where the CPU has AVX2 and FMA. Int4 groups that are not a multiple of 32
// columns take the portable loop; the usual 32, 64 and 128 all are.
void quantizedMatVecRowsAvx2(const QuantizedMatVec &p, std::int64_t begin, std::int64_t end)
{
    if (p.format == QuantizedFormat::Int8PerRow)
        int8MatVecAvx2(p, begin, end);
    else if (p.group % 32 == 0)
        int4MatVecAvx2(p, begin, end);
    else
        quantizedMatVecRowsPortable(p, begin, end);
}

// The AVX2/FMA kernel where this CPU has both, else the portable one.
template <typename Kernel> Kernel pickKernel(Kernel avx2, Kernel portable)
{
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? avx2 : portable;
}

#endif

} // namespace

void quantizedMatVecRows(const QuantizedMatVec &product, std::int64_t begin, std::int64_t end)
{
#ifdef LLMOS_X86_DISPATCH
    static const auto kernel = pickKernel(&quantizedMatVecRowsAvx2, &quantizedMatVecRowsPortable);
    kernel(product, begin, end);
#else
    quantizedMatVecRowsPortable(product, begin, end);
#endif
}

} // namespace llmos::rowkernels
