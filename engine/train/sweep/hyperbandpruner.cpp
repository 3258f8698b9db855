#include "sweep/hyperbandpruner.h"

namespace llmos {

std::uint32_t crc32(std::string_view bytes)
{
    std::uint32_t crc = 0xffffffffu;
    for (unsigned char c : bytes) {
        crc ^= c;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

HyperbandPruner::HyperbandPruner(std::int64_t minSteps, std::int64_t maxSteps, std::int64_t reductionFactor,
                                 Objective objective, std::string salt)
    : m_salt(std::move(salt))
{
    int count = 0;
    for (std::int64_t resource = minSteps; resource <= maxSteps; resource *= reductionFactor)
        ++count;
    for (int b = 0; b < count; ++b) {
        m_brackets.emplace_back(minSteps, maxSteps, reductionFactor, objective, b);
        const int s = count - 1 - b;
        std::int64_t power = 1;
        for (int i = 0; i < s; ++i)
            power *= reductionFactor;
        // ceil(n * eta^s / (s + 1)) in whole numbers.
        m_budgets.push_back((count * power + s) / (s + 1));
        m_budgetTotal += m_budgets.back();
    }
}

int HyperbandPruner::bracketOf(int trial) const
{
    if (m_brackets.empty())
        return 0;
    auto n = static_cast<std::int64_t>(crc32(m_salt + "_" + std::to_string(trial)) % m_budgetTotal);
    for (int b = 0; b < bracketCount(); ++b) {
        n -= m_budgets[static_cast<std::size_t>(b)];
        if (n < 0)
            return b;
    }
    return bracketCount() - 1;
}

PruneDecision HyperbandPruner::report(int trial, std::int64_t step, double value)
{
    if (m_brackets.empty())
        return {};
    const int b = bracketOf(trial);
    auto decision = m_brackets[static_cast<std::size_t>(b)].report(trial, step, value);
    if (decision.prune)
        decision.reason += " (Hyperband bracket " + std::to_string(b + 1) + " of " + std::to_string(bracketCount())
                           + ")";
    return decision;
}

std::vector<std::int64_t> HyperbandPruner::rungSteps(int trial) const
{
    if (m_brackets.empty())
        return {};
    return m_brackets[static_cast<std::size_t>(bracketOf(trial))].rungs();
}

} // namespace llmos
