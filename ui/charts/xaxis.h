#pragma once

namespace llmos {

// What the training-curve charts put along x. Tokens seen is the run's cumulative input
// tokens; wall time counts only the seconds the run was running, so a paused and resumed
// run continues without a jump.
enum class XAxis { Step, TokensSeen, Epoch, WallTime };

} // namespace llmos
