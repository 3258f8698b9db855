#pragma once

#include "formats/gguf/ggmltype.h"

#include <cstdint>
#include <span>

namespace llmos {

// Conversions between float and ggml's storage types, following ggml's reference
// dequantize_row_* / quantize_row_*_ref bit for bit.

// Whether dequantizeGgml handles `type`: F32, F16, BF16, F64, Q4_0, Q4_1, Q5_0, Q5_1,
// Q8_0, Q8_1, Q2_K, Q3_K, Q4_K, Q5_K, Q6_K.
bool canDequantize(GgmlType type) noexcept;

// Converts bytes holding out.size() elements of `type` to float. `byteSwapped` says the
// bytes come from a big-endian file: multi-byte fields (elements, block scales) are then
// swapped as they are read. Throws Error(Unsupported) for a type canDequantize refuses and
// Error(InvalidInput) if bytes.size() does not match out.size().
void dequantizeGgml(GgmlType type, std::span<const std::uint8_t> bytes, std::span<float> out,
                    bool byteSwapped = false);

// Whether quantizeGgml handles `type`: F32, F16, BF16, Q8_0.
bool canQuantize(GgmlType type) noexcept;

// Encodes `in` as little-endian `type` into `out`, which must hold exactly
// ggmlByteSize(type, in.size()) bytes. Throws Error(Unsupported/InvalidInput) otherwise.
void quantizeGgml(GgmlType type, std::span<const float> in, std::span<std::uint8_t> out);

} // namespace llmos
