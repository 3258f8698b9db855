#include "sweeps/sweepestimatetext.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace llmos {

namespace {

QString count(double n)
{
    return QLocale().toString(static_cast<qint64>(std::llround(n)));
}

} // namespace

QString SweepEstimateText::incomplete(int trials)
{
    return trials > 0 ? tr("%n trial(s); the estimate follows once the sweep is complete.", nullptr, trials)
                      : tr("The estimate follows once the sweep is complete.");
}

QString SweepEstimateText::duration(double s)
{
    if (s < 90)
        return tr("%1 s").arg(std::lround(s));
    if (s < 90 * 60)
        return tr("%1 min").arg(std::lround(s / 60));
    if (s < 48 * 3600)
        return tr("%1 h").arg(s / 3600, 0, 'f', 1);
    return tr("%1 days").arg(s / 86400, 0, 'f', 1);
}

QString SweepEstimateText::describe(const SweepEstimate &estimate, bool medianPruner, double secondsPerStep,
                                    double maxTimeSeconds)
{
    const auto trials = static_cast<int>(estimate.trials);
    if (estimate.stepsPerTrial <= 0)
        return tr("%n trial(s). Steps per trial are not known yet: the recipe trains by epochs.", nullptr, trials);
    QStringList lines;
    lines << tr("%n trial(s) × %1 steps = %2 training steps at most.", nullptr, trials)
                 .arg(count(static_cast<double>(estimate.stepsPerTrial)), count(estimate.totalSteps));
    double spent = estimate.totalSteps;
    if (estimate.halving) {
        spent = estimate.expectedSteps;
        // An expectation with results in random order; TPE's later trials are better
        // than its first, so more of them pass the checks and the sweep costs more.
        lines << tr("Stopping weak trials early: about %1 steps (%2% of that) if results come in no particular "
                    "order; a strategy that learns finds more trials worth going on.")
                     .arg(count(spent))
                     .arg(std::lround(100.0 * spent / std::max(estimate.totalSteps, 1.0)));
    } else if (medianPruner) {
        lines << tr("Median stopping saves what the results allow; it cannot be told in advance.");
    }
    if (secondsPerStep > 0) {
        const double seconds = spent * secondsPerStep;
        QString time = tr("About %1 at %2 s per step, one trial at a time (trials side by side share the machine).")
                           .arg(duration(seconds))
                           .arg(secondsPerStep, 0, 'g', 3);
        if (maxTimeSeconds > 0 && seconds > maxTimeSeconds)
            time += QLatin1Char(' ') + tr("The time limit (%1) ends it sooner.").arg(duration(maxTimeSeconds));
        lines << time;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace llmos
