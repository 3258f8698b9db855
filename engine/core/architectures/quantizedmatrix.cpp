#include "architectures/quantizedmatrix.h"

#include "util/error.h"

namespace llmos {

namespace {

constexpr std::int64_t kInt4Max = 7;
constexpr std::int64_t kInt8Max = 127;

std::string shapeOf(const torch::Tensor &t)
{
    std::string text = "[";
    for (std::int64_t i = 0; i < t.dim(); ++i)
        text += (i ? ", " : "") + std::to_string(t.size(i));
    return text + "]";
}

rowkernels::QuantizedFormat formatOf(const WeightQuantization &scheme)
{
    return scheme.bits == 4 ? rowkernels::QuantizedFormat::Int4Grouped : rowkernels::QuantizedFormat::Int8PerRow;
}

// 4-bit: a scale per group, the last one possibly shorter (a width such as 344 that no
// multiple of 32 divides still quantizes).
std::int64_t groupsPerRow(const WeightQuantization &scheme, std::int64_t cols)
{
    return scheme.bits == 4 ? (cols + scheme.group - 1) / scheme.group : 1;
}

} // namespace

QuantizedMatrix::QuantizedMatrix(torch::Tensor values, torch::Tensor scales, WeightQuantization scheme,
                                 std::int64_t rows, std::int64_t cols)
    : m_values(std::move(values))
    , m_scales(std::move(scales))
    , m_scheme(scheme)
    , m_rows(rows)
    , m_cols(cols)
{
}

QuantizedMatrix QuantizedMatrix::quantize(const torch::Tensor &weight, const WeightQuantization &scheme)
{
    torch::NoGradGuard noGrad;
    const auto w = weight.detach().to(torch::kCPU, torch::kFloat).contiguous();
    const auto rows = w.size(0);
    const auto cols = w.size(1);
    if (scheme.bits == 8) {
        const auto scales = (w.abs().amax(1, true) / kInt8Max).clamp_min(1e-12);
        const auto values = (w / scales).round().clamp(-kInt8Max, kInt8Max).to(torch::kChar).contiguous();
        return {values, scales.contiguous(), scheme, rows, cols};
    }
    if (scheme.bits != 4 || scheme.group <= 0 || scheme.group % 32 != 0)
        throw Error(ErrorKind::InvalidInput, "quantize",
                    "weights quantize to 8 bits per channel or to 4 bits in groups of a multiple of 32 columns");
    if (cols % 8 != 0)
        throw Error(ErrorKind::InvalidInput, "quantize",
                    "a matrix of " + std::to_string(cols) + " columns cannot be packed in 4 bits: its width must be a "
                                                            "multiple of 8 (eight values to a 32-bit word)");
    const auto groups = groupsPerRow(scheme, cols);
    // Zeros pad the last group to full length; they change no scale and are cut off again.
    const auto padded = torch::constant_pad_nd(w, {0, groups * scheme.group - cols});
    const auto grouped = padded.view({rows, groups, scheme.group});
    const auto scales = (grouped.abs().amax(2, true) / kInt4Max).clamp_min(1e-12);
    const auto q = ((grouped / scales).round().clamp(-kInt4Max, kInt4Max) + 8)
                       .to(torch::kByte)
                       .view({rows, groups * scheme.group})
                       .narrow(1, 0, cols)
                       .contiguous();
    // Column 2j in the low nibble of byte j, 2j + 1 in the high one.
    const auto pairs = q.view({rows, cols / 2, 2});
    const auto packed = (pairs.select(2, 0) + pairs.select(2, 1) * 16).contiguous(); // each nibble <= 15
    return {packed, scales.view({rows, groups}).contiguous(), scheme, rows, cols};
}

QuantizedMatrix QuantizedMatrix::fromStored(torch::Tensor values, torch::Tensor scales,
                                            const WeightQuantization &scheme, std::int64_t rows, std::int64_t cols,
                                            const std::string &where)
{
    const auto groups = groupsPerRow(scheme, cols);
    if (scheme.bits == 4 && (scheme.group <= 0 || scheme.group % 8 != 0 || cols % 8 != 0))
        throw Error(ErrorKind::Format, where,
                    "4-bit weights need a group size and a width that are multiples of 8 (group " +
                        std::to_string(scheme.group) + ", " + std::to_string(cols) + " columns)");
    const auto valueCols = scheme.bits == 4 ? cols / 2 : cols;
    if (values.dim() != 2 || values.size(0) != rows || values.size(1) * values.element_size() != valueCols)
        throw Error(ErrorKind::Format, where,
                    "has shape " + shapeOf(values) + " but the model needs " + std::to_string(rows) + " rows of " +
                        std::to_string(cols) + " " + (scheme.bits == 4 ? "4-bit" : "8-bit") + " weights");
    if (scales.dim() != 2 || scales.size(0) != rows || scales.size(1) != groups)
        throw Error(ErrorKind::Format, where + " (scales)",
                    "has shape " + shapeOf(scales) + " but the model needs [" + std::to_string(rows) + ", " +
                        std::to_string(groups) + "]");
    if (!scales.is_floating_point())
        throw Error(ErrorKind::Format, where + " (scales)", "scales must be floating point");
    auto stored = scheme.bits == 4 ? values.contiguous().view(torch::kByte).view({rows, valueCols})
                                   : values.contiguous().view(torch::kChar);
    return {stored, scales.to(torch::kFloat).contiguous(), scheme, rows, cols};
}

QuantizedMatrix QuantizedMatrix::concatRows(const std::vector<const QuantizedMatrix *> &parts)
{
    std::vector<torch::Tensor> values;
    std::vector<torch::Tensor> scales;
    std::int64_t rows = 0;
    for (const auto *part : parts) {
        if (part->scheme() != parts.front()->scheme() || part->cols() != parts.front()->cols())
            throw Error(ErrorKind::Internal, "quantized projections", "parts of one product differ in scheme or width");
        values.push_back(part->values());
        scales.push_back(part->scales());
        rows += part->rows();
    }
    return {torch::cat(values, 0), torch::cat(scales, 0), parts.front()->scheme(), rows, parts.front()->cols()};
}

QuantizedMatrix QuantizedMatrix::rowsView(std::int64_t first, std::int64_t count) const
{
    return {m_values.narrow(0, first, count), m_scales.narrow(0, first, count), m_scheme, count, m_cols};
}

torch::Tensor QuantizedMatrix::dequantize() const
{
    if (m_scheme.bits == 8)
        return m_values.to(torch::kFloat) * m_scales;
    const auto bytes = m_values.to(torch::kInt);
    const auto low = bytes.remainder(16).to(torch::kFloat) - 8;
    const auto high = bytes.div(16, "floor").to(torch::kFloat) - 8;
    const auto groups = m_scales.size(1);
    const auto q = torch::constant_pad_nd(torch::stack({low, high}, 2).view({m_rows, m_cols}),
                                          {0, groups * m_scheme.group - m_cols});
    return (q.view({m_rows, groups, m_scheme.group}) * m_scales.unsqueeze(2))
        .view({m_rows, groups * m_scheme.group})
        .narrow(1, 0, m_cols);
}

rowkernels::QuantizedMatVec QuantizedMatrix::product(std::int64_t firstRow, const float *x, const float *bias,
                                                     const float *residual, float *out) const
{
    const auto groups = m_scales.size(1);
    return {formatOf(m_scheme),
            static_cast<const std::uint8_t *>(m_values.data_ptr()) + firstRow * m_values.size(1),
            m_scales.data_ptr<float>() + firstRow * groups,
            m_cols,
            m_scheme.group,
            x,
            bias,
            residual,
            out};
}

torch::Tensor quantizedLinear(const torch::Tensor &x, const QuantizedMatrix &weight, const torch::Tensor &bias)
{
    if (x.numel() == x.size(-1) && x.device().is_cpu() && x.scalar_type() == torch::kFloat
        && !torch::GradMode::is_enabled()) {
        const auto row = x.contiguous();
        const auto b = bias.defined() ? bias.contiguous() : bias;
        auto sizes = x.sizes().vec();
        sizes.back() = weight.rows();
        auto out = torch::empty(sizes, x.options());
        rowkernels::quantizedMatVecRows(weight.product(0, row.data_ptr<float>(), b.defined() ? b.data_ptr<float>() : nullptr,
                                                       nullptr, out.data_ptr<float>()),
                                        0, weight.rows());
        return out;
    }
    return torch::nn::functional::linear(x, weight.dequantize().to(x.device(), x.scalar_type()), bias);
}

} // namespace llmos
