#include "sweep/tpesampler.h"

#include "sweep/parzenestimator.h"
#include "sweep/randomdraws.h"
#include "sweep/randomsampler.h"

#include <algorithm>
#include <cmath>

namespace llmos {

namespace {

constexpr std::size_t kMaxGoodTrials = 25; // Optuna's cap on the good set

bool isObservation(const TrialRecord &t)
{
    if (t.state == TrialState::Pruned)
        return true;
    return t.state == TrialState::Succeeded && t.objective && std::isfinite(*t.objective);
}

// The value a pruned trial had where it stopped.
double lastValue(const TrialRecord &t)
{
    if (t.objective)
        return *t.objective;
    return t.intermediates.empty() ? std::nan("") : t.intermediates.rbegin()->second;
}

} // namespace

TpeSampler::TpeSampler(SearchSpace space, StrategySettings settings, Objective objective)
    : m_space(std::move(space))
    , m_settings(settings)
    , m_objective(std::move(objective))
{
}

std::optional<Assignment> TpeSampler::suggest(int trialNumber, const std::vector<TrialRecord> &history)
{
    std::vector<const TrialRecord *> observations;
    for (const auto &t : history)
        if (isObservation(t))
            observations.push_back(&t);
    if (observations.size() < static_cast<std::size_t>(m_settings.startupTrials))
        return RandomSampler::draw(m_space, m_settings.seed, trialNumber);

    // Best first: finished trials by objective, then pruned ones, the furthest first and
    // among equals the better value; the trial number breaks ties.
    std::stable_sort(observations.begin(), observations.end(), [&](const TrialRecord *a, const TrialRecord *b) {
        const bool aDone = a->state == TrialState::Succeeded, bDone = b->state == TrialState::Succeeded;
        if (aDone != bDone)
            return aDone;
        if (aDone) {
            if (m_objective.better(*a->objective, *b->objective))
                return true;
            if (m_objective.better(*b->objective, *a->objective))
                return false;
            return a->number < b->number;
        }
        if (a->step != b->step)
            return a->step > b->step;
        if (m_objective.better(lastValue(*a), lastValue(*b)))
            return true;
        if (m_objective.better(lastValue(*b), lastValue(*a)))
            return false;
        return a->number < b->number;
    });

    Assignment all;
    for (const auto &p : m_space.parameters())
        all.emplace(p.path, suggestParameter(p, trialNumber, observations));
    return m_space.activeOnly(all);
}

nlohmann::json TpeSampler::suggestParameter(const SearchParameter &p, int trialNumber,
                                            const std::vector<const TrialRecord *> &ranked) const
{
    SplitMix64 random(drawSeed(m_settings.seed, trialNumber, p.path));
    // Only trials in which the parameter was active say anything about it.
    std::vector<const TrialRecord *> relevant;
    for (const auto *t : ranked)
        if (t->assignment.contains(p.path) && p.canTake(t->assignment.at(p.path)))
            relevant.push_back(t);
    if (relevant.empty())
        return drawPriorValue(p, random);

    const std::size_t n = relevant.size();
    const auto wanted = static_cast<std::size_t>(std::ceil(m_settings.gamma * static_cast<double>(n)));
    const std::size_t good = std::clamp<std::size_t>(wanted, 1, std::min(n, kMaxGoodTrials));
    std::vector<const TrialRecord *> below(relevant.begin(), relevant.begin() + static_cast<std::ptrdiff_t>(good));
    std::vector<const TrialRecord *> above(relevant.begin() + static_cast<std::ptrdiff_t>(good), relevant.end());
    // Kernel weights follow age, so each set goes oldest first.
    auto byNumber = [](const TrialRecord *a, const TrialRecord *b) { return a->number < b->number; };
    std::sort(below.begin(), below.end(), byNumber);
    std::sort(above.begin(), above.end(), byNumber);
    auto values = [&](const std::vector<const TrialRecord *> &trials) {
        std::vector<double> v;
        for (const auto *t : trials)
            v.push_back(ParzenEstimator::internalValue(p, t->assignment.at(p.path)));
        return v;
    };
    const ParzenEstimator l(p, values(below));
    const ParzenEstimator g(p, values(above));

    double best = 0;
    double bestScore = -INFINITY;
    for (std::int64_t i = 0; i < m_settings.candidates; ++i) {
        const double x = l.sample(random);
        const double score = l.logDensity(x) - g.logDensity(x);
        if (i == 0 || score > bestScore) {
            best = x;
            bestScore = score;
        }
    }
    return ParzenEstimator::externalValue(p, best);
}

} // namespace llmos
