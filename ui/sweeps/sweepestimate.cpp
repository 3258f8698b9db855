#include "sweeps/sweepestimate.h"

#include "recipe/trainingrecipe.h"
#include "sweep/hyperbandpruner.h"
#include "sweep/pruner.h"

#include <algorithm>

namespace llmos {

namespace {

// The largest value a space parameter can give a whole-number field.
std::int64_t largestValue(const SearchParameter &parameter)
{
    if (!parameter.isCategorical())
        return static_cast<std::int64_t>(parameter.high);
    std::int64_t largest = 0;
    for (const auto &value : parameter.values)
        if (value.is_number())
            largest = std::max(largest, static_cast<std::int64_t>(value.get<double>()));
    return largest;
}

// Of `arrivals` trials that reach a rung, how many are expected to go on. AshaPruner
// lets the j-th value recorded at a rung go on when it is among the best
// max(1, floor(j / eta)) of the j values recorded there so far. When the values come in
// random order (no trial is known to be better before it runs) that is a chance of
// max(1, floor(j / eta)) / j for the j-th, and the expectation is their sum; a fraction
// of a trial counts with the chance of the next one.
double expectedSurvivors(double arrivals, std::int64_t eta)
{
    const auto whole = static_cast<std::int64_t>(arrivals);
    const auto chance = [eta](std::int64_t j) {
        return static_cast<double>(std::max<std::int64_t>(1, j / eta)) / static_cast<double>(j);
    };
    double survivors = 0;
    for (std::int64_t j = 1; j <= whole; ++j)
        survivors += chance(j);
    if (arrivals > static_cast<double>(whole))
        survivors += (arrivals - static_cast<double>(whole)) * chance(whole + 1);
    return survivors;
}

} // namespace

double expectedHalvingSteps(double trials, const std::vector<std::int64_t> &rungs, std::int64_t eta,
                            std::int64_t length)
{
    double steps = 0;
    double running = trials;
    std::int64_t reached = 0;
    for (const auto rung : rungs) {
        if (rung >= length)
            break;
        steps += running * static_cast<double>(rung - reached);
        reached = rung;
        running = expectedSurvivors(running, eta);
    }
    return steps + running * static_cast<double>(length - reached);
}

std::int64_t longestTrialSteps(const SweepSpec &spec, std::int64_t stepsFromEpochs)
{
    const TrainingRecipe base = parseTrainingRecipe(spec.baseRecipe, "sweep");
    if (const auto *maxSteps = spec.space.find("training.max_steps")) {
        const std::int64_t largest = largestValue(*maxSteps);
        if (largest > 0)
            return largest; // a value of 0 there means epochs: then this is a lower bound
    }
    if (base.training.maxSteps > 0)
        return base.training.maxSteps;
    if (stepsFromEpochs <= 0)
        return 0;
    // The caller counted the base recipe's epochs; a space that tries more scales it.
    if (const auto *epochs = spec.space.find("training.epochs"))
        return stepsFromEpochs * std::max<std::int64_t>(1, largestValue(*epochs)) / base.training.epochs;
    return stepsFromEpochs;
}

SweepEstimate estimateSweep(const SweepSpec &spec, std::int64_t stepsPerTrial)
{
    SweepEstimate estimate;
    estimate.trials = spec.budget.maxTrials;
    estimate.stepsPerTrial = stepsPerTrial;
    estimate.totalSteps = static_cast<double>(estimate.trials) * static_cast<double>(stepsPerTrial);
    estimate.expectedSteps = estimate.totalSteps;
    const auto &p = spec.pruner;
    if (stepsPerTrial <= 0 || (p.kind != PrunerKind::Asha && p.kind != PrunerKind::Hyperband))
        return estimate; // median stopping saves what the results allow: no honest number
    estimate.halving = true;
    const auto trials = static_cast<double>(estimate.trials);
    if (p.kind == PrunerKind::Asha) {
        estimate.expectedSteps =
            expectedHalvingSteps(trials, successiveHalvingRungs(p.minSteps, p.maxSteps, p.reductionFactor),
                                 p.reductionFactor, stepsPerTrial);
    } else {
        // Hyperband hashes each trial into a bracket in proportion to the brackets'
        // budgets; each bracket halves on its own, from a later first rung.
        const HyperbandPruner hyperband(p.minSteps, p.maxSteps, p.reductionFactor, spec.objective, spec.name);
        std::int64_t total = 0;
        for (const auto budget : hyperband.budgets())
            total += budget;
        double steps = 0;
        for (int b = 0; b < hyperband.bracketCount(); ++b) {
            const double share = static_cast<double>(hyperband.budgets()[static_cast<std::size_t>(b)]) /
                                 static_cast<double>(std::max<std::int64_t>(total, 1));
            steps += expectedHalvingSteps(trials * share,
                                          successiveHalvingRungs(p.minSteps, p.maxSteps, p.reductionFactor, b),
                                          p.reductionFactor, stepsPerTrial);
        }
        estimate.expectedSteps = steps;
    }
    estimate.expectedSteps = std::min(estimate.expectedSteps, estimate.totalSteps);
    return estimate;
}

} // namespace llmos
