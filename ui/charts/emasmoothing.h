#pragma once

#include <span>
#include <vector>

namespace llmos {

// TensorBoard's smoothing: an exponential moving average debiased by 1 - weight^n (n the
// values averaged so far), so the curve starts at the first value rather than near zero.
// Weight 0 is the raw curve. Non-finite values pass through unchanged and feed nothing,
// so a missing value (NaN) stays a gap and one infinity does not poison the rest.
class EmaSmoother {
public:
    explicit EmaSmoother(double weight);
    double weight() const { return m_weight; }
    double next(double value);

private:
    double m_weight;
    double m_average = 0;
    double m_weightPower = 1; // weight^n
};

// weight is clamped to [0, 0.999].
std::vector<double> emaSmooth(std::span<const double> values, double weight);

} // namespace llmos
