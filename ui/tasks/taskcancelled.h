#pragma once

#include <stdexcept>

namespace llmos {

// Thrown by TaskContext::throwIfCancelled() so that work deep in a call stack can stop
// at its next step; TaskRunner turns it into the Cancelled state, not a failure.
class TaskCancelled : public std::runtime_error {
public:
    TaskCancelled()
        : std::runtime_error("cancelled")
    {
    }
};

} // namespace llmos
