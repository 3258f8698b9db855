#pragma once

#include <optional>
#include <string_view>

namespace llmos {

// The life of a job, the same words in memory, in state.json and in events.
//
//   queued ──> running ──> succeeded | failed | cancelled   (terminal)
//     │  │        │  └───> paused ──> queued (resume)
//     │  │        └──────> interrupted ──> queued (resume)   (the process died: set at start-up)
//     │  └─> paused | cancelled | interrupted
//   paused | interrupted ──> cancelled
//
// Only the transitions drawn are legal; isLegalTransition() is the one place that says so,
// and every state change (scheduler and run store) goes through it.
enum class JobState {
    Queued,
    Running,
    Paused,
    Cancelled,
    Failed,
    Succeeded,
    Interrupted,
};

const char *jobStateName(JobState state) noexcept;
std::optional<JobState> parseJobState(std::string_view name) noexcept;

bool isLegalTransition(JobState from, JobState to) noexcept;

// Succeeded, failed and cancelled: nothing more happens to the run.
bool isTerminal(JobState state) noexcept;

// Paused and interrupted runs can be resumed (re-queued with the resume flag).
bool isResumable(JobState state) noexcept;

} // namespace llmos
