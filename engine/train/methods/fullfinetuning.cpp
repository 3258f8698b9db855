#include "methods/fullfinetuning.h"

namespace llmos {

void FullFineTuning::attach(const TrainingTarget &target)
{
    for (auto &parameter : target.model.parameters())
        parameter.set_requires_grad(true);
}

} // namespace llmos
