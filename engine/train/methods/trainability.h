#pragma once

#include "methods/finetuningmethod.h"

#include <functional>
#include <string>

namespace llmos {

// Sets requires_grad on every parameter of the target's model: true where `trained`
// says so or where the name starts with one of target.alwaysTrained (the task head),
// false elsewhere. Methods call it after adding their own modules.
void selectTrainable(const TrainingTarget &target, const std::function<bool(const std::string &)> &trained);

// Whether `name` starts with one of `prefixes`.
bool startsWithAny(const std::string &name, const std::vector<std::string> &prefixes);

} // namespace llmos
