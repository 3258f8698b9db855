#pragma once

#include "sweep/searchspace.h"

#include "datasets/datasetsplit.h" // SplitMix64

#include <cstdint>
#include <string>

namespace llmos {

// The random numbers of the samplers, written out so a seed gives the same sweep with
// every compiler and standard library (std::uniform_real_distribution and friends do
// not promise that). The source is the project's SplitMix64.

// The seed of one parameter's stream in one trial: a parameter's draw depends only on
// (sweep seed, trial number, its path), not on the parameters around it.
std::uint64_t drawSeed(std::uint64_t sweepSeed, int trialNumber, const std::string &path);

// Uniform in [0, 1) with 53 random bits.
double uniformUnit(SplitMix64 &random);
// Standard normal (Box-Muller, one of the pair).
double standardNormal(SplitMix64 &random);

// A value of `parameter` drawn from its prior: uniform over the list, the interval, the
// log-interval or the whole numbers (log-scaled ones spread evenly over decades).
nlohmann::json drawPriorValue(const SearchParameter &parameter, SplitMix64 &random);

} // namespace llmos
