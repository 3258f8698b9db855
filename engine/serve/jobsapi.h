#pragma once

namespace llmos {
class JobScheduler;
class TrainingJobs;
} // namespace llmos

namespace llmos::serve {

class ApiRouter;
class ServerMetrics;

// The management API's job routes (management keys only), over the same scheduler and
// training service the CLI and the window use:
//   POST /api/jobs                 a training recipe (docs/recipes.md) as the body: 201 and the run
//   GET  /api/jobs                 every run the scheduler holds
//   GET  /api/jobs/{id}            one run's state, step, metrics
//   GET  /api/jobs/{id}/events     server-sent events: the run's events so far, then live ones,
//                                  until it stops running (or the client leaves)
//   POST /api/jobs/{id}/cancel | pause | resume
// Ids are checked for their shape before anything touches the disk (../ is a 404); a
// state that does not allow the action is a 409.
// The runs by state go to `metrics` as llmos_jobs{state=...}.
void addJobRoutes(ApiRouter &router, JobScheduler &scheduler, TrainingJobs &training, ServerMetrics &metrics);

} // namespace llmos::serve
