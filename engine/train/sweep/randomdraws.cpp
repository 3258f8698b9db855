#include "sweep/randomdraws.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace llmos {

namespace {

std::uint64_t mix(std::uint64_t z)
{
    // splitmix64's output function: a bijection that spreads every input bit.
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

std::uint64_t fnv1a(const std::string &text)
{
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 0x100000001b3ull;
    }
    return hash;
}

} // namespace

std::uint64_t drawSeed(std::uint64_t sweepSeed, int trialNumber, const std::string &path)
{
    return mix(mix(sweepSeed + 0x9e3779b97f4a7c15ull) ^ mix(static_cast<std::uint64_t>(trialNumber) + 1) ^ fnv1a(path));
}

double uniformUnit(SplitMix64 &random)
{
    return static_cast<double>(random.next() >> 11) * 0x1.0p-53;
}

double standardNormal(SplitMix64 &random)
{
    const double u1 = 1.0 - uniformUnit(random); // (0, 1]: log stays finite
    const double u2 = uniformUnit(random);
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

nlohmann::json drawPriorValue(const SearchParameter &p, SplitMix64 &random)
{
    switch (p.kind) {
    case ParameterKind::List:
    case ParameterKind::Choice:
        return p.values[static_cast<std::size_t>(random.below(p.values.size()))];
    case ParameterKind::Uniform:
        return std::clamp(p.low + uniformUnit(random) * (p.high - p.low), p.low, p.high);
    case ParameterKind::LogUniform: {
        const double lo = std::log(p.low), hi = std::log(p.high);
        return std::clamp(std::exp(lo + uniformUnit(random) * (hi - lo)), p.low, p.high);
    }
    case ParameterKind::Int: {
        const auto low = static_cast<std::int64_t>(p.low), high = static_cast<std::int64_t>(p.high);
        if (!p.log)
            return low + static_cast<std::int64_t>(random.below(static_cast<std::uint64_t>(high - low) + 1));
        // Log-uniform over [low - 0.5, high + 0.5], rounded: each whole number gets the
        // share of the log-interval that rounds to it (as Optuna's log-int does).
        const double lo = std::log(p.low - 0.5), hi = std::log(p.high + 0.5);
        const double x = std::exp(lo + uniformUnit(random) * (hi - lo));
        return std::clamp(static_cast<std::int64_t>(std::llround(x)), low, high);
    }
    }
    return nullptr;
}

} // namespace llmos
