// Dequantization of hand-built blocks. The expected values come from the element-wise
// definitions of each format, and the blocks are packed the way ggml's
// quantize_row_*_ref packs them, so the reader's unpacking is checked against an
// independent packing rather than against itself.

#include "formats/gguf/ggmlconvert.h"
#include "util/error.h"
#include "util/halffloat.h"

#include <gtest/gtest.h>

#include <array>
#include <cstring>
#include <vector>

namespace llmos {
namespace {

void putHalf(std::vector<std::uint8_t> &b, std::size_t at, float v, bool bigEndian = false)
{
    const std::uint16_t h = floatToHalf(v);
    b[at] = static_cast<std::uint8_t>(bigEndian ? h >> 8 : h & 0xff);
    b[at + 1] = static_cast<std::uint8_t>(bigEndian ? h & 0xff : h >> 8);
}

std::vector<float> dequant(GgmlType type, const std::vector<std::uint8_t> &bytes, std::size_t n, bool swapped = false)
{
    std::vector<float> out(n);
    dequantizeGgml(type, bytes, out, swapped);
    return out;
}

TEST(GgufDequant, Q4_0)
{
    std::vector<std::uint8_t> b(18);
    putHalf(b, 0, 0.5f);
    for (int j = 0; j < 16; ++j)
        b[2 + j] = static_cast<std::uint8_t>(j | ((15 - j) << 4));
    const auto y = dequant(GgmlType::Q4_0, b, 32);
    for (int j = 0; j < 16; ++j) {
        EXPECT_EQ(y[j], (j - 8) * 0.5f) << j;        // low nibbles are elements 0..15
        EXPECT_EQ(y[j + 16], (7 - j) * 0.5f) << j;   // high nibbles 16..31
    }
}

TEST(GgufDequant, Q4_1)
{
    std::vector<std::uint8_t> b(20);
    putHalf(b, 0, 0.25f);
    putHalf(b, 2, -1.0f);
    for (int j = 0; j < 16; ++j)
        b[4 + j] = static_cast<std::uint8_t>(j | (3 << 4));
    const auto y = dequant(GgmlType::Q4_1, b, 32);
    for (int j = 0; j < 16; ++j) {
        EXPECT_EQ(y[j], j * 0.25f - 1.0f);
        EXPECT_EQ(y[j + 16], 3 * 0.25f - 1.0f);
    }
}

// Q5: element e has low 4 bits in a nibble of qs and its fifth bit in bit e of qh.
std::vector<std::uint8_t> q5Block(std::size_t headerBytes, const std::array<int, 32> &q)
{
    std::vector<std::uint8_t> b(headerBytes + 4 + 16);
    std::uint32_t qh = 0;
    for (int j = 0; j < 16; ++j) {
        b[headerBytes + 4 + j] = static_cast<std::uint8_t>((q[j] & 0x0f) | ((q[j + 16] & 0x0f) << 4));
        qh |= static_cast<std::uint32_t>((q[j] >> 4) & 1) << j;
        qh |= static_cast<std::uint32_t>((q[j + 16] >> 4) & 1) << (j + 16);
    }
    std::memcpy(b.data() + headerBytes, &qh, 4);
    return b;
}

std::array<int, 32> q5Values()
{
    std::array<int, 32> q{};
    for (int j = 0; j < 32; ++j)
        q[j] = (j * 11 + 3) % 32;
    return q;
}

TEST(GgufDequant, Q5_0)
{
    const auto q = q5Values();
    auto b = q5Block(2, q);
    putHalf(b, 0, 2.0f);
    const auto y = dequant(GgmlType::Q5_0, b, 32);
    for (int j = 0; j < 32; ++j)
        EXPECT_EQ(y[j], (q[j] - 16) * 2.0f) << j;
}

TEST(GgufDequant, Q5_1)
{
    const auto q = q5Values();
    auto b = q5Block(4, q);
    putHalf(b, 0, 0.5f);
    putHalf(b, 2, 3.0f);
    const auto y = dequant(GgmlType::Q5_1, b, 32);
    for (int j = 0; j < 32; ++j)
        EXPECT_EQ(y[j], q[j] * 0.5f + 3.0f) << j;
}

TEST(GgufDequant, Q8_0AndQ8_1)
{
    std::vector<std::uint8_t> b(34);
    putHalf(b, 0, 2.0f);
    for (int j = 0; j < 32; ++j)
        b[2 + j] = static_cast<std::uint8_t>(static_cast<std::int8_t>(j * 8 - 128));
    auto y = dequant(GgmlType::Q8_0, b, 32);
    for (int j = 0; j < 32; ++j)
        EXPECT_EQ(y[j], (j * 8 - 128) * 2.0f);

    std::vector<std::uint8_t> b1(36);
    putHalf(b1, 0, 0.5f);
    putHalf(b1, 2, 99.0f); // s (d * sum q) is only for dot products
    for (int j = 0; j < 32; ++j)
        b1[4 + j] = static_cast<std::uint8_t>(static_cast<std::int8_t>(-j));
    y = dequant(GgmlType::Q8_1, b1, 32);
    for (int j = 0; j < 32; ++j)
        EXPECT_EQ(y[j], -j * 0.5f);
}

TEST(GgufDequant, Q8_0BigEndianScale)
{
    std::vector<std::uint8_t> b(34);
    putHalf(b, 0, -0.75f, true);
    for (int j = 0; j < 32; ++j)
        b[2 + j] = static_cast<std::uint8_t>(j);
    const auto y = dequant(GgmlType::Q8_0, b, 32, true);
    for (int j = 0; j < 32; ++j)
        EXPECT_EQ(y[j], j * -0.75f);
}

// Packs eight 6-bit scales and mins into 12 bytes as ggml's quantize_row_q4_K_ref does.
std::array<std::uint8_t, 12> packScalesK4(const std::array<int, 8> &sc, const std::array<int, 8> &mn)
{
    std::array<std::uint8_t, 12> s{};
    for (int j = 0; j < 8; ++j) {
        if (j < 4) {
            s[j] = static_cast<std::uint8_t>(sc[j]);
            s[j + 4] = static_cast<std::uint8_t>(mn[j]);
        } else {
            s[j + 4] = static_cast<std::uint8_t>((sc[j] & 0xf) | ((mn[j] & 0xf) << 4));
            s[j - 4] |= static_cast<std::uint8_t>((sc[j] >> 4) << 6);
            s[j] |= static_cast<std::uint8_t>((mn[j] >> 4) << 6);
        }
    }
    return s;
}

const std::array<int, 8> kScales{1, 2, 3, 63, 17, 33, 48, 5};
const std::array<int, 8> kMins{0, 1, 62, 7, 20, 40, 63, 9};

TEST(GgufDequant, Q4_K)
{
    std::array<int, 256> q{};
    for (int e = 0; e < 256; ++e)
        q[e] = (e * 7 + e / 32) % 16;
    std::vector<std::uint8_t> b(144);
    putHalf(b, 0, 0.5f);
    putHalf(b, 2, 0.125f);
    const auto s = packScalesK4(kScales, kMins);
    std::copy(s.begin(), s.end(), b.begin() + 4);
    // Each 64 elements share 32 bytes: the first 32 in low nibbles, the next 32 in high.
    for (int chunk = 0; chunk < 4; ++chunk)
        for (int l = 0; l < 32; ++l)
            b[16 + chunk * 32 + l] = static_cast<std::uint8_t>(q[chunk * 64 + l] | (q[chunk * 64 + 32 + l] << 4));
    const auto y = dequant(GgmlType::Q4_K, b, 256);
    for (int e = 0; e < 256; ++e) {
        const int sub = e / 32;
        const float expected = 0.5f * static_cast<float>(kScales[sub]) * static_cast<float>(q[e])
                               - 0.125f * static_cast<float>(kMins[sub]);
        EXPECT_EQ(y[e], expected) << e;
    }
}

TEST(GgufDequant, Q5_K)
{
    std::array<int, 256> q{};
    for (int e = 0; e < 256; ++e)
        q[e] = (e * 13 + 5) % 32;
    std::vector<std::uint8_t> b(176, 0);
    putHalf(b, 0, 0.25f);
    putHalf(b, 2, 1.5f);
    const auto s = packScalesK4(kScales, kMins);
    std::copy(s.begin(), s.end(), b.begin() + 4);
    // quantize_row_q5_K_ref: fifth bits go to qh[j], two bits per 64 elements.
    std::uint8_t m1 = 1, m2 = 2;
    for (int n = 0; n < 256; n += 64, m1 <<= 2, m2 <<= 2) {
        for (int j = 0; j < 32; ++j) {
            int l1 = q[n + j], l2 = q[n + j + 32];
            if (l1 > 15) {
                l1 -= 16;
                b[16 + j] |= m1;
            }
            if (l2 > 15) {
                l2 -= 16;
                b[16 + j] |= m2;
            }
            b[48 + n / 2 + j] = static_cast<std::uint8_t>(l1 | (l2 << 4));
        }
    }
    const auto y = dequant(GgmlType::Q5_K, b, 256);
    for (int e = 0; e < 256; ++e) {
        const int sub = e / 32;
        const float expected = 0.25f * static_cast<float>(kScales[sub]) * static_cast<float>(q[e])
                               - 1.5f * static_cast<float>(kMins[sub]);
        EXPECT_EQ(y[e], expected) << e;
    }
}

TEST(GgufDequant, Q6_K)
{
    std::array<int, 256> q{};
    for (int e = 0; e < 256; ++e)
        q[e] = (e * 29 + e / 64) % 64;
    std::array<std::int8_t, 16> sc{};
    for (int i = 0; i < 16; ++i)
        sc[i] = static_cast<std::int8_t>(i * 17 - 128);
    std::vector<std::uint8_t> b(210, 0);
    // quantize_row_q6_K_ref's packing of ql (low 4 bits) and qh (high 2 bits).
    for (int j = 0; j < 256; j += 128) {
        std::uint8_t *ql = b.data() + j / 2;
        std::uint8_t *qh = b.data() + 128 + j / 4;
        for (int l = 0; l < 32; ++l) {
            ql[l] = static_cast<std::uint8_t>((q[j + l] & 0xf) | ((q[j + l + 64] & 0xf) << 4));
            ql[l + 32] = static_cast<std::uint8_t>((q[j + l + 32] & 0xf) | ((q[j + l + 96] & 0xf) << 4));
            qh[l] = static_cast<std::uint8_t>((q[j + l] >> 4) | ((q[j + l + 32] >> 4) << 2)
                                              | ((q[j + l + 64] >> 4) << 4) | ((q[j + l + 96] >> 4) << 6));
        }
    }
    std::memcpy(b.data() + 192, sc.data(), 16);
    putHalf(b, 208, 0.0625f);
    const auto y = dequant(GgmlType::Q6_K, b, 256);
    for (int e = 0; e < 256; ++e) {
        const float expected = 0.0625f * static_cast<float>(sc[e / 16]) * static_cast<float>(q[e] - 32);
        EXPECT_EQ(y[e], expected) << e;
    }
}

TEST(GgufDequant, Q2_K)
{
    std::array<int, 256> q{};
    for (int e = 0; e < 256; ++e)
        q[e] = (e * 5 + e / 16) % 4;
    std::vector<std::uint8_t> b(84, 0);
    for (int i = 0; i < 16; ++i)
        b[i] = static_cast<std::uint8_t>(((i * 7) % 16) | (((15 - i) % 16) << 4)); // scale | min << 4
    // quantize_row_q2_K_ref: qs[j/4 + l] holds elements j+l, +32, +64, +96 in bit pairs.
    for (int j = 0; j < 256; j += 128)
        for (int l = 0; l < 32; ++l)
            b[16 + j / 4 + l] = static_cast<std::uint8_t>(q[j + l] | (q[j + l + 32] << 2) | (q[j + l + 64] << 4)
                                                          | (q[j + l + 96] << 6));
    putHalf(b, 80, 0.5f);
    putHalf(b, 82, 0.25f);
    const auto y = dequant(GgmlType::Q2_K, b, 256);
    for (int e = 0; e < 256; ++e) {
        const int sc = b[e / 16] & 0x0f, mn = b[e / 16] >> 4;
        const float expected = 0.5f * static_cast<float>(sc) * static_cast<float>(q[e]) - 0.25f * static_cast<float>(mn);
        EXPECT_EQ(y[e], expected) << e;
    }
}

TEST(GgufDequant, Q3_K)
{
    std::array<int, 256> q{}; // 3-bit values 0..7 standing for q - 4
    for (int e = 0; e < 256; ++e)
        q[e] = (e * 3 + e / 32) % 8;
    std::array<int, 16> sc{}; // 6-bit scales standing for sc - 32
    for (int i = 0; i < 16; ++i)
        sc[i] = (i * 19 + 7) % 64;
    std::vector<std::uint8_t> b(110, 0);
    // quantize_row_q3_K_ref: the high bit of element j goes to hmask[j % 32], bit j / 32.
    for (int j = 0; j < 256; ++j)
        if (q[j] > 3)
            b[j % 32] |= static_cast<std::uint8_t>(1 << (j / 32));
    for (int j = 0; j < 256; j += 128)
        for (int l = 0; l < 32; ++l)
            b[32 + j / 4 + l] = static_cast<std::uint8_t>((q[j + l] & 3) | ((q[j + l + 32] & 3) << 2)
                                                          | ((q[j + l + 64] & 3) << 4) | ((q[j + l + 96] & 3) << 6));
    // Scale packing of quantize_row_q3_K_ref.
    for (int j = 0; j < 16; ++j) {
        if (j < 8)
            b[96 + j] = static_cast<std::uint8_t>(sc[j] & 0xf);
        else
            b[96 + j - 8] |= static_cast<std::uint8_t>((sc[j] & 0xf) << 4);
        b[96 + 8 + j % 4] |= static_cast<std::uint8_t>((sc[j] >> 4) << (2 * (j / 4)));
    }
    putHalf(b, 108, 0.125f);
    const auto y = dequant(GgmlType::Q3_K, b, 256);
    for (int e = 0; e < 256; ++e) {
        const float expected = 0.125f * static_cast<float>(sc[e / 16] - 32) * static_cast<float>(q[e] - 4);
        EXPECT_EQ(y[e], expected) << e;
    }
}

TEST(GgufDequant, FloatTypes)
{
    std::vector<std::uint8_t> f16(4);
    putHalf(f16, 0, 65504.0f);
    putHalf(f16, 2, -0.000061035156f);
    EXPECT_EQ(dequant(GgmlType::F16, f16, 2), (std::vector<float>{65504.0f, -0.000061035156f}));

    const std::vector<std::uint8_t> bf16{0x80, 0x3f, 0x20, 0xc0}; // 1.0, -2.5
    EXPECT_EQ(dequant(GgmlType::BF16, bf16, 2), (std::vector<float>{1.0f, -2.5f}));

    std::vector<std::uint8_t> f64(8);
    const double d = -1.5;
    std::memcpy(f64.data(), &d, 8);
    EXPECT_EQ(dequant(GgmlType::F64, f64, 1), std::vector<float>{-1.5f});

    std::vector<std::uint8_t> f32be{0x3f, 0x80, 0x00, 0x00};
    EXPECT_EQ(dequant(GgmlType::F32, f32be, 1, true), std::vector<float>{1.0f});
}

TEST(GgufDequant, RefusesWhatItCannotDo)
{
    std::vector<float> out(256);
    EXPECT_FALSE(canDequantize(GgmlType::IQ2_XXS));
    EXPECT_THROW(dequantizeGgml(GgmlType::IQ2_XXS, std::vector<std::uint8_t>(66), out), Error);
    EXPECT_THROW(dequantizeGgml(GgmlType::Q4_K, std::vector<std::uint8_t>(143), out), Error);
    std::vector<float> odd(33);
    EXPECT_THROW(dequantizeGgml(GgmlType::Q8_0, std::vector<std::uint8_t>(34), odd), Error);
}

} // namespace
} // namespace llmos
