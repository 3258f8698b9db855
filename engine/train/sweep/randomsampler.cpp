#include "sweep/randomsampler.h"

#include "sweep/randomdraws.h"

namespace llmos {

RandomSampler::RandomSampler(SearchSpace space, std::uint64_t seed)
    : m_space(std::move(space))
    , m_seed(seed)
{
}

Assignment RandomSampler::draw(const SearchSpace &space, std::uint64_t seed, int trialNumber)
{
    // Every parameter is drawn, then the inactive ones dropped, so a parameter's value
    // does not depend on whether its neighbours happened to be active.
    Assignment all;
    for (const auto &p : space.parameters()) {
        SplitMix64 random(drawSeed(seed, trialNumber, p.path));
        all.emplace(p.path, drawPriorValue(p, random));
    }
    return space.activeOnly(all);
}

std::optional<Assignment> RandomSampler::suggest(int trialNumber, const std::vector<TrialRecord> &)
{
    return draw(m_space, m_seed, trialNumber);
}

} // namespace llmos
