#pragma once

#include <cstdint>
#include <optional>
#include <span>

namespace llmos {

// Overflow-checked arithmetic for sizes read from untrusted files. An empty optional
// means the true result does not fit in 64 bits.
inline std::optional<std::uint64_t> checkedAdd(std::uint64_t a, std::uint64_t b)
{
    std::uint64_t r;
    if (__builtin_add_overflow(a, b, &r))
        return std::nullopt;
    return r;
}

inline std::optional<std::uint64_t> checkedMul(std::uint64_t a, std::uint64_t b)
{
    std::uint64_t r;
    if (__builtin_mul_overflow(a, b, &r))
        return std::nullopt;
    return r;
}

// Product of all dimensions (1 for a scalar), or empty on overflow.
inline std::optional<std::uint64_t> checkedProduct(std::span<const std::uint64_t> dims)
{
    std::uint64_t n = 1;
    for (std::uint64_t d : dims) {
        auto next = checkedMul(n, d);
        if (!next)
            return std::nullopt;
        n = *next;
    }
    return n;
}

} // namespace llmos
