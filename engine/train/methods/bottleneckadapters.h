#pragma once

#include "methods/bottleneckhook.h"
#include "methods/finetuningmethod.h"
#include "methods/linearlayer.h"

#include <memory>

namespace llmos {

struct BottleneckOptions {
    std::int64_t size = 64;            // bottleneck width
    std::string activation = "relu";   // relu, gelu, tanh, silu
};

// Houlsby adapters after every layer's attention output projection and MLP down
// projection (o_proj / down_proj, GPT-2's attn.c_proj / mlp.c_proj, BERT's
// attention.output.dense / output.dense), as in the paper, before the residual add.
//
// PEFT has no Houlsby adapters, so the folder follows its layout by analogy:
// adapter_config.json {"peft_type": "BOTTLENECK", "adapter_size", "adapter_activation",
// "target_modules", ...} and tensors "base_model.model.<module>.adapter_down.weight",
// ".adapter_down.bias", ".adapter_up.weight", ".adapter_up.bias". Being an extra
// module, it cannot be merged into the base weights.
class BottleneckAdapters : public FineTuningMethod {
public:
    explicit BottleneckAdapters(BottleneckOptions options);
    std::string kind() const override { return "adapter"; }
    void attach(const TrainingTarget &target) override;
    bool producesAdapter() const override { return true; }
    void saveAdapter(const TrainingTarget &target, const std::filesystem::path &folder,
                     const std::string &baseModelNameOrPath) const override;
    void mergeIntoBase(const TrainingTarget &target) override;

    const std::vector<LinearLayer> &layers() const noexcept { return m_layers; }
    const std::vector<std::shared_ptr<BottleneckHookImpl>> &hooks() const noexcept { return m_hooks; }

    // The module-name suffixes adapters go after.
    static const std::vector<std::string> &placements();

private:
    BottleneckOptions m_options;
    std::vector<LinearLayer> m_layers;
    std::vector<std::shared_ptr<BottleneckHookImpl>> m_hooks;
};

} // namespace llmos
