#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace llmos {

// Which training examples make up each batch. Every epoch is a fresh shuffle of all
// examples, drawn from splitmix64 seeded by (seed, epoch), so the order depends only on
// the seed - the same on every platform, and recomputed rather than stored when a run
// resumes. An epoch's last batch may be smaller.
class DataOrder {
public:
    // exampleCount, batchSize > 0.
    DataOrder(std::size_t exampleCount, std::int64_t batchSize, std::uint64_t seed);

    std::int64_t batchesPerEpoch() const noexcept { return m_batchesPerEpoch; }
    // Example indices of batch `batchIndex` (0 .. batchesPerEpoch-1) of `epoch`.
    std::vector<std::size_t> batch(std::int64_t epoch, std::int64_t batchIndex);

private:
    void shuffleFor(std::int64_t epoch);

    std::size_t m_count;
    std::int64_t m_batchSize;
    std::int64_t m_batchesPerEpoch;
    std::uint64_t m_seed;
    std::int64_t m_shuffledEpoch = -1;
    std::vector<std::size_t> m_order;
};

} // namespace llmos
