#pragma once

#include <string>

namespace llmos {
class JobScheduler;
class SweepThreads;
class TrainingJobs;
} // namespace llmos

namespace llmos::serve {

class ApiRouter;
struct RegistryAccess;

// The management API's sweep routes (management keys only), over the sweeps of the data
// folder (docs/sweeps.md) and the scheduler's training runs:
//   POST /api/sweeps                 a sweep document as the body (its recipe inline): 201, and it runs
//   GET  /api/sweeps                 every sweep, newest first
//   GET  /api/sweeps/{id}            one sweep: summary, leaderboard, parameter importance
//   GET  /api/sweeps/{id}/events     server-sent events: the running session's events from its
//                                    start, then live ones until it ends (a sweep not running: its
//                                    summary as one event)
//   POST /api/sweeps/{id}/stop | resume
//   POST /api/sweeps/{id}/promote    {"name": optional}: registers the best trial's model
// Ids are checked for their shape before anything touches the disk; a sweep whose state
// forbids the action is a 409. `registry` may be null (no promote route).
void addSweepRoutes(ApiRouter &router, SweepThreads &sweeps, JobScheduler &scheduler, TrainingJobs &training,
                    const std::string &home, RegistryAccess *registry);

} // namespace llmos::serve
