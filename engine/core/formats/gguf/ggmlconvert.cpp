#include "formats/gguf/ggmlconvert.h"

#include "util/error.h"
#include "util/halffloat.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

namespace llmos {

namespace {

constexpr int kQK = 32;
constexpr int kQK_K = 256;

// Reads little-endian (or, for big-endian files, swapped) integers from block bytes.
// Blocks are not aligned inside a row (a Q8_0 block is 34 bytes), so everything goes
// through memcpy.
class BlockBytes {
public:
    BlockBytes(const std::uint8_t *p, bool swapped)
        : m_p(p)
        , m_swapped(swapped)
    {
    }
    std::uint16_t u16(std::size_t at) const
    {
        std::uint16_t v;
        std::memcpy(&v, m_p + at, sizeof v);
        return m_swapped ? __builtin_bswap16(v) : v;
    }
    std::uint32_t u32(std::size_t at) const
    {
        std::uint32_t v;
        std::memcpy(&v, m_p + at, sizeof v);
        return m_swapped ? __builtin_bswap32(v) : v;
    }
    std::uint64_t u64(std::size_t at) const
    {
        std::uint64_t v;
        std::memcpy(&v, m_p + at, sizeof v);
        return m_swapped ? __builtin_bswap64(v) : v;
    }
    float half(std::size_t at) const { return halfToFloat(u16(at)); }
    const std::uint8_t *bytes(std::size_t at) const { return m_p + at; }

private:
    const std::uint8_t *m_p;
    bool m_swapped;
};

// ---- simple block quantizations (32 elements) -------------------------------------

// block_q4_0 { half d; u8 qs[16]; }: element j is the low nibble of qs[j], element j+16
// the high nibble; value = (q - 8) * d.
void dequantQ4_0(BlockBytes b, float *y)
{
    const float d = b.half(0);
    const std::uint8_t *qs = b.bytes(2);
    for (int j = 0; j < kQK / 2; ++j) {
        y[j] = static_cast<float>((qs[j] & 0x0f) - 8) * d;
        y[j + kQK / 2] = static_cast<float>((qs[j] >> 4) - 8) * d;
    }
}

// block_q4_1 { half d; half m; u8 qs[16]; }: value = q * d + m.
void dequantQ4_1(BlockBytes b, float *y)
{
    const float d = b.half(0);
    const float m = b.half(2);
    const std::uint8_t *qs = b.bytes(4);
    for (int j = 0; j < kQK / 2; ++j) {
        y[j] = static_cast<float>(qs[j] & 0x0f) * d + m;
        y[j + kQK / 2] = static_cast<float>(qs[j] >> 4) * d + m;
    }
}

// The fifth bits of Q5_0/Q5_1: bit j of qh belongs to element j, bit j+16 to element j+16.
void fiveBitQuants(std::uint32_t qh, const std::uint8_t *qs, int *q)
{
    for (int j = 0; j < kQK / 2; ++j) {
        const std::uint32_t high0 = ((qh >> j) << 4) & 0x10;
        const std::uint32_t high1 = (qh >> (j + 12)) & 0x10;
        q[j] = static_cast<int>((qs[j] & 0x0f) | high0);
        q[j + kQK / 2] = static_cast<int>((qs[j] >> 4) | high1);
    }
}

// block_q5_0 { half d; u8 qh[4]; u8 qs[16]; }: value = (q - 16) * d.
void dequantQ5_0(BlockBytes b, float *y)
{
    const float d = b.half(0);
    int q[kQK];
    fiveBitQuants(b.u32(2), b.bytes(6), q);
    for (int j = 0; j < kQK; ++j)
        y[j] = static_cast<float>(q[j] - 16) * d;
}

// block_q5_1 { half d; half m; u8 qh[4]; u8 qs[16]; }: value = q * d + m.
void dequantQ5_1(BlockBytes b, float *y)
{
    const float d = b.half(0);
    const float m = b.half(2);
    int q[kQK];
    fiveBitQuants(b.u32(4), b.bytes(8), q);
    for (int j = 0; j < kQK; ++j)
        y[j] = static_cast<float>(q[j]) * d + m;
}

// block_q8_0 { half d; i8 qs[32]; } and block_q8_1 { half d; half s; i8 qs[32]; }.
void dequantQ8(BlockBytes b, std::size_t quantsAt, float *y)
{
    const float d = b.half(0);
    const auto *qs = reinterpret_cast<const std::int8_t *>(b.bytes(quantsAt));
    for (int j = 0; j < kQK; ++j)
        y[j] = static_cast<float>(qs[j]) * d;
}

// ---- k-quants (256-element super-blocks) ------------------------------------------

// block_q2_K { u8 scales[16]; u8 qs[64]; half d; half dmin; }: 16 sub-blocks of 16; each
// scales byte holds a 4-bit scale (low) and min (high); each qs byte four 2-bit quants
// of elements 32 apart.
void dequantQ2_K(BlockBytes b, float *y)
{
    const std::uint8_t *scales = b.bytes(0);
    const std::uint8_t *q = b.bytes(16);
    const float d = b.half(80);
    const float dmin = b.half(82);
    int is = 0;
    for (int n = 0; n < kQK_K; n += 128, q += 32) {
        for (int shift = 0; shift < 8; shift += 2) {
            for (int half = 0; half < 2; ++half) {
                const std::uint8_t sc = scales[is++];
                const float dl = d * static_cast<float>(sc & 0x0f);
                const float ml = dmin * static_cast<float>(sc >> 4);
                for (int l = 0; l < 16; ++l)
                    *y++ = dl * static_cast<float>((q[l + 16 * half] >> shift) & 3) - ml;
            }
        }
    }
}

// block_q3_K { u8 hmask[32]; u8 qs[64]; u8 scales[12]; half d; }: 16 sub-blocks of 16 with
// 6-bit signed scales (low 4 bits in bytes 0..7, high 2 bits in bytes 8..11); each element
// has 2 low bits in qs and its high bit in hmask, stored inverted (a clear bit subtracts 4).
void dequantQ3_K(BlockBytes b, float *y)
{
    const std::uint8_t *hm = b.bytes(0);
    const std::uint8_t *q = b.bytes(32);
    const std::uint8_t *packed = b.bytes(96);
    const float d = b.half(108);
    int scales[16];
    for (int i = 0; i < 16; ++i) {
        const int low = i < 8 ? packed[i] & 0x0f : packed[i - 8] >> 4;
        const int high = (packed[8 + i % 4] >> (2 * (i / 4))) & 3;
        scales[i] = (low | (high << 4)) - 32;
    }
    int is = 0;
    std::uint8_t m = 1;
    for (int n = 0; n < kQK_K; n += 128, q += 32) {
        for (int shift = 0; shift < 8; shift += 2, m <<= 1) {
            for (int half = 0; half < 2; ++half) {
                const float dl = d * static_cast<float>(scales[is++]);
                for (int l = 16 * half; l < 16 * half + 16; ++l)
                    *y++ = dl * static_cast<float>(((q[l] >> shift) & 3) - ((hm[l] & m) ? 0 : 4));
            }
        }
    }
}

// The 6-bit scale and min of sub-block j of Q4_K/Q5_K, packed into 12 bytes
// (ggml's get_scale_min_k4).
void scaleMinK4(int j, const std::uint8_t *q, int &scale, int &min)
{
    if (j < 4) {
        scale = q[j] & 63;
        min = q[j + 4] & 63;
    } else {
        scale = (q[j + 4] & 0x0f) | ((q[j - 4] >> 6) << 4);
        min = (q[j + 4] >> 4) | ((q[j] >> 6) << 4);
    }
}

// block_q4_K { half d; half dmin; u8 scales[12]; u8 qs[128]; }: 8 sub-blocks of 32;
// each 32 bytes of qs hold two sub-blocks (low nibbles, then high nibbles).
void dequantQ4_K(BlockBytes b, float *y)
{
    const float d = b.half(0);
    const float dmin = b.half(2);
    const std::uint8_t *scales = b.bytes(4);
    const std::uint8_t *q = b.bytes(16);
    for (int j = 0, is = 0; j < kQK_K; j += 64, is += 2, q += 32) {
        int sc, m;
        scaleMinK4(is, scales, sc, m);
        const float d1 = d * static_cast<float>(sc), m1 = dmin * static_cast<float>(m);
        scaleMinK4(is + 1, scales, sc, m);
        const float d2 = d * static_cast<float>(sc), m2 = dmin * static_cast<float>(m);
        for (int l = 0; l < 32; ++l)
            *y++ = d1 * static_cast<float>(q[l] & 0x0f) - m1;
        for (int l = 0; l < 32; ++l)
            *y++ = d2 * static_cast<float>(q[l] >> 4) - m2;
    }
}

// block_q5_K { half d; half dmin; u8 scales[12]; u8 qh[32]; u8 qs[128]; }: as Q4_K with
// a fifth bit per element taken from qh, two bits of each qh byte per 64 elements.
void dequantQ5_K(BlockBytes b, float *y)
{
    const float d = b.half(0);
    const float dmin = b.half(2);
    const std::uint8_t *scales = b.bytes(4);
    const std::uint8_t *qh = b.bytes(16);
    const std::uint8_t *ql = b.bytes(48);
    std::uint8_t u1 = 1, u2 = 2;
    for (int j = 0, is = 0; j < kQK_K; j += 64, is += 2, ql += 32, u1 <<= 2, u2 <<= 2) {
        int sc, m;
        scaleMinK4(is, scales, sc, m);
        const float d1 = d * static_cast<float>(sc), m1 = dmin * static_cast<float>(m);
        scaleMinK4(is + 1, scales, sc, m);
        const float d2 = d * static_cast<float>(sc), m2 = dmin * static_cast<float>(m);
        for (int l = 0; l < 32; ++l)
            *y++ = d1 * static_cast<float>((ql[l] & 0x0f) + ((qh[l] & u1) ? 16 : 0)) - m1;
        for (int l = 0; l < 32; ++l)
            *y++ = d2 * static_cast<float>((ql[l] >> 4) + ((qh[l] & u2) ? 16 : 0)) - m2;
    }
}

// block_q6_K { u8 ql[128]; u8 qh[64]; i8 scales[16]; half d; }: 16 sub-blocks of 16
// with signed 8-bit scales; each element has 4 low bits in ql and 2 high bits in qh,
// value = d * scale * (q - 32).
void dequantQ6_K(BlockBytes b, float *y)
{
    const float d = b.half(208);
    const std::uint8_t *ql = b.bytes(0);
    const std::uint8_t *qh = b.bytes(128);
    const auto *sc = reinterpret_cast<const std::int8_t *>(b.bytes(192));
    for (int n = 0; n < kQK_K; n += 128, y += 128, ql += 64, qh += 32, sc += 8) {
        for (int l = 0; l < 32; ++l) {
            const int is = l / 16;
            const int q1 = ((ql[l] & 0x0f) | (((qh[l] >> 0) & 3) << 4)) - 32;
            const int q2 = ((ql[l + 32] & 0x0f) | (((qh[l] >> 2) & 3) << 4)) - 32;
            const int q3 = ((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
            const int q4 = ((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
            // (d * scale) * q in float, in ggml's order, so results match to the bit.
            y[l] = d * static_cast<float>(sc[is]) * static_cast<float>(q1);
            y[l + 32] = d * static_cast<float>(sc[is + 2]) * static_cast<float>(q2);
            y[l + 64] = d * static_cast<float>(sc[is + 4]) * static_cast<float>(q3);
            y[l + 96] = d * static_cast<float>(sc[is + 6]) * static_cast<float>(q4);
        }
    }
}

void dequantElement(GgmlType type, BlockBytes b, float *y)
{
    switch (type) {
    case GgmlType::F32: {
        const std::uint32_t bits = b.u32(0);
        std::memcpy(y, &bits, sizeof bits);
        break;
    }
    case GgmlType::F16: *y = b.half(0); break;
    case GgmlType::BF16: *y = bf16ToFloat(b.u16(0)); break;
    case GgmlType::F64: {
        const std::uint64_t bits = b.u64(0);
        double d;
        std::memcpy(&d, &bits, sizeof d);
        *y = static_cast<float>(d);
        break;
    }
    case GgmlType::Q4_0: dequantQ4_0(b, y); break;
    case GgmlType::Q4_1: dequantQ4_1(b, y); break;
    case GgmlType::Q5_0: dequantQ5_0(b, y); break;
    case GgmlType::Q5_1: dequantQ5_1(b, y); break;
    case GgmlType::Q8_0: dequantQ8(b, 2, y); break;
    case GgmlType::Q8_1: dequantQ8(b, 4, y); break;
    case GgmlType::Q2_K: dequantQ2_K(b, y); break;
    case GgmlType::Q3_K: dequantQ3_K(b, y); break;
    case GgmlType::Q4_K: dequantQ4_K(b, y); break;
    case GgmlType::Q5_K: dequantQ5_K(b, y); break;
    case GgmlType::Q6_K: dequantQ6_K(b, y); break;
    default: break; // refused by canDequantize before we get here
    }
}

// ggml's quantize_row_q8_0_ref: scale = amax / 127, quants = round(x / scale).
void quantQ8_0(const float *x, std::uint8_t *out)
{
    float amax = 0.0f;
    for (int j = 0; j < kQK; ++j)
        amax = std::max(amax, std::fabs(x[j]));
    const float d = amax / 127.0f;
    const float id = d != 0.0f ? 1.0f / d : 0.0f;
    const std::uint16_t dh = floatToHalf(d);
    std::memcpy(out, &dh, sizeof dh);
    for (int j = 0; j < kQK; ++j)
        out[2 + j] = static_cast<std::uint8_t>(static_cast<std::int8_t>(std::roundf(x[j] * id)));
}

void checkSizes(GgmlType type, std::size_t bytes, std::size_t elements, const char *what)
{
    const auto expected = ggmlByteSize(type, elements);
    if (!expected || *expected != bytes)
        throw Error(ErrorKind::InvalidInput, what,
                    fmt::format("{} elements of {} need {} bytes, got {}", elements, ggmlTypeName(type),
                                expected ? fmt::to_string(*expected) : std::string("a whole number of blocks"),
                                bytes));
}

} // namespace

bool canDequantize(GgmlType type) noexcept
{
    switch (type) {
    case GgmlType::F32:
    case GgmlType::F16:
    case GgmlType::BF16:
    case GgmlType::F64:
    case GgmlType::Q4_0:
    case GgmlType::Q4_1:
    case GgmlType::Q5_0:
    case GgmlType::Q5_1:
    case GgmlType::Q8_0:
    case GgmlType::Q8_1:
    case GgmlType::Q2_K:
    case GgmlType::Q3_K:
    case GgmlType::Q4_K:
    case GgmlType::Q5_K:
    case GgmlType::Q6_K: return true;
    default: return false;
    }
}

void dequantizeGgml(GgmlType type, std::span<const std::uint8_t> bytes, std::span<float> out, bool byteSwapped)
{
    if (!canDequantize(type))
        throw Error(ErrorKind::Unsupported, "dequantize",
                    fmt::format("{} tensors cannot be converted to float yet", ggmlTypeName(type)));
    checkSizes(type, bytes.size(), out.size(), "dequantize");
    const GgmlTypeTraits &traits = ggmlTypeTraits(type);
    const std::size_t blocks = out.size() / traits.blockSize;
    for (std::size_t i = 0; i < blocks; ++i)
        dequantElement(type, BlockBytes(bytes.data() + i * traits.bytesPerBlock, byteSwapped),
                       out.data() + i * traits.blockSize);
}

bool canQuantize(GgmlType type) noexcept
{
    return type == GgmlType::F32 || type == GgmlType::F16 || type == GgmlType::BF16 || type == GgmlType::Q8_0;
}

void quantizeGgml(GgmlType type, std::span<const float> in, std::span<std::uint8_t> out)
{
    if (!canQuantize(type))
        throw Error(ErrorKind::Unsupported, "quantize",
                    fmt::format("writing {} tensors is not supported (use F32, F16, BF16 or Q8_0)",
                                ggmlTypeName(type)));
    checkSizes(type, out.size(), in.size(), "quantize");
    static_assert(std::endian::native == std::endian::little, "the writer emits the host's floats as little-endian");
    std::uint8_t *o = out.data();
    switch (type) {
    case GgmlType::F32: std::memcpy(o, in.data(), in.size_bytes()); break;
    case GgmlType::F16:
        for (std::size_t i = 0; i < in.size(); ++i) {
            const std::uint16_t h = floatToHalf(in[i]);
            std::memcpy(o + 2 * i, &h, sizeof h);
        }
        break;
    case GgmlType::BF16:
        for (std::size_t i = 0; i < in.size(); ++i) {
            const std::uint16_t h = floatToBf16(in[i]);
            std::memcpy(o + 2 * i, &h, sizeof h);
        }
        break;
    case GgmlType::Q8_0:
        // A NaN or infinity would make the scale or a quant NaN, and converting NaN to
        // int8 is undefined; ggml would write garbage, we refuse.
        for (std::size_t i = 0; i < in.size(); ++i)
            if (!std::isfinite(in[i]))
                throw Error(ErrorKind::InvalidInput, "quantize",
                            fmt::format("element {} is {}; Q8_0 can only store finite values", i, in[i]));
        for (std::size_t i = 0; i < in.size() / kQK; ++i)
            quantQ8_0(in.data() + i * kQK, o + i * (kQK + 2));
        break;
    default: break;
    }
}

} // namespace llmos
