#pragma once

#include "sweeps/sweepestimate.h"

#include <QCoreApplication>
#include <QString>

namespace llmos {

// The sweep designer's estimate in words: trials, steps, what early stopping is expected
// to save, and the wall time when the speed is known.
class SweepEstimateText {
    Q_DECLARE_TR_FUNCTIONS(llmos::SweepEstimateText)
public:
    // A sweep that does not parse yet: its trial count, as far as it is known.
    static QString incomplete(int trials);
    static QString describe(const SweepEstimate &estimate, bool medianPruner, double secondsPerStep,
                            double maxTimeSeconds);
    static QString duration(double seconds);
};

} // namespace llmos
