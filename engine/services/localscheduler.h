#pragma once

#include "jobs/jobscheduler.h"

namespace llmos {

// Memory kept back for the rest of the machine (the window, the server, the page cache)
// when jobs take the CPU's capacity.
constexpr std::uint64_t kReservedForTheMachineBytes = 512ull << 20;

// How jobs run on this machine, for the command line's foreground verbs and the window
// alike: `workers` at a time, the CPU's free memory less kReservedForTheMachineBytes, and
// at least `threads` threads (a run may ask for all the cores).
JobSchedulerOptions localSchedulerOptions(int threads, int workers = 1);

} // namespace llmos
