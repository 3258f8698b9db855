#include "sweep/trialrecord.h"

namespace llmos {

const char *trialStateName(TrialState state) noexcept
{
    switch (state) {
    case TrialState::Running:
        return "running";
    case TrialState::Succeeded:
        return "succeeded";
    case TrialState::Pruned:
        return "pruned";
    case TrialState::Failed:
        return "failed";
    case TrialState::Cancelled:
        return "cancelled";
    }
    return "running";
}

std::optional<TrialState> trialStateFromName(const std::string &name)
{
    for (auto state : {TrialState::Running, TrialState::Succeeded, TrialState::Pruned, TrialState::Failed,
                       TrialState::Cancelled})
        if (name == trialStateName(state))
            return state;
    return std::nullopt;
}

} // namespace llmos
