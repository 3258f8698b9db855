#include "formats/gguf/ggmltype.h"

#include "util/checkedmath.h"

#include <array>

namespace llmos {

namespace {
constexpr std::uint32_t kQK = 32;   // block of the simple quantizations (QK4_0, QK8_0, ...)
constexpr std::uint32_t kQK_K = 256; // super-block of the k- and i-quants

// Block sizes and byte counts as in ggml's type_traits table (ggml.c) and the block
// structs of ggml-common.h.
constexpr std::array<GgmlTypeTraits, 33> kTypes{{
    {GgmlType::F32, "F32", 1, 4},
    {GgmlType::F16, "F16", 1, 2},
    {GgmlType::Q4_0, "Q4_0", kQK, 2 + kQK / 2},
    {GgmlType::Q4_1, "Q4_1", kQK, 4 + kQK / 2},
    {GgmlType::Q5_0, "Q5_0", kQK, 2 + 4 + kQK / 2},
    {GgmlType::Q5_1, "Q5_1", kQK, 4 + 4 + kQK / 2},
    {GgmlType::Q8_0, "Q8_0", kQK, 2 + kQK},
    {GgmlType::Q8_1, "Q8_1", kQK, 4 + kQK},
    {GgmlType::Q2_K, "Q2_K", kQK_K, kQK_K / 16 + kQK_K / 4 + 4},
    {GgmlType::Q3_K, "Q3_K", kQK_K, kQK_K / 8 + kQK_K / 4 + 12 + 2},
    {GgmlType::Q4_K, "Q4_K", kQK_K, 4 + 12 + kQK_K / 2},
    {GgmlType::Q5_K, "Q5_K", kQK_K, 4 + 12 + kQK_K / 8 + kQK_K / 2},
    {GgmlType::Q6_K, "Q6_K", kQK_K, kQK_K / 2 + kQK_K / 4 + kQK_K / 16 + 2},
    {GgmlType::Q8_K, "Q8_K", kQK_K, 4 + kQK_K + kQK_K / 16 * 2},
    {GgmlType::IQ2_XXS, "IQ2_XXS", kQK_K, 2 + kQK_K / 8 * 2},
    {GgmlType::IQ2_XS, "IQ2_XS", kQK_K, 2 + kQK_K / 8 * 2 + kQK_K / 32},
    {GgmlType::IQ3_XXS, "IQ3_XXS", kQK_K, 2 + 3 * kQK_K / 8},
    {GgmlType::IQ1_S, "IQ1_S", kQK_K, 2 + kQK_K / 8 + kQK_K / 16},
    {GgmlType::IQ4_NL, "IQ4_NL", kQK, 2 + kQK / 2},
    {GgmlType::IQ3_S, "IQ3_S", kQK_K, 2 + 13 * (kQK_K / 32) + kQK_K / 64},
    {GgmlType::IQ2_S, "IQ2_S", kQK_K, 2 + kQK_K / 4 + kQK_K / 16},
    {GgmlType::IQ4_XS, "IQ4_XS", kQK_K, 2 + 2 + kQK_K / 64 + kQK_K / 2},
    {GgmlType::I8, "I8", 1, 1},
    {GgmlType::I16, "I16", 1, 2},
    {GgmlType::I32, "I32", 1, 4},
    {GgmlType::I64, "I64", 1, 8},
    {GgmlType::F64, "F64", 1, 8},
    {GgmlType::IQ1_M, "IQ1_M", kQK_K, kQK_K / 8 + kQK_K / 16 + kQK_K / 32},
    {GgmlType::BF16, "BF16", 1, 2},
    {GgmlType::TQ1_0, "TQ1_0", kQK_K, (kQK_K - 4 * kQK_K / 64) / 5 + kQK_K / 64 + 2},
    {GgmlType::TQ2_0, "TQ2_0", kQK_K, kQK_K / 4 + 2},
    {GgmlType::MXFP4, "MXFP4", kQK, 1 + kQK / 2},
    {GgmlType::NVFP4, "NVFP4", 64, 64 / 16 + 64 / 2},
}};

static_assert(kTypes[2].bytesPerBlock == 18 && kTypes[6].bytesPerBlock == 34);
static_assert(kTypes[10].bytesPerBlock == 144 && kTypes[12].bytesPerBlock == 210);
static_assert(kTypes[13].bytesPerBlock == 292 && kTypes[29].bytesPerBlock == 54);
} // namespace

const GgmlTypeTraits *findGgmlType(std::uint32_t id) noexcept
{
    for (const GgmlTypeTraits &t : kTypes)
        if (static_cast<std::uint32_t>(t.type) == id)
            return &t;
    return nullptr;
}

const GgmlTypeTraits &ggmlTypeTraits(GgmlType type) noexcept
{
    // Every enumerator has a row, so the lookup cannot fail for a value made in code.
    return *findGgmlType(static_cast<std::uint32_t>(type));
}

std::string_view ggmlTypeName(GgmlType type) noexcept
{
    const GgmlTypeTraits *t = findGgmlType(static_cast<std::uint32_t>(type));
    return t ? t->name : std::string_view("unknown");
}

std::optional<std::uint64_t> ggmlByteSize(GgmlType type, std::uint64_t elements) noexcept
{
    const GgmlTypeTraits *t = findGgmlType(static_cast<std::uint32_t>(type));
    if (!t || elements % t->blockSize != 0)
        return std::nullopt;
    return checkedMul(elements / t->blockSize, t->bytesPerBlock);
}

} // namespace llmos
