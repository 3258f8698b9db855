#include "methods/trainability.h"

namespace llmos {

bool startsWithAny(const std::string &name, const std::vector<std::string> &prefixes)
{
    for (const auto &prefix : prefixes)
        if (name.starts_with(prefix))
            return true;
    return false;
}

void selectTrainable(const TrainingTarget &target, const std::function<bool(const std::string &)> &trained)
{
    // A tied head shares its tensor with the embeddings: trained when either name is.
    std::vector<std::pair<torch::Tensor, bool>> decisions;
    for (const auto &item : target.model.named_parameters(/*recurse=*/true))
        decisions.emplace_back(item.value(), trained(item.key()) || startsWithAny(item.key(), target.alwaysTrained));
    for (auto &[parameter, train] : decisions)
        parameter.set_requires_grad(false);
    for (auto &[parameter, train] : decisions)
        if (train)
            parameter.set_requires_grad(true);
}

void attachMethod(FineTuningMethod &method, const TrainingTarget &target)
{
    for (auto &parameter : target.model.parameters())
        parameter.set_requires_grad(false);
    method.attach(target);
    for (auto &item : target.model.named_parameters())
        if (startsWithAny(item.key(), target.alwaysTrained))
            item.value().set_requires_grad(true);
}

} // namespace llmos
