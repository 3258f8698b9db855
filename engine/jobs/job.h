#pragma once

// Internal to llmos_jobs: one job as the scheduler keeps it. Everything but `stop` is
// guarded by the scheduler's mutex.

#include "jobs/eventlog.h"
#include "jobs/jobcontext.h"
#include "jobs/jobspec.h"
#include "jobs/runlock.h"
#include "jobs/runstate.h"

#include <atomic>
#include <memory>
#include <optional>

namespace llmos {

struct Job {
    RunState record;  // mirrors state.json
    JobSpec spec;     // the body and the recipe
    std::uint64_t order = 0; // submission (or resume) order: FIFO within a priority
    std::atomic<StopRequest> stop{StopRequest::None};
    std::optional<RunLock> lock;         // held while the job lives in this process
    std::unique_ptr<EventLogWriter> log; // closed once the job is terminal
    std::uint64_t lastSequence = 0;
    bool hasRun = false;        // its next start resumes
    bool waitingLogged = false; // "waiting for memory" said once per wait
};

} // namespace llmos
