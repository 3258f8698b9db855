#pragma once

#include "charts/rowposition.h"

#include <string>

namespace llmos {

enum class MarkerKind { Checkpoint, Evaluation, Pause, Resume };
inline constexpr int kMarkerKindCount = 4;

// A moment of a run worth marking on its curves: a checkpoint it can resume from, an
// evaluation, or a stop (paused, or interrupted when the process died) and a restart.
struct RunMarker {
    MarkerKind kind = MarkerKind::Checkpoint;
    RowPosition position;
    bool interrupted = false; // Pause only: the process stopped, nobody asked for it
    std::string reason;       // Pause only: what the state change said, often empty
};

} // namespace llmos
