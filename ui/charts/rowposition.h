#pragma once

#include "charts/xaxis.h"

#include <limits>

namespace llmos {

// Where a logged row (or a marker) sits on each x axis. Tokens seen is NaN until the run
// reports them.
struct RowPosition {
    double step = 0;
    double epoch = 0;
    double tokensSeen = std::numeric_limits<double>::quiet_NaN();
    double wallSeconds = 0;

    double at(XAxis axis) const
    {
        switch (axis) {
        case XAxis::Step:
            return step;
        case XAxis::TokensSeen:
            return tokensSeen;
        case XAxis::Epoch:
            return epoch;
        case XAxis::WallTime:
            return wallSeconds;
        }
        return step;
    }
};

} // namespace llmos
