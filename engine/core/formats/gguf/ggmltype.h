#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace llmos {

// Tensor element types of ggml, with the ids GGUF files store. Ids 4, 5 and 31..33, 36..38
// belonged to layouts ggml has since removed; files using them are refused.
enum class GgmlType : std::uint32_t {
    F32 = 0,
    F16 = 1,
    Q4_0 = 2,
    Q4_1 = 3,
    Q5_0 = 6,
    Q5_1 = 7,
    Q8_0 = 8,
    Q8_1 = 9,
    Q2_K = 10,
    Q3_K = 11,
    Q4_K = 12,
    Q5_K = 13,
    Q6_K = 14,
    Q8_K = 15,
    IQ2_XXS = 16,
    IQ2_XS = 17,
    IQ3_XXS = 18,
    IQ1_S = 19,
    IQ4_NL = 20,
    IQ3_S = 21,
    IQ2_S = 22,
    IQ4_XS = 23,
    I8 = 24,
    I16 = 25,
    I32 = 26,
    I64 = 27,
    F64 = 28,
    IQ1_M = 29,
    BF16 = 30,
    TQ1_0 = 34,
    TQ2_0 = 35,
    MXFP4 = 39,
    NVFP4 = 40,
};

// How a type is laid out: `blockSize` elements are stored in `bytesPerBlock` bytes.
// Knowing this for every type lets the reader validate the sizes of any file, even one
// whose types it cannot dequantize.
struct GgmlTypeTraits {
    GgmlType type;
    std::string_view name;
    std::uint32_t blockSize;
    std::uint32_t bytesPerBlock;
};

// The traits of a type id read from a file; nullptr for ids ggml does not (or no longer) define.
const GgmlTypeTraits *findGgmlType(std::uint32_t id) noexcept;
const GgmlTypeTraits &ggmlTypeTraits(GgmlType type) noexcept;
std::string_view ggmlTypeName(GgmlType type) noexcept;

// Bytes needed for `elements` elements of `type`; empty if `elements` is not a multiple of
// the block size or the result overflows 64 bits.
std::optional<std::uint64_t> ggmlByteSize(GgmlType type, std::uint64_t elements) noexcept;

} // namespace llmos
