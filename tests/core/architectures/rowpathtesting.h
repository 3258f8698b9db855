#pragma once

#include <torch/torch.h>

// Helpers of the row-path tests (test_row_products).
namespace llmos::test {

// Sets libtorch's intra-op thread count, which the row path's thread team follows, for
// one scope.
class TorchThreads {
public:
    explicit TorchThreads(int threads)
        : m_before(torch::get_num_threads())
    {
        torch::set_num_threads(threads);
    }
    ~TorchThreads() { torch::set_num_threads(m_before); }

    TorchThreads(const TorchThreads &) = delete;
    TorchThreads &operator=(const TorchThreads &) = delete;

private:
    int m_before;
};

inline double maxAbsDifference(const torch::Tensor &a, const torch::Tensor &b)
{
    return (a.to(torch::kDouble) - b.to(torch::kDouble)).abs().max().item<double>();
}

} // namespace llmos::test
