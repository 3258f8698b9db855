#pragma once

#include <torch/torch.h>

#include <optional>

#if defined(__x86_64__)
#include <cpuid.h>
#endif

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

#if defined(__x86_64__)
// Whether the upper halves of the ymm registers hold anything (XGETBV with ECX = 1 reports
// the state components in use; bit 2 is AVX's): the AVX2 kernels must leave them clear.
// nullopt where the CPU cannot say.
inline std::optional<bool> upperVectorStateInUse()
{
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid_count(0xd, 1, &eax, &ebx, &ecx, &edx) || (eax & (1u << 2)) == 0)
        return std::nullopt;
    unsigned low = 0, high = 0;
    asm volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(1));
    return (low & (1u << 2)) != 0;
}
#endif

} // namespace llmos::test
