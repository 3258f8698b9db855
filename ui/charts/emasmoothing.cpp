#include "charts/emasmoothing.h"

#include <algorithm>
#include <cmath>

namespace llmos {

EmaSmoother::EmaSmoother(double weight)
    : m_weight(std::clamp(std::isnan(weight) ? 0.0 : weight, 0.0, 0.999))
{
}

double EmaSmoother::next(double value)
{
    if (!std::isfinite(value))
        return value;
    m_average = m_average * m_weight + (1 - m_weight) * value;
    m_weightPower *= m_weight;
    return m_average / (1 - m_weightPower);
}

std::vector<double> emaSmooth(std::span<const double> values, double weight)
{
    EmaSmoother smoother(weight);
    std::vector<double> out;
    out.reserve(values.size());
    for (double value : values)
        out.push_back(smoother.next(value));
    return out;
}

} // namespace llmos
