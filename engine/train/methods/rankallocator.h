#pragma once

#include "methods/adalorahook.h"

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace llmos {

struct RankSchedule {
    std::int64_t initialRank = 12; // init_r, per layer
    std::int64_t targetRank = 8;   // target_r, per layer on average
    std::int64_t warmupSteps = 0;  // tinit: no pruning before
    std::int64_t finalSteps = 0;   // tfinal: the final budget is kept fixed for the last steps
    std::int64_t interval = 1;     // deltaT: steps between reallocations
    double beta1 = 0.85;           // EMA of the sensitivity
    double beta2 = 0.85;           // EMA of its uncertainty
};

// AdaLoRA's rank budget (Zhang et al. 2023, section 3.3; PEFT's RankAllocator): the
// importance of each singular value is the smoothed sensitivity |p · ∂L/∂p| times its
// uncertainty, summed over its triplet (E_i, row i of A, column i of B); the budget falls
// from initialRank · layers to targetRank · layers as a cubic between warmupSteps and
// total - finalSteps, and every `interval` steps the least important values are zeroed.
class RankAllocator {
public:
    RankAllocator(RankSchedule schedule, std::vector<std::pair<std::string, std::shared_ptr<AdaLoraHookImpl>>> hooks);

    // After an optimizer step, the gradients still in place (1-based step).
    void update(std::int64_t step, std::int64_t totalSteps);

    // The budget (total kept ranks) the schedule gives at `step`, and whether it masks then.
    std::pair<std::int64_t, bool> budget(std::int64_t step, std::int64_t totalSteps) const;

    // Kept ranks per layer, from the E entries that are not masked.
    std::vector<std::int64_t> keptRanks() const;

    std::vector<std::pair<std::string, torch::Tensor>> state() const;
    void restore(const std::vector<std::pair<std::string, torch::Tensor>> &state);

private:
    struct Averages {
        torch::Tensor sensitivity; // exp_avg_ipt
        torch::Tensor uncertainty; // exp_avg_unc
    };

    void updateImportance();
    void maskToBudget(std::int64_t budget);
    void maskWithPattern();
    torch::Tensor tripletScore(std::size_t layer) const;
    std::vector<torch::Tensor *> parametersOf(std::size_t layer) const;

    RankSchedule m_schedule;
    std::vector<std::pair<std::string, std::shared_ptr<AdaLoraHookImpl>>> m_hooks;
    std::vector<std::vector<Averages>> m_averages; // per layer: A, B, E
    std::vector<torch::Tensor> m_pattern;          // per layer, bool [r]: the final allocation
};

} // namespace llmos
