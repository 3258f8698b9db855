#pragma once

namespace llmos {

// The life of a long operation, PrismLauncher-style: one vocabulary for every task the
// window starts (import, export, hashing, ...). Succeeded, Failed and Cancelled are final.
enum class TaskState { NotStarted, Running, Succeeded, Failed, Cancelled };

inline bool isFinal(TaskState state)
{
    return state == TaskState::Succeeded || state == TaskState::Failed || state == TaskState::Cancelled;
}

} // namespace llmos
