#pragma once

#include "recipe/trainingrecipe.h"

#include <cstdint>

namespace llmos {

// The learning rate of each optimizer step, as transformers' get_*_schedule_with_warmup:
// a linear warmup from 0 to the peak over the warmup steps, then constant, linearly down
// to 0 at the last step, or down along half a cosine to 0. A pure function of the step,
// so a resumed run needs only the step to continue the curve.
class LearningRateSchedule {
public:
    LearningRateSchedule(const ScheduleSettings &settings, double peak, std::int64_t totalSteps);

    // step: 0-based index of the optimizer step about to run.
    double at(std::int64_t step) const;
    std::int64_t warmupSteps() const noexcept { return m_warmup; }

private:
    std::string m_name;
    double m_peak;
    std::int64_t m_total;
    std::int64_t m_warmup;
};

} // namespace llmos
