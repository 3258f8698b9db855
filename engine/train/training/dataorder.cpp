#include "training/dataorder.h"

#include "datasets/datasetsplit.h"
#include "util/error.h"

#include <algorithm>
#include <numeric>

namespace llmos {

DataOrder::DataOrder(std::size_t exampleCount, std::int64_t batchSize, std::uint64_t seed)
    : m_count(exampleCount), m_batchSize(batchSize), m_seed(seed)
{
    if (exampleCount == 0 || batchSize <= 0)
        throw Error(ErrorKind::InvalidInput, "training data", "there are no training examples to batch");
    m_batchesPerEpoch = static_cast<std::int64_t>((exampleCount + batchSize - 1) / batchSize);
}

void DataOrder::shuffleFor(std::int64_t epoch)
{
    if (epoch == m_shuffledEpoch)
        return;
    m_order.resize(m_count);
    std::iota(m_order.begin(), m_order.end(), std::size_t{0});
    // A separate stream per epoch: the epoch goes through splitmix64's output mixing, so
    // nearby seeds and epochs give unrelated orders.
    SplitMix64 seeder(m_seed ^ (0x9E3779B97F4A7C15ull * static_cast<std::uint64_t>(epoch + 1)));
    SplitMix64 random(seeder.next());
    for (std::size_t i = m_count; i > 1; --i)
        std::swap(m_order[i - 1], m_order[random.below(i)]);
    m_shuffledEpoch = epoch;
}

std::vector<std::size_t> DataOrder::batch(std::int64_t epoch, std::int64_t batchIndex)
{
    if (epoch < 0 || batchIndex < 0 || batchIndex >= m_batchesPerEpoch)
        throw Error(ErrorKind::Internal, "data order",
                    "batch " + std::to_string(batchIndex) + " of epoch " + std::to_string(epoch) + " does not exist");
    shuffleFor(epoch);
    const auto begin = static_cast<std::size_t>(batchIndex * m_batchSize);
    const auto end = std::min(m_count, begin + static_cast<std::size_t>(m_batchSize));
    return {m_order.begin() + static_cast<std::ptrdiff_t>(begin), m_order.begin() + static_cast<std::ptrdiff_t>(end)};
}

} // namespace llmos
