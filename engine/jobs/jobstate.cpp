#include "jobs/jobstate.h"

#include <array>

namespace llmos {

namespace {
constexpr std::array<std::pair<JobState, std::string_view>, 7> kNames{{
    {JobState::Queued, "queued"},
    {JobState::Running, "running"},
    {JobState::Paused, "paused"},
    {JobState::Cancelled, "cancelled"},
    {JobState::Failed, "failed"},
    {JobState::Succeeded, "succeeded"},
    {JobState::Interrupted, "interrupted"},
}};
} // namespace

const char *jobStateName(JobState state) noexcept
{
    for (const auto &[s, name] : kNames)
        if (s == state)
            return name.data();
    return "unknown";
}

std::optional<JobState> parseJobState(std::string_view name) noexcept
{
    for (const auto &[s, n] : kNames)
        if (n == name)
            return s;
    return std::nullopt;
}

bool isLegalTransition(JobState from, JobState to) noexcept
{
    using S = JobState;
    switch (from) {
    case S::Queued:
        return to == S::Running || to == S::Paused || to == S::Cancelled || to == S::Interrupted;
    case S::Running:
        return to == S::Paused || to == S::Cancelled || to == S::Failed || to == S::Succeeded || to == S::Interrupted;
    case S::Paused:
    case S::Interrupted:
        return to == S::Queued || to == S::Cancelled;
    case S::Cancelled:
    case S::Failed:
    case S::Succeeded:
        return false;
    }
    return false;
}

bool isTerminal(JobState state) noexcept
{
    return state == JobState::Succeeded || state == JobState::Failed || state == JobState::Cancelled;
}

bool isResumable(JobState state) noexcept
{
    return state == JobState::Paused || state == JobState::Interrupted;
}

} // namespace llmos
