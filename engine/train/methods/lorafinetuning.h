#pragma once

#include "methods/finetuningmethod.h"
#include "methods/linearlayer.h"
#include "methods/lorahook.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace llmos {

struct LoraOptions {
    std::int64_t rank = 8;
    double alpha = 8.0;
    double dropout = 0.0;
    // PEFT's target_modules: a module is hooked when its name is one of these or ends
    // with "." + one. Empty: PEFT's default for the family (q_proj/v_proj, c_attn,
    // query/value). "all-linear": every linear layer but the task head.
    std::vector<std::string> targetModules;
    // PEFT's layers_to_transform: only the target modules of these decoder/encoder layers
    // are hooked. Empty: every layer.
    std::vector<std::int64_t> layersToTransform;
    bool rsLora = false; // scale alpha/sqrt(rank) instead of alpha/rank (Kalajievski 2023)

    double scale() const;
};

// The linear layers of `model` that `targets` names (defaults as above), within `layers`
// when it is not empty (layers_to_transform: modules outside the numbered layers are then
// left out, as PEFT does); throws InvalidInput ("method.target_modules",
// "method.layers_to_transform") when they name none.
std::vector<LinearLayer> selectTargetLayers(torch::nn::Module &model, const std::vector<std::string> &targets,
                                            const std::vector<std::string> &excludedPrefixes,
                                            const std::vector<std::int64_t> &layers = {});

// LoRA: a low-rank update B A on each target layer; only A, B (and the task head) train.
class LoraFineTuning : public FineTuningMethod {
public:
    explicit LoraFineTuning(LoraOptions options);
    std::string kind() const override { return "lora"; }
    void attach(const TrainingTarget &target) override;
    bool producesAdapter() const override { return true; }
    void saveAdapter(const TrainingTarget &target, const std::filesystem::path &folder,
                     const std::string &baseModelNameOrPath) const override;
    void mergeIntoBase(const TrainingTarget &target) override;

    // After attach: the hooked layers and their hooks, in module order.
    const std::vector<LinearLayer> &layers() const noexcept { return m_layers; }
    const std::vector<std::shared_ptr<LoraHookImpl>> &hooks() const noexcept { return m_hooks; }
    const LoraOptions &options() const noexcept { return m_options; }

private:
    LoraOptions m_options;
    std::vector<LinearLayer> m_layers;
    std::vector<std::shared_ptr<LoraHookImpl>> m_hooks;
};

} // namespace llmos
