#pragma once

#include "architectures/quantizedmatrix.h"
#include "architectures/rowkernels.h"
#include "runtime/threadteam.h"

#include <torch/torch.h>

#include <cstdint>

namespace llmos {

// The threads of a model's batch-1 decode steps on the CPU: a ThreadTeam of the configured
// size (torch::get_num_threads()) that runs the step's matrix-vector products,
// y = W x (+ bias) (+ residual) for one fp32 activation row, split by rows, and its other
// parallel work (attention split by heads).
//
// Why not BLAS: a decode step makes ~25 such products of 0.1-8 MiB of weights each, a few
// to a few hundred microseconds apiece. OpenBLAS runs each as an OpenMP parallel region,
// and the fork/join around every call was a fifth of the step (libgomp in the profile);
// libtorch's own at::parallel_for is OpenMP too, and no library at hand offers a
// batch-1 GEMV on a persistent team. The kernel is rowkernels::matVecRows; reading the
// weights is the whole cost, so a simple one reaches the memory bandwidth.
//
// One per model, so the team's threads live and die with it. Not for autograd: results
// have no gradient history.
class DecodeTeam {
public:
    // Whether multiply() runs here rather than falling back to torch::addmv: fp32 CPU
    // tensors, W [out, in] contiguous, x contiguous with `in` values, bias and residual
    // (when given) contiguous with `out` values.
    static bool handles(const torch::Tensor &weight, const torch::Tensor &x, const torch::Tensor &bias = {},
                        const torch::Tensor &residual = {});

    // W x + bias + residual as a 1-D tensor of W's rows; x may have any shape of `in`
    // values. Anything handles() refuses goes through torch::addmv.
    torch::Tensor multiply(const torch::Tensor &weight, const torch::Tensor &x, const torch::Tensor &bias = {},
                           const torch::Tensor &residual = {});

    // The product into product.out (rows values), for callers that own their buffers.
    void multiply(const rowkernels::MatVec &product, std::int64_t rows);

    // multiply() for the `inputs` rows of x [inputs, in] at once (a decode step of several
    // sequences): [inputs, out], residual (when given) [inputs, out]. Each block of weight
    // rows is read from memory once and reused from the L1 cache for every input, and
    // every input gets exactly the rounding multiply() gives it alone.
    torch::Tensor multiplyRows(const torch::Tensor &weight, const torch::Tensor &x, const torch::Tensor &bias = {},
                               const torch::Tensor &residual = {});
    // The same for a quantized W (quantizedmatrix.h); x, bias and residual fp32,
    // contiguous, on the CPU.
    torch::Tensor multiplyRows(const QuantizedMatrix &weight, const torch::Tensor &x, const torch::Tensor &bias = {},
                               const torch::Tensor &residual = {});

    // Runs body(begin, end) over [0, rows) on the team, in chunks that start at multiples
    // of `rowMultiple` and stream enough bytes (bytesPerRow each) to be worth a thread.
    // For products fused with other per-row work (SwiGLU) and for attention by heads.
    template <typename Body>
    void forRows(std::int64_t rows, std::int64_t bytesPerRow, std::int64_t rowMultiple, const Body &body)
    {
        matchConfiguredThreads();
        m_team.parallelFor(rows, smallestChunk(bytesPerRow, rowMultiple), body);
    }

    int threads() const noexcept { return m_team.threads(); }

private:
    void matchConfiguredThreads();
    static std::int64_t smallestChunk(std::int64_t bytesPerRow, std::int64_t rowMultiple);

    ThreadTeam m_team;
};

} // namespace llmos
