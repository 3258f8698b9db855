#include "sweep/parzenestimator.h"

#include "sweep/randomdraws.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace llmos {

namespace {

constexpr double kPriorWeight = 1.0;
constexpr double kLogTiny = -1e300; // log of "no density at all", still comparable

// Optuna's default_weights: equal weights, except that beyond 25 observations the
// oldest ones ramp down linearly so the model follows the recent trials.
std::vector<double> observationWeights(std::size_t n)
{
    std::vector<double> weights(n, 1.0);
    if (n >= 25) {
        const std::size_t ramp = n - 25;
        for (std::size_t i = 0; i < ramp; ++i) // numpy.linspace(1 / n, 1, ramp)
            weights[i] = ramp == 1 ? 1.0 / static_cast<double>(n)
                                   : 1.0 / static_cast<double>(n)
                                         + (1.0 - 1.0 / static_cast<double>(n)) * static_cast<double>(i)
                                               / static_cast<double>(ramp - 1);
    }
    return weights;
}

double logSumExp(const std::vector<double> &terms)
{
    const double top = *std::max_element(terms.begin(), terms.end());
    if (!std::isfinite(top))
        return top;
    double sum = 0;
    for (double t : terms)
        sum += std::exp(t - top);
    return top + std::log(sum);
}

double logStandardNormalPdf(double z)
{
    return -0.5 * z * z - 0.5 * std::log(2.0 * std::numbers::pi);
}

// log(Phi(b) - Phi(a)) for a < b, from the side of the tails where erfc stays accurate.
double logNormalMass(double a, double b)
{
    const double r = 1.0 / std::numbers::sqrt2;
    double mass = 0;
    if (a >= 0)
        mass = 0.5 * (std::erfc(a * r) - std::erfc(b * r));
    else if (b <= 0)
        mass = 0.5 * (std::erfc(-b * r) - std::erfc(-a * r));
    else
        mass = 1.0 - 0.5 * std::erfc(-a * r) - 0.5 * std::erfc(b * r);
    if (mass > 1e-300)
        return std::log(mass);
    // Far in a tail: the density at the nearer end times the width bounds it well enough.
    const double nearer = std::min(std::abs(a), std::abs(b));
    return logStandardNormalPdf(nearer) + std::log(b - a);
}

} // namespace

double ParzenEstimator::internalValue(const SearchParameter &p, const nlohmann::json &value)
{
    if (p.isCategorical())
        return static_cast<double>(p.indexOf(value).value_or(0));
    const double x = value.get<double>();
    return p.isLogScale() ? std::log(x) : x;
}

nlohmann::json ParzenEstimator::externalValue(const SearchParameter &p, double internal)
{
    if (p.isCategorical())
        return p.values[std::min(static_cast<std::size_t>(internal), p.values.size() - 1)];
    const double x = p.isLogScale() ? std::exp(internal) : internal;
    if (p.kind == ParameterKind::Int)
        return std::clamp(static_cast<std::int64_t>(std::llround(x)), static_cast<std::int64_t>(p.low),
                          static_cast<std::int64_t>(p.high));
    return std::clamp(x, p.low, p.high);
}

ParzenEstimator::ParzenEstimator(const SearchParameter &p, const std::vector<double> &observations)
    : m_parameter(p)
{
    const std::size_t n = observations.size();
    m_weights = observationWeights(n);
    m_weights.push_back(kPriorWeight);
    const double total = std::accumulate(m_weights.begin(), m_weights.end(), 0.0);
    for (auto &w : m_weights)
        w /= total;

    if (p.isCategorical()) {
        const std::size_t k = p.values.size();
        const double kernels = static_cast<double>(n + 1);
        for (double observed : observations) {
            std::vector<double> probabilities(k, kPriorWeight / kernels);
            probabilities[static_cast<std::size_t>(observed)] += 1.0;
            const double sum = std::accumulate(probabilities.begin(), probabilities.end(), 0.0);
            for (auto &q : probabilities)
                q /= sum;
            m_categorical.push_back(std::move(probabilities));
        }
        m_categorical.emplace_back(k, 1.0 / static_cast<double>(k));
        return;
    }

    const bool whole = p.kind == ParameterKind::Int;
    const double low = whole ? p.low - 0.5 : p.low;
    const double high = whole ? p.high + 0.5 : p.high;
    m_low = p.isLogScale() ? std::log(low) : low;
    m_high = p.isLogScale() ? std::log(high) : high;
    const double range = m_high - m_low;
    const double priorMu = 0.5 * (m_low + m_high);

    // Widths from the neighbours in sorted order, the prior's centre counted as a point
    // and the domain's ends as the outer neighbours (Optuna, consider_endpoints=False).
    std::vector<double> points(observations);
    points.push_back(priorMu);
    std::vector<std::size_t> order(points.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return points[a] < points[b]; });
    std::vector<double> sorted(points.size() + 2);
    sorted.front() = m_low;
    sorted.back() = m_high;
    for (std::size_t i = 0; i < order.size(); ++i)
        sorted[i + 1] = points[order[i]];
    std::vector<double> sortedSigmas(points.size());
    for (std::size_t i = 0; i < points.size(); ++i)
        sortedSigmas[i] = std::max(sorted[i + 1] - sorted[i], sorted[i + 2] - sorted[i + 1]);
    if (sorted.size() >= 4) {
        sortedSigmas.front() = sorted[2] - sorted[1];
        sortedSigmas.back() = sorted[sorted.size() - 2] - sorted[sorted.size() - 3];
    }
    const double maxSigma = range;
    const double minSigma = range / std::min(100.0, 1.0 + static_cast<double>(n + 1));
    std::vector<double> sigmas(points.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        sigmas[order[i]] = std::clamp(sortedSigmas[i], minSigma, maxSigma);

    m_mus = observations;
    m_sigmas.assign(sigmas.begin(), sigmas.begin() + static_cast<std::ptrdiff_t>(n));
    m_mus.push_back(priorMu);
    m_sigmas.push_back(range);
}

