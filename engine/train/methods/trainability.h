#pragma once

#include "methods/finetuningmethod.h"

#include <functional>
#include <string>

namespace llmos {

// Sets requires_grad on every parameter of the target's model: true where `trained`
// says so or where the name starts with one of target.alwaysTrained (the task head),
// false elsewhere. Methods call it after adding their own modules.
void selectTrainable(const TrainingTarget &target, const std::function<bool(const std::string &)> &trained);

// Attaches `method` as a training run does: every parameter of the target's model frozen,
// then the method adds and unfreezes what it trains, then the task head
// (target.alwaysTrained) is unfrozen whatever the method.
void attachMethod(FineTuningMethod &method, const TrainingTarget &target);

// Whether `name` starts with one of `prefixes`.
bool startsWithAny(const std::string &name, const std::vector<std::string> &prefixes);

} // namespace llmos
