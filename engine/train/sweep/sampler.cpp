#include "sweep/sampler.h"

#include "sweep/gridsampler.h"
#include "sweep/randomsampler.h"
#include "sweep/sweepfile.h"
#include "sweep/tpesampler.h"

namespace llmos {

std::unique_ptr<Sampler> makeSampler(const SweepSpec &spec)
{
    switch (spec.strategy.kind) {
    case StrategyKind::Grid:
        return std::make_unique<GridSampler>(spec.grid);
    case StrategyKind::Random:
        return std::make_unique<RandomSampler>(spec.space, spec.strategy.seed);
    case StrategyKind::Tpe:
        return std::make_unique<TpeSampler>(spec.space, spec.strategy, spec.objective);
    }
    return nullptr;
}

} // namespace llmos
