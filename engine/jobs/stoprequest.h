#pragma once

namespace llmos {

// What the scheduler asks of a running body, read at each step boundary. Shared by the
// scheduler (engine/jobs) and the trainer (engine/train), which asks it between steps.
enum class StopRequest {
    None,
    Pause,  // save what a resume needs (a checkpoint), then return JobOutcome::Paused
    Cancel, // stop (a checkpoint is optional), then return JobOutcome::Cancelled
};

} // namespace llmos
