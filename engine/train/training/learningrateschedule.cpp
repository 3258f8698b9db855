#include "training/learningrateschedule.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace llmos {

LearningRateSchedule::LearningRateSchedule(const ScheduleSettings &settings, double peak, std::int64_t totalSteps)
    : m_name(settings.name), m_peak(peak), m_total(std::max<std::int64_t>(totalSteps, 1))
{
    // transformers rounds the warmup ratio up (math.ceil(ratio * steps)).
    m_warmup = settings.warmupRatio > 0 ? static_cast<std::int64_t>(std::ceil(settings.warmupRatio * m_total))
                                        : settings.warmupSteps;
}

double LearningRateSchedule::at(std::int64_t step) const
{
    if (step < m_warmup)
        return m_peak * static_cast<double>(step) / static_cast<double>(std::max<std::int64_t>(1, m_warmup));
    if (m_name == "constant")
        return m_peak;
    const double progress = static_cast<double>(step - m_warmup)
                            / static_cast<double>(std::max<std::int64_t>(1, m_total - m_warmup));
    if (m_name == "cosine")
        return m_peak * std::max(0.0, 0.5 * (1.0 + std::cos(std::numbers::pi * progress)));
    return m_peak * std::max(0.0, 1.0 - progress);
}

} // namespace llmos
