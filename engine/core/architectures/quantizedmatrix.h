#pragma once

#include "architectures/quantizedkernels.h"
#include "model/weightquantization.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace llmos {

// One quantized weight matrix [rows, cols]. The storage is torch tensors so that a file's
// bytes (safetensors, zero-copy when aligned) and rows of a fused matrix can be views.
class QuantizedMatrix {
public:
    // Round-to-nearest of fp32 weight [rows, cols]: int8 scale = max|w| / 127 per row,
    // 4-bit scale = max|w| / 7 per group of columns, the last group shorter when the group
    // size does not divide cols (values -7..7). Error(InvalidInput) for a 4-bit width that
    // is not a multiple of 8.
    static QuantizedMatrix quantize(const torch::Tensor &weight, const WeightQuantization &scheme);

    // From stored tensors, checked against the shape the model expects (`where` names the
    // tensor in errors): int8 values [rows, cols] (kChar) or packed bytes [rows, cols / 2]
    // (kByte, any view of compressed-tensors' int32 words), scales [rows, 1] or
    // [rows, ceil(cols / group)] in any float dtype.
    static QuantizedMatrix fromStored(torch::Tensor values, torch::Tensor scales, const WeightQuantization &scheme,
                                      std::int64_t rows, std::int64_t cols, const std::string &where);

    // Rows of several matrices of the same scheme and width, one after the other (fused
    // q/k/v or gate/up projections).
    static QuantizedMatrix concatRows(const std::vector<const QuantizedMatrix *> &parts);
    // Rows [first, first + count) as a view of this matrix's storage.
    QuantizedMatrix rowsView(std::int64_t first, std::int64_t count) const;

    // fp32 [rows, cols]: what the tensor path (prefill, batches) multiplies with.
    torch::Tensor dequantize() const;

    // The row kernel's view of rows [firstRow, ...) for one input row.
    rowkernels::QuantizedMatVec product(std::int64_t firstRow, const float *x, const float *bias,
                                        const float *residual, float *out) const;

    const WeightQuantization &scheme() const noexcept { return m_scheme; }
    std::int64_t rows() const noexcept { return m_rows; }
    std::int64_t cols() const noexcept { return m_cols; }
    // int8 [rows, cols] or uint8 [rows, cols / 2]; scales float [rows, groups].
    const torch::Tensor &values() const noexcept { return m_values; }
    const torch::Tensor &scales() const noexcept { return m_scales; }
    std::int64_t bytes() const { return static_cast<std::int64_t>(m_values.nbytes() + m_scales.nbytes()); }
    // Bytes the row kernels stream per output row (weights and scales).
    std::int64_t bytesPerRow() const { return m_rows > 0 ? bytes() / m_rows : 0; }

private:
    QuantizedMatrix(torch::Tensor values, torch::Tensor scales, WeightQuantization scheme, std::int64_t rows,
                    std::int64_t cols);

    torch::Tensor m_values;
    torch::Tensor m_scales;
    WeightQuantization m_scheme;
    std::int64_t m_rows = 0;
    std::int64_t m_cols = 0;
};

// x [..., cols] -> x Wᵀ + b for a quantized W: one CPU row through the row kernel, more
// through the dequantized matrix.
torch::Tensor quantizedLinear(const torch::Tensor &x, const QuantizedMatrix &weight, const torch::Tensor &bias);

} // namespace llmos
