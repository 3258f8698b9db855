#include "generation/tokensampler.h"

#include "util/error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace llmos {

void validateSamplingOptions(const SamplingOptions &options)
{
    auto fail = [](const char *option, const std::string &detail) {
        throw Error(ErrorKind::InvalidInput, option, detail);
    };
    if (!std::isfinite(options.temperature) || options.temperature < 0)
        fail("temperature", "must be 0 (greedy) or positive, got " + std::to_string(options.temperature));
    if (options.topK < 0)
        fail("top_k", "must be 0 (off) or positive, got " + std::to_string(options.topK));
    if (!(options.topP > 0 && options.topP <= 1))
        fail("top_p", "must be in (0, 1], got " + std::to_string(options.topP));
    if (!(options.minP >= 0 && options.minP <= 1))
        fail("min_p", "must be in [0, 1], got " + std::to_string(options.minP));
    if (!std::isfinite(options.repetitionPenalty) || options.repetitionPenalty <= 0)
        fail("repetition_penalty", "must be positive (1 = off), got " + std::to_string(options.repetitionPenalty));
}

namespace {

// The index of the first largest logit (as torch.argmax picks); NaN never wins. The
// largest value is found in eight independent lanes, which the compiler keeps in one vector
// register: std::max_element's single chain of compare-and-branch took 43 µs for a
// 16,384-token vocabulary, 2 % of a batch-1 decode step, against 10 µs here.
std::size_t firstMaximum(std::span<const float> logits)
{
    constexpr std::size_t lanes = 8;
    float lane[lanes];
    std::fill(lane, lane + lanes, -std::numeric_limits<float>::infinity());
    std::size_t i = 0;
    for (; i + lanes <= logits.size(); i += lanes)
        for (std::size_t j = 0; j < lanes; ++j)
            lane[j] = logits[i + j] > lane[j] ? logits[i + j] : lane[j];
    float largest = -std::numeric_limits<float>::infinity();
    for (const float value : lane)
        largest = value > largest ? value : largest;
    for (; i < logits.size(); ++i)
        largest = logits[i] > largest ? logits[i] : largest;
    const auto first = std::find(logits.begin(), logits.end(), largest);
    return first == logits.end() ? 0 : static_cast<std::size_t>(first - logits.begin()); // all NaN: the first
}

} // namespace

TokenSampler::TokenSampler(const SamplingOptions &options, std::uint64_t fallbackSeed)
    : m_options(options)
    , m_seed(options.seed.value_or(fallbackSeed))
    , m_random(m_seed)
{
    validateSamplingOptions(options);
}

double TokenSampler::uniform()
{
    // The top 53 bits as a fraction: every double in [0, 1) with 2^-53 spacing.
    return static_cast<double>(m_random() >> 11) * 0x1.0p-53;
}

void TokenSampler::applyRepetitionPenalty(std::span<float> logits, std::span<const std::int32_t> history) const
{
    // CTRL's penalty as Hugging Face applies it: once per distinct token, dividing
    // positive logits and multiplying negative ones so both become less likely.
    const auto penalty = static_cast<float>(m_options.repetitionPenalty);
    std::vector<std::int32_t> seen(history.begin(), history.end());
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (const auto id : seen) {
        if (id < 0 || static_cast<std::size_t>(id) >= logits.size())
            continue;
        float &logit = logits[static_cast<std::size_t>(id)];
        logit = logit < 0 ? logit * penalty : logit / penalty;
    }
}

std::int32_t TokenSampler::next(std::span<float> logits, std::span<const std::int32_t> history)
{
    if (logits.empty())
        throw Error(ErrorKind::InvalidInput, "sampling", "no logits to sample from");
    if (m_options.repetitionPenalty != 1.0)
        applyRepetitionPenalty(logits, history);

    if (m_options.greedy()) // the first maximum, as torch.argmax picks
        return static_cast<std::int32_t>(firstMaximum(logits));

    // Candidates as (scaled logit, id); NaN logits never win.
    m_candidates.clear();
    const double inverseTemperature = 1.0 / m_options.temperature;
    for (std::size_t i = 0; i < logits.size(); ++i)
        if (!std::isnan(logits[i]))
            m_candidates.emplace_back(static_cast<float>(logits[i] * inverseTemperature), static_cast<std::int32_t>(i));
    if (m_candidates.empty())
        throw Error(ErrorKind::Internal, "sampling", "every logit is NaN; the model produced no usable output");

    auto byLogitDescending = [](const auto &a, const auto &b) { return a.first > b.first || (a.first == b.first && a.second < b.second); };
    const auto k = static_cast<std::size_t>(m_options.topK);
    if (k > 0 && k < m_candidates.size()) {
        std::nth_element(m_candidates.begin(), m_candidates.begin() + static_cast<std::ptrdiff_t>(k - 1),
                         m_candidates.end(), byLogitDescending);
        m_candidates.resize(k);
    }
    // Sorting is only needed for top-p; a stable order keeps draws reproducible either way.
    std::sort(m_candidates.begin(), m_candidates.end(), byLogitDescending);

    const double top = m_candidates.front().first;
    if (std::isinf(top)) // +inf forces that token; all -inf leaves nothing better than the first
        return m_candidates.front().second;
    m_weights.resize(m_candidates.size());
    double total = 0;
    for (std::size_t i = 0; i < m_candidates.size(); ++i)
        total += m_weights[i] = std::exp(static_cast<double>(m_candidates[i].first) - top);

    std::size_t keep = m_candidates.size();
    if (m_options.topP < 1.0) {
        // The smallest prefix (by descending probability) whose mass reaches top_p.
        double mass = 0;
        for (std::size_t i = 0; i < keep; ++i) {
            mass += m_weights[i] / total;
            if (mass >= m_options.topP) {
                keep = i + 1;
                break;
            }
        }
    }
    if (m_options.minP > 0) {
        // Relative to the most likely token, whose weight is exp(0) = 1.
        std::size_t i = 1;
        while (i < keep && m_weights[i] >= m_options.minP)
            ++i;
        keep = i;
    }

    double kept = 0;
    for (std::size_t i = 0; i < keep; ++i)
        kept += m_weights[i];
    double target = uniform() * kept;
    for (std::size_t i = 0; i < keep; ++i) {
        target -= m_weights[i];
        if (target < 0)
            return m_candidates[i].second;
    }
    return m_candidates[keep - 1].second; // rounding left a sliver past the end
}

} // namespace llmos
