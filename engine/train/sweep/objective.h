#pragma once

#include <string>

namespace llmos {

enum class ObjectiveDirection { Minimize, Maximize };

// What a sweep optimises: one evaluation metric of the trials and which way is better.
struct Objective {
    std::string metric = "eval_loss"; // eval_loss perplexity accuracy macro_f1
    ObjectiveDirection direction = ObjectiveDirection::Minimize;

    // True when `a` is strictly better than `b`. NaN is never better than anything, and
    // anything else is better than NaN, so a diverged trial sorts last.
    bool better(double a, double b) const;
};

// Losses go down, scores go up.
ObjectiveDirection defaultDirection(const std::string &metric);
const char *objectiveDirectionName(ObjectiveDirection direction) noexcept;

} // namespace llmos
