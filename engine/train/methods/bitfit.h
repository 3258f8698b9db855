#pragma once

#include "methods/finetuningmethod.h"

namespace llmos {

// BitFit (Ben Zaken et al. 2022): only the bias terms are trained. Linear layers
// without one (Llama's) get a zero bias, so the model starts unchanged; the config then
// says attention_bias / mlp_bias, so the saved model loads with them. The biases are
// ordinary parameters under their checkpoint names: the result is a whole model and
// there is nothing to merge.
class BitFit : public FineTuningMethod {
public:
    std::string kind() const override { return "bitfit"; }
    void attach(const TrainingTarget &target) override;
    bool producesAdapter() const override { return false; }
    void mergeIntoBase(const TrainingTarget &target) override {}
};

} // namespace llmos
