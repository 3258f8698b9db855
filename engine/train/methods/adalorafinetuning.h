#pragma once

#include "methods/adalorahook.h"
#include "methods/finetuningmethod.h"
#include "methods/linearlayer.h"
#include "methods/lorafinetuning.h"
#include "methods/rankallocator.h"

#include <memory>
#include <optional>

namespace llmos {

struct AdaLoraOptions {
    RankSchedule schedule;
    double alpha = 8.0;
    double dropout = 0.0;
    std::vector<std::string> targetModules; // as LoRA's
    std::vector<std::int64_t> layersToTransform; // as LoRA's
    double orthogonalityWeight = 0.5;        // orth_reg_weight
};

// AdaLoRA: LoRA in SVD form whose rank budget is reallocated to the most important
// layers during training (rankallocator.h). The trainer must call afterOptimizerStep
// before it zeroes the gradients: the importance scores read them.
class AdaLoraFineTuning : public FineTuningMethod {
public:
    explicit AdaLoraFineTuning(AdaLoraOptions options);
    std::string kind() const override { return "adalora"; }
    void attach(const TrainingTarget &target) override;
    void afterOptimizerStep(std::int64_t step, std::int64_t totalSteps) override;
    // orth_reg_weight · mean over A and B of ‖AAᵀ − I‖_F (‖BᵀB − I‖_F): keeps P and Q
    // near orthogonal, as an SVD's factors are.
    torch::Tensor extraLoss() override;
    std::vector<std::pair<std::string, torch::Tensor>> checkpointState() const override;
    void restoreCheckpointState(const std::vector<std::pair<std::string, torch::Tensor>> &state) override;
    bool producesAdapter() const override { return true; }
    void saveAdapter(const TrainingTarget &target, const std::filesystem::path &folder,
                     const std::string &baseModelNameOrPath) const override;
    void mergeIntoBase(const TrainingTarget &target) override;

    const std::vector<LinearLayer> &layers() const noexcept { return m_layers; }
    const std::vector<std::shared_ptr<AdaLoraHookImpl>> &hooks() const noexcept { return m_hooks; }
    const RankAllocator &allocator() const { return *m_allocator; }

private:
    AdaLoraOptions m_options;
    std::vector<LinearLayer> m_layers;
    std::vector<std::shared_ptr<AdaLoraHookImpl>> m_hooks;
    std::optional<RankAllocator> m_allocator;
    std::int64_t m_totalSteps = 0;
};

} // namespace llmos
