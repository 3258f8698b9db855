#pragma once

#include <cstdint>

// Matrix-vector products over weights stored in fewer bits (weight-only quantization,
// quantizedmatrix.h), for the batch-1 decode path: what rowkernels::matVecRows is for fp32
// weights. Activations, scales and sums stay fp32. A decode step reads every weight once,
// so its time is the bytes read: int8 reads a quarter of fp32's, int4 an eighth.
namespace llmos::rowkernels {

enum class QuantizedFormat : std::uint8_t {
    // int8 [rows][cols], one scale per row (per output channel): w = q * scale[row].
    Int8PerRow,
    // 4-bit [rows][cols / 2] bytes, one scale per `group` consecutive columns of a row,
    // [rows][ceil(cols / group)] (the last group may be shorter): w = (nibble - 8) * scale. Column 2j is the low nibble of byte j,
    // column 2j + 1 the high one -- on a little-endian machine exactly the bytes of
    // compressed-tensors' "pack-quantized" int32 words (8 values each, lowest bits first,
    // stored + 8), so a file's words are used as they are.
    Int4Grouped,
};

// y = W x (+ bias) (+ residual) for quantized W [rows, cols]; bias and residual may be
// null; out may be residual (an in-place residual add).
struct QuantizedMatVec {
    QuantizedFormat format = QuantizedFormat::Int8PerRow;
    const std::uint8_t *weight = nullptr; // Int8PerRow: int8 values; Int4Grouped: packed bytes
    const float *scales = nullptr;
    std::int64_t cols = 0;
    std::int64_t group = 0; // Int4Grouped: columns per scale, even; cols a multiple of 8
    const float *x = nullptr;
    const float *bias = nullptr;
    const float *residual = nullptr;
    float *out = nullptr;
};

// Rows [begin, end) of the product. An AVX2/FMA version is chosen at run time where the
// CPU has it, a portable one elsewhere. Each row's value does not depend on how rows are
// split between threads.
void quantizedMatVecRows(const QuantizedMatVec &product, std::int64_t begin, std::int64_t end);

// The portable version alone; public for its tests.
void quantizedMatVecRowsPortable(const QuantizedMatVec &product, std::int64_t begin, std::int64_t end);

} // namespace llmos::rowkernels
