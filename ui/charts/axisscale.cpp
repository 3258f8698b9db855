#include "charts/axisscale.h"

#include <algorithm>
#include <cmath>

namespace llmos {

XScale xScaleFor(XAxis axis, double largest)
{
    if (!std::isfinite(largest))
        largest = 0;
    switch (axis) {
    case XAxis::WallTime:
        if (largest >= 2 * 3600)
            return {XUnit::Hours, 1.0 / 3600};
        if (largest >= 2 * 60)
            return {XUnit::Minutes, 1.0 / 60};
        return {XUnit::Seconds, 1};
    case XAxis::TokensSeen:
        if (largest >= 2e9)
            return {XUnit::Billions, 1e-9};
        if (largest >= 2e6)
            return {XUnit::Millions, 1e-6};
        if (largest >= 2e3)
            return {XUnit::Thousands, 1e-3};
        return {XUnit::Plain, 1};
    case XAxis::Step:
    case XAxis::Epoch:
        break;
    }
    return {XUnit::Plain, 1};
}

ValueRange paddedRange(double min, double max, bool log, double bottomShare)
{
    constexpr double kPad = 0.05;
    if (!(min <= max))
        return {1, 0};
    if (log) {
        double lo = std::log10(min), hi = std::log10(max);
        if (hi - lo < 1e-9) {
            lo -= 0.1;
            hi += 0.1;
        }
        const double pad = (hi - lo) * kPad;
        lo -= pad;
        hi += pad;
        lo -= (hi - lo) * bottomShare / (1 - bottomShare);
        return {std::pow(10.0, lo), std::pow(10.0, hi)};
    }
    if (max - min < 1e-12 * std::max(1.0, std::abs(max))) {
        const double half = std::abs(max) > 0 ? std::abs(max) * 0.05 : 0.5;
        min -= half;
        max += half;
    }
    const double pad = (max - min) * kPad;
    min -= pad;
    max += pad;
    min -= (max - min) * bottomShare / (1 - bottomShare);
    return {min, max};
}

double niceTickInterval(double span, int ticks)
{
    if (!(span > 0) || !std::isfinite(span))
        return 1;
    const double raw = span / std::max(1, ticks);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / power;
    const double nice = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10;
    return nice * power;
}

QString tickLabelFormat(double interval, double largest)
{
    if (!(interval >= 1e-4) || std::abs(largest) >= 1e7)
        return QStringLiteral("%.3g");
    const int decimals = std::max(0, static_cast<int>(std::ceil(-std::log10(interval) - 1e-9)));
    return QStringLiteral("%.") + QString::number(decimals) + QStringLiteral("f");
}

double logAxisBase(double min, double max, int ticks)
{
    if (!(min > 0) || !(max > min))
        return 10;
    const double decades = std::log10(max / min);
    if (decades >= 1.5 || decades >= 0.6 * ticks)
        return 10;
    // Near 1 (losses, accuracies) powers of 2 are round enough: 0.25, 0.5, 1, 2, 4.
    if (min >= 1.0 / 256 && max <= 256 && std::log2(max / min) >= 1.5)
        return 2;
    // Otherwise a base that still labels a few ticks, at the price of round labels.
    return std::max(1.01, std::pow(10.0, decades / std::max(2, ticks)));
}

} // namespace llmos
