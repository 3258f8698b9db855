#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>

namespace llmos {

class JobContext;

// What a body tells the scheduler when it returns.
enum class JobOutcome {
    Succeeded,
    Paused,    // it saved what it needs and can be resumed (the answer to a pause request)
    Cancelled, // it stopped for good (the answer to a cancel request)
};

// The work itself: runs on a worker thread, calls context.checkpoint() between steps and
// returns how it ended. Throwing anything fails the job with the exception's message.
using JobBody = std::function<JobOutcome(JobContext &)>;

struct JobSpec {
    std::string name;  // for people: "LoRA on fortunes"
    std::string kind;  // what the body does: "train", "sweep-trial", "test", ...
    int priority = 0;  // higher runs first; equal priorities run in submission order
    std::uint64_t memoryEstimateBytes = 0; // what the job needs on the device at its peak
    int threads = 1;   // the compute threads it will use (libtorch intra-op threads)
    nlohmann::json recipe = nlohmann::json::object(); // stored as the run's recipe.json
    JobBody body;
};

} // namespace llmos
