#pragma once

#include "sweep/searchspace.h"

#include "datasets/datasetsplit.h" // SplitMix64

#include <vector>

namespace llmos {

// The density of one parameter's good (or bad) values in TPE: a mixture of one kernel per
// observation plus a prior kernel, as Optuna's univariate _ParzenEstimator builds it.
//
// Numbers live in an internal space: the value itself, its logarithm for log-scaled
// parameters; whole numbers widen the domain by half a step on each side. Each
// observation is a Gaussian truncated to the domain, centred on it, whose width is the
// larger distance to its neighbours (the outermost ones use their one neighbour),
// clipped to [range / min(100, kernels + 1), range]; the prior is a Gaussian centred in
// the domain as wide as it. Whole numbers take the mass of the interval that rounds to
// them. Categorical values: each observation is a distribution that puts 1 on its value
// plus prior_weight / kernels on every value, normalised; the prior is uniform.
// Kernel weights are 1 each (the oldest fall off linearly beyond 25 observations) and
// the prior weighs 1.
class ParzenEstimator {
public:
    // `observations` in internal form (internalValue), oldest first.
    ParzenEstimator(const SearchParameter &parameter, const std::vector<double> &observations);

    // A value drawn from the mixture, in internal form (whole numbers already rounded).
    double sample(SplitMix64 &random) const;
    // log of the density (numbers) or probability (whole numbers, categories) at `x`.
    double logDensity(double x) const;

    // A parameter value <-> the internal form (categories: their index).
    static double internalValue(const SearchParameter &parameter, const nlohmann::json &value);
    static nlohmann::json externalValue(const SearchParameter &parameter, double internal);

private:
    double logNumericalDensity(double x) const;
    double logDiscreteMass(double x) const;

    const SearchParameter &m_parameter;
    std::vector<double> m_weights; // normalised, one per kernel (the prior last)
    // Numbers: kernel centres and widths on the domain [m_low, m_high].
    std::vector<double> m_mus;
    std::vector<double> m_sigmas;
    double m_low = 0;
    double m_high = 0;
    // Categories: kernel x value probabilities.
    std::vector<std::vector<double>> m_categorical;
};

} // namespace llmos
