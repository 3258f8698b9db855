#pragma once

#include <string>

#include "jobs/jobscheduler.h"

namespace llmos::cli {

class CommandContext;

// The scheduler of a verb that runs jobs in the foreground: `workers` jobs at a time (one
// for `llmos train`, a sweep's max_concurrent), the CPU's free memory less 512 MiB for the
// rest of the machine, runs kept under $LLMOS_HOME/runs.
JobScheduler foregroundScheduler(int threads, int workers = 1);

// Follows a run of `scheduler` in the foreground until it ends, pauses or fails: prints its
// events (people: steps at most about once a second, every evaluation and log line;
// --json: every event as one JSON line, as events.jsonl has it). Ctrl-C asks the run to
// pause, which saves a checkpoint. Returns the exit code: 0 when the run succeeded, 1
// otherwise, with the reason (and how to resume a paused run) on stderr.
int followRun(CommandContext &ctx, JobScheduler &scheduler, const std::string &runId);

} // namespace llmos::cli
