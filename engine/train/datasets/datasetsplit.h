#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace llmos {

// Which examples train and which validate. Deterministic across runs, compilers and
// platforms: splitmix64 seeded with `seed` drives a Fisher-Yates shuffle with our own
// bounded mapping (std::uniform_int_distribution's output differs between standard
// libraries). The first round(count * validationFraction) shuffled indices validate
// (at least one when the fraction is positive and there are two or more examples, and
// never all of them); both lists come back sorted, so the file order is kept.
struct DatasetSplit {
    std::vector<std::size_t> train;
    std::vector<std::size_t> validation;
};

DatasetSplit splitDataset(std::size_t count, double validationFraction, std::uint64_t seed);

// splitmix64 (Steele, Lea, Flood 2014): tiny, fast, and the same everywhere.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next();
    // Uniform in [0, bound), bound > 0: Lemire's multiply-and-reject.
    std::uint64_t below(std::uint64_t bound);

private:
    std::uint64_t m_state;
};

} // namespace llmos
