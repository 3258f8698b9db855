#pragma once

#include "sweep/sweepfile.h"

#include <cstdint>
#include <vector>

namespace llmos {

// What a sweep will cost before it runs: trials, and optimizer steps in all.
struct SweepEstimate {
    std::int64_t trials = 0;
    std::int64_t stepsPerTrial = 0; // the longest trial; 0 when nobody knows yet
    double totalSteps = 0;          // trials × stepsPerTrial: every trial to the end
    double expectedSteps = 0;       // with ASHA or Hyperband stopping weak trials; else totalSteps
    bool halving = false;           // ASHA or Hyperband: expectedSteps is below totalSteps
};

// The optimizer steps of the sweep's longest trial: the base recipe's training.max_steps
// (or the largest the space tries); else `stepsFromEpochs`, the caller's count for the
// recipe's epochs (scaled when the space tries more epochs); 0 when neither is known.
std::int64_t longestTrialSteps(const SweepSpec &spec, std::int64_t stepsFromEpochs);

SweepEstimate estimateSweep(const SweepSpec &spec, std::int64_t stepsPerTrial);

// Expected steps of `trials` trials of `length` steps through successive-halving rungs
// with reduction factor `eta`, under AshaPruner's rule (see the .cpp for the model).
double expectedHalvingSteps(double trials, const std::vector<std::int64_t> &rungs, std::int64_t eta,
                            std::int64_t length);

} // namespace llmos
