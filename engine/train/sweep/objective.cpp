#include "sweep/objective.h"

#include <cmath>

namespace llmos {

bool Objective::better(double a, double b) const
{
    if (std::isnan(a))
        return false;
    if (std::isnan(b))
        return true;
    return direction == ObjectiveDirection::Minimize ? a < b : a > b;
}

ObjectiveDirection defaultDirection(const std::string &metric)
{
    return metric == "accuracy" || metric == "macro_f1" ? ObjectiveDirection::Maximize : ObjectiveDirection::Minimize;
}

const char *objectiveDirectionName(ObjectiveDirection direction) noexcept
{
    return direction == ObjectiveDirection::Maximize ? "maximize" : "minimize";
}

} // namespace llmos
