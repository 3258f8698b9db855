#include "sweep/pruner.h"

#include "sweep/ashapruner.h"
#include "sweep/hyperbandpruner.h"
#include "sweep/medianpruner.h"
#include "sweep/sweepfile.h"

#include <numeric>
#include <sstream>

namespace llmos {

void Pruner::trialFinished(int, TrialState)
{
}

std::vector<std::int64_t> Pruner::rungSteps(int) const
{
    return {};
}

PruneDecision NoPruner::report(int, std::int64_t, double)
{
    return {};
}

std::vector<std::int64_t> successiveHalvingRungs(std::int64_t minSteps, std::int64_t maxSteps,
                                                 std::int64_t reductionFactor, int firstRung)
{
    std::vector<std::int64_t> rungs;
    if (minSteps <= 0 || reductionFactor < 2)
        return rungs;
    std::int64_t step = minSteps;
    for (int k = 0; k < firstRung && step < maxSteps; ++k)
        step *= reductionFactor;
    for (; step < maxSteps; step *= reductionFactor)
        rungs.push_back(step);
    return rungs;
}

std::int64_t pruningEvalEvery(const PrunerSettings &settings)
{
    if (settings.kind != PrunerKind::Asha && settings.kind != PrunerKind::Hyperband)
        return 0;
    // Hyperband's later brackets start at multiples of the first rung, so bracket 0's
    // rungs decide the divisor; the loop keeps it right for any settings.
    std::int64_t divisor = 0;
    const int brackets = settings.kind == PrunerKind::Hyperband ? 64 : 1;
    for (int b = 0; b < brackets; ++b)
        for (auto step : successiveHalvingRungs(settings.minSteps, settings.maxSteps, settings.reductionFactor, b))
            divisor = std::gcd(divisor, step);
    return divisor;
}

std::string formatMetric(double value)
{
    std::ostringstream text;
    text.precision(6);
    text << value;
    return text.str();
}

std::unique_ptr<Pruner> makePruner(const SweepSpec &spec)
{
    const auto &p = spec.pruner;
    switch (p.kind) {
    case PrunerKind::None:
        return std::make_unique<NoPruner>();
    case PrunerKind::Asha:
        return std::make_unique<AshaPruner>(p.minSteps, p.maxSteps, p.reductionFactor, spec.objective);
    case PrunerKind::Hyperband:
        return std::make_unique<HyperbandPruner>(p.minSteps, p.maxSteps, p.reductionFactor, spec.objective, spec.name);
    case PrunerKind::Median:
        return std::make_unique<MedianPruner>(p.startupTrials, p.warmupSteps, spec.objective);
    }
    return std::make_unique<NoPruner>();
}

} // namespace llmos
