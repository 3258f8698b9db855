#pragma once

#include "sweep/searchspace.h"
#include "sweep/trialrecord.h"

#include <memory>
#include <optional>
#include <vector>

namespace llmos {

struct SweepSpec;

// A search strategy: what to try next. Samplers keep no state between calls; a
// suggestion depends only on the sweep's settings, the trial number and the trials so
// far, so a sweep resumed from its journal continues exactly where it stopped.
class Sampler {
public:
    virtual ~Sampler() = default;
    // The configuration for trial `trialNumber` (0, 1, ...), given every trial suggested
    // before it (running ones included; each sampler decides what it learns from).
    // nullopt: the strategy has nothing left to try (the grid is exhausted).
    virtual std::optional<Assignment> suggest(int trialNumber, const std::vector<TrialRecord> &history) = 0;
};

// The sampler the sweep's strategy names.
std::unique_ptr<Sampler> makeSampler(const SweepSpec &spec);

} // namespace llmos
