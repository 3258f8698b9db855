#pragma once

#include "methods/finetuningmethod.h"

#include <cstdint>
#include <string>
#include <vector>

namespace llmos {

// Full fine-tuning with parts held fixed: the first `layers` decoder/encoder layers and
// the named modules. A module name is "embeddings" (token and position tables: wte, wpe,
// embed_tokens, BERT's embeddings), "lm_head", or any dotted part of a parameter name
// ("norm", "self_attn", "mlp", "h.0.attn", ...). The result is a whole model.
class FreezeFineTuning : public FineTuningMethod {
public:
    FreezeFineTuning(std::int64_t layers, std::vector<std::string> modules);
    std::string kind() const override { return "freeze"; }
    void attach(const TrainingTarget &target) override;
    bool producesAdapter() const override { return false; }

    // Whether `parameterName` is frozen by this method.
    bool frozen(const std::string &parameterName) const;

private:
    std::int64_t m_layers;
    std::vector<std::string> m_modules;
};

} // namespace llmos
