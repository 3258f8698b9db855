#pragma once

#include "sweep/ashapruner.h"

#include <string>
#include <vector>

namespace llmos {

// Hyperband (Li et al. 2018) over asynchronous successive halving, as Optuna's
// HyperbandPruner: brackets b = 0 .. n-1, n = floor(log_eta(maxSteps / minSteps)) + 1,
// bracket b an AshaPruner whose first rung is minSteps * eta^b (bracket 0 stops weak
// trials earliest; the last may have no rung below maxSteps and so never prunes). A trial
// belongs to one bracket for good and competes only with that bracket's trials. Brackets
// get trials in proportion to ceil(n * eta^(n-1-b) / (n - b)), and a trial's bracket is
// crc32("<salt>_<trial number>") modulo their sum, as Optuna hashes "<study>_<number>".
class HyperbandPruner : public Pruner {
public:
    HyperbandPruner(std::int64_t minSteps, std::int64_t maxSteps, std::int64_t reductionFactor, Objective objective,
                    std::string salt);

    PruneDecision report(int trial, std::int64_t step, double value) override;
    std::vector<std::int64_t> rungSteps(int trial) const override;

    int bracketCount() const { return static_cast<int>(m_brackets.size()); }
    int bracketOf(int trial) const;
    // Trials per bracket out of every budgetTotal() (crc32 modulo the sum).
    const std::vector<std::int64_t> &budgets() const { return m_budgets; }

private:
    std::vector<AshaPruner> m_brackets;
    std::vector<std::int64_t> m_budgets;
    std::int64_t m_budgetTotal = 0;
    std::string m_salt;
};

// CRC-32 (IEEE 802.3, as zlib and Python's binascii.crc32).
std::uint32_t crc32(std::string_view bytes);

} // namespace llmos
