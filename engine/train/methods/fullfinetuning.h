#pragma once

#include "methods/finetuningmethod.h"

namespace llmos {

// Every parameter of the model is trained; the result is a whole model.
class FullFineTuning : public FineTuningMethod {
public:
    std::string kind() const override { return "full"; }
    void attach(const TrainingTarget &target) override;
    bool producesAdapter() const override { return false; }
};

} // namespace llmos
