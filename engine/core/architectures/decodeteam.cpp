#include "architectures/decodeteam.h"

#include <algorithm>

namespace llmos {

namespace {

// The smallest piece of work worth handing to a thread: it streams enough weights (the
// hardware prefetcher needs a run of them) that claiming it costs little in comparison.
// Smaller loops run on the calling thread alone.
constexpr std::int64_t kMinChunkBytes = 32 * 1024;

bool isCpuFloat(const torch::Tensor &t)
{
    return t.device().is_cpu() && t.scalar_type() == torch::kFloat && t.is_contiguous();
}

} // namespace

bool DecodeTeam::handles(const torch::Tensor &weight, const torch::Tensor &x, const torch::Tensor &bias,
                             const torch::Tensor &residual)
{
    if (!weight.defined() || weight.dim() != 2 || !isCpuFloat(weight) || !x.defined() || !isCpuFloat(x)
        || x.numel() != weight.size(1))
        return false;
    const auto rows = weight.size(0);
    const auto fits = [rows](const torch::Tensor &t) { return !t.defined() || (isCpuFloat(t) && t.numel() == rows); };
    return fits(bias) && fits(residual);
}

torch::Tensor DecodeTeam::multiply(const torch::Tensor &weight, const torch::Tensor &x, const torch::Tensor &bias,
                                       const torch::Tensor &residual)
{
    if (!handles(weight, x, bias, residual)) {
        const auto row = x.reshape({-1});
        auto out = residual.defined() ? torch::addmv(residual.reshape({-1}), weight, row) : torch::mv(weight, row);
        return bias.defined() ? out.add_(bias) : out;
    }
    auto out = torch::empty({weight.size(0)}, x.options());
    multiply({weight.data_ptr<float>(), weight.size(1), x.data_ptr<float>(),
              bias.defined() ? bias.data_ptr<float>() : nullptr,
              residual.defined() ? residual.data_ptr<float>() : nullptr, out.data_ptr<float>()},
             weight.size(0));
    return out;
}

void DecodeTeam::multiply(const rowkernels::MatVec &product, std::int64_t rows)
{
    forRows(rows, product.cols * static_cast<std::int64_t>(sizeof(float)), rowkernels::kMatVecRowsAtOnce,
            [&product](std::int64_t begin, std::int64_t end) { rowkernels::matVecRows(product, begin, end); });
}

torch::Tensor DecodeTeam::multiplyRows(const torch::Tensor &weight, const torch::Tensor &x, const torch::Tensor &bias,
                                       const torch::Tensor &residual)
{
    const auto inputs = x.size(0);
    if (inputs == 1)
        return multiply(weight, x, bias, residual).view({1, -1});
    const auto cols = weight.size(1);
    const auto rows = weight.size(0);
    auto out = torch::empty({inputs, rows}, x.options());
    const float *w = weight.data_ptr<float>();
    const float *in = x.data_ptr<float>();
    const float *b = bias.defined() ? bias.data_ptr<float>() : nullptr;
    const float *res = residual.defined() ? residual.data_ptr<float>() : nullptr;
    float *o = out.data_ptr<float>();
    forRows(rows, cols * static_cast<std::int64_t>(sizeof(float)), rowkernels::kMatVecRowsAtOnce,
            [&](std::int64_t begin, std::int64_t end) {
                for (auto block = begin; block < end; block += rowkernels::kMatVecRowsAtOnce) {
                    const auto blockEnd = std::min(end, block + rowkernels::kMatVecRowsAtOnce);
                    for (std::int64_t i = 0; i < inputs; ++i)
                        rowkernels::matVecRows({w, cols, in + i * cols, b, res ? res + i * rows : nullptr, o + i * rows},
                                               block, blockEnd);
                }
            });
    return out;
}

torch::Tensor DecodeTeam::multiplyRows(const QuantizedMatrix &weight, const torch::Tensor &x,
                                       const torch::Tensor &bias, const torch::Tensor &residual)
{
    const auto inputs = x.numel() / weight.cols();
    const auto cols = weight.cols();
    const auto rows = weight.rows();
    auto out = torch::empty({inputs, rows}, x.options());
    const float *in = x.data_ptr<float>();
    const float *b = bias.defined() ? bias.data_ptr<float>() : nullptr;
    const float *res = residual.defined() ? residual.data_ptr<float>() : nullptr;
    float *o = out.data_ptr<float>();
    // As for fp32 weights: each block of rows serves every input while it is in L1.
    forRows(rows, weight.bytesPerRow(), rowkernels::kMatVecRowsAtOnce, [&](std::int64_t begin, std::int64_t end) {
        for (auto block = begin; block < end; block += rowkernels::kMatVecRowsAtOnce) {
            const auto blockEnd = std::min(end, block + rowkernels::kMatVecRowsAtOnce);
            for (std::int64_t i = 0; i < inputs; ++i)
                rowkernels::quantizedMatVecRows(
                    weight.product(0, in + i * cols, b, res ? res + i * rows : nullptr, o + i * rows), block, blockEnd);
        }
    });
    return out;
}

void DecodeTeam::matchConfiguredThreads()
{
    // The thread count is a setting the user may change while a model is loaded.
    const int configured = torch::get_num_threads();
    if (configured != m_team.threads())
        m_team.resize(configured);
}

std::int64_t DecodeTeam::smallestChunk(std::int64_t bytesPerRow, std::int64_t rowMultiple)
{
    bytesPerRow = std::max<std::int64_t>(bytesPerRow, 1);
    rowMultiple = std::max<std::int64_t>(rowMultiple, 1);
    const auto rows = (kMinChunkBytes + bytesPerRow - 1) / bytesPerRow;
    return (rows + rowMultiple - 1) / rowMultiple * rowMultiple;
}

} // namespace llmos