double ParzenEstimator::sample(SplitMix64 &random) const
{
    // Choose a kernel by weight, then draw from it.
    double u = uniformUnit(random);
    std::size_t kernel = 0;
    for (; kernel + 1 < m_weights.size(); ++kernel) {
        if (u < m_weights[kernel])
            break;
        u -= m_weights[kernel];
    }
    if (m_parameter.isCategorical()) {
        const auto &probabilities = m_categorical[kernel];
        double v = uniformUnit(random);
        for (std::size_t i = 0; i + 1 < probabilities.size(); ++i) {
            if (v < probabilities[i])
                return static_cast<double>(i);
            v -= probabilities[i];
        }
        return static_cast<double>(probabilities.size() - 1);
    }
    // Truncated Gaussian by rejection: the centre lies in the domain and the width is at
    // most the domain's, so at least a third of the draws land inside.
    double x = std::clamp(m_mus[kernel], m_low, m_high);
    for (int attempt = 0; attempt < 1000; ++attempt) {
        const double candidate = m_mus[kernel] + m_sigmas[kernel] * standardNormal(random);
        if (candidate >= m_low && candidate <= m_high) {
            x = candidate;
            break;
        }
    }
    if (m_parameter.kind == ParameterKind::Int)
        return internalValue(m_parameter, externalValue(m_parameter, x));
    return x;
}

double ParzenEstimator::logNumericalDensity(double x) const
{
    std::vector<double> terms(m_mus.size());
    for (std::size_t i = 0; i < m_mus.size(); ++i) {
        const double logZ = logNormalMass((m_low - m_mus[i]) / m_sigmas[i], (m_high - m_mus[i]) / m_sigmas[i]);
        terms[i] = std::log(m_weights[i]) + logStandardNormalPdf((x - m_mus[i]) / m_sigmas[i]) - std::log(m_sigmas[i])
                   - logZ;
    }
    return logSumExp(terms);
}

double ParzenEstimator::logDiscreteMass(double x) const
{
    // The interval of internal values that round to this whole number.
    const double v = std::round(m_parameter.isLogScale() ? std::exp(x) : x);
    const double a = m_parameter.isLogScale() ? std::log(v - 0.5) : v - 0.5;
    const double b = m_parameter.isLogScale() ? std::log(v + 0.5) : v + 0.5;
    std::vector<double> terms(m_mus.size());
    for (std::size_t i = 0; i < m_mus.size(); ++i) {
        const double logZ = logNormalMass((m_low - m_mus[i]) / m_sigmas[i], (m_high - m_mus[i]) / m_sigmas[i]);
        terms[i] = std::log(m_weights[i]) + logNormalMass((a - m_mus[i]) / m_sigmas[i], (b - m_mus[i]) / m_sigmas[i])
                   - logZ;
    }
    return logSumExp(terms);
}

double ParzenEstimator::logDensity(double x) const
{
    if (m_parameter.isCategorical()) {
        const auto index = static_cast<std::size_t>(x);
        double p = 0;
        for (std::size_t i = 0; i < m_weights.size(); ++i)
            p += m_weights[i] * m_categorical[i][index];
        return p > 0 ? std::log(p) : kLogTiny;
    }
    return m_parameter.kind == ParameterKind::Int ? logDiscreteMass(x) : logNumericalDensity(x);
}

} // namespace llmos
