#include "datasets/datasetsplit.h"

#include "util/error.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace llmos {

std::uint64_t SplitMix64::next()
{
    std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

std::uint64_t SplitMix64::below(std::uint64_t bound)
{
    unsigned __int128 product = static_cast<unsigned __int128>(next()) * bound;
    auto low = static_cast<std::uint64_t>(product);
    if (low < bound) {
        const std::uint64_t threshold = -bound % bound;
        while (low < threshold) {
            product = static_cast<unsigned __int128>(next()) * bound;
            low = static_cast<std::uint64_t>(product);
        }
    }
    return static_cast<std::uint64_t>(product >> 64);
}

DatasetSplit splitDataset(std::size_t count, double validationFraction, std::uint64_t seed)
{
    if (!(validationFraction >= 0.0 && validationFraction < 1.0))
        throw Error(ErrorKind::InvalidInput, "validation fraction",
                "must be at least 0 and below 1, e.g. 0.1 for a tenth of the examples");
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    SplitMix64 random(seed);
    for (std::size_t i = count; i > 1; --i) std::swap(order[i - 1], order[random.below(i)]);
    std::size_t validation = static_cast<std::size_t>(std::llround(static_cast<double>(count) * validationFraction));
    if (count < 2) validation = 0;
    else if (validationFraction > 0.0) validation = std::clamp<std::size_t>(validation, 1, count - 1);
    DatasetSplit split;
    split.validation.assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(validation));
    split.train.assign(order.begin() + static_cast<std::ptrdiff_t>(validation), order.end());
    std::sort(split.validation.begin(), split.validation.end());
    std::sort(split.train.begin(), split.train.end());
    return split;
}

} // namespace llmos
