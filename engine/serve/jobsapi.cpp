#include "serve/jobsapi.h"

#include "jobs/jobscheduler.h"
#include "jobs/runid.h"
#include "recipe/trainingrecipe.h"
#include "serve/apierror.h"
#include "serve/apirouter.h"
#include "serve/jsonresponse.h"
#include "serve/openairequest.h"
#include "serve/servermetrics.h"
#include "services/trainingjobs.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>

namespace llmos::serve {

namespace {

using nlohmann::json;


const std::string &checkedId(const RouteParams &params)
{
    const auto &id = params.find("id")->second;
    if (!isSafeRunIdText(id))
        throw ApiError(404, "no job has the id '" + id + "'", "id", "job_not_found");
    return id;
}

bool stillGoing(JobState state)
{
    return state == JobState::Queued || state == JobState::Running;
}

// Streams a run's events: those on disk first, then live ones (by sequence, so none twice),
// until the run stops going or the client leaves.
void streamEvents(JobScheduler &scheduler, const std::string &id, ResponseWriter &writer)
{
    std::mutex mutex;
    std::condition_variable arrived;
    std::deque<JobEvent> live;
    // Subscribed before the replay, so nothing falls between the two.
    auto subscription = scheduler.subscribe([&](const JobEvent &event) {
        if (event.runId != id)
            return;
        {
            std::lock_guard lock(mutex);
            live.push_back(event);
        }
        arrived.notify_one();
    });
    auto state = scheduler.snapshot(id).state; // Error(NotFound) for an unknown run: 404
    if (!writer.beginEvents())
        return;
    std::uint64_t sent = 0;
    for (const auto &event : scheduler.store().readEvents(id).events) {
        if (!writer.sendEvent(jsonText(toJson(event))))
            return;
        sent = std::max(sent, event.sequence);
    }
    bool going = stillGoing(state);
    while (going && !writer.clientGone()) {
        std::unique_lock lock(mutex);
        arrived.wait_for(lock, std::chrono::milliseconds(250), [&] { return !live.empty(); });
        while (!live.empty()) {
            const auto event = std::move(live.front());
            live.pop_front();
            if (event.sequence <= sent)
                continue;
            sent = event.sequence;
            lock.unlock();
            if (!writer.sendEvent(jsonText(toJson(event))))
                return;
            if (const auto *change = std::get_if<JobStateChanged>(&event.payload))
                going = stillGoing(change->to);
            lock.lock();
        }
        if (going && live.empty()) // a change missed between snapshot and subscription
            going = stillGoing(scheduler.state(id));
    }
    writer.sendEvent("[DONE]");
    writer.endEvents();
}

} // namespace

void addJobRoutes(ApiRouter &router, JobScheduler &scheduler, TrainingJobs &training, ServerMetrics &metrics)
{
    metrics.addLabeledGauge("llmos_jobs", "Runs the server's scheduler holds, by state.", "state", [&scheduler] {
        std::map<std::string, double> byState;
        for (const auto state : {JobState::Queued, JobState::Running, JobState::Paused, JobState::Succeeded,
                                 JobState::Failed, JobState::Cancelled, JobState::Interrupted})
            byState[jobStateName(state)] = 0;
        for (const auto &run : scheduler.jobs())
            byState[jobStateName(run.state)] += 1;
        return ServerMetrics::LabeledValues(byState.begin(), byState.end());
    });
    router.add("POST", "/api/jobs", RouteAccess::Management, "Starts a fine-tune from a training recipe.",
               [&scheduler, &training](const HttpRequest &request, const RouteParams &, ResponseWriter &writer) {
                   const auto body = parseJsonBody(request, InferenceLimits{});
                   const auto recipe = parseTrainingRecipe(body, "request body");
                   const auto id = training.submit(recipe);
                   writer.send(jsonResponse(toJson(scheduler.snapshot(id)), 201));
               });
    router.add("GET", "/api/jobs", RouteAccess::Management, "The runs the server's scheduler holds.",
               [&scheduler](const HttpRequest &, const RouteParams &, ResponseWriter &writer) {
                   json data = json::array();
                   for (const auto &run : scheduler.jobs())
                       data.push_back(toJson(run));
                   writer.send(jsonResponse({{"object", "list"}, {"data", std::move(data)}}));
               });
    router.add("GET", "/api/jobs/{id}", RouteAccess::Management, "One run: state, step, metrics.",
               [&scheduler](const HttpRequest &, const RouteParams &params, ResponseWriter &writer) {
                   writer.send(jsonResponse(toJson(scheduler.snapshot(checkedId(params)))));
               });
    router.add("GET", "/api/jobs/{id}/events", RouteAccess::Management,
               "A run's events as server-sent events: those so far, then live ones until it stops.",
               [&scheduler](const HttpRequest &, const RouteParams &params, ResponseWriter &writer) {
                   streamEvents(scheduler, checkedId(params), writer);
               });
    router.add("POST", "/api/jobs/{id}/cancel", RouteAccess::Management, "Cancels a run.",
               [&scheduler](const HttpRequest &, const RouteParams &params, ResponseWriter &writer) {
                   const auto &id = checkedId(params);
                   asConflict([&] { scheduler.cancel(id); }, "id", "job_state_conflict");
                   writer.send(jsonResponse(toJson(scheduler.snapshot(id))));
               });
    router.add("POST", "/api/jobs/{id}/pause", RouteAccess::Management,
               "Pauses a run at its next step, with a checkpoint.",
               [&scheduler](const HttpRequest &, const RouteParams &params, ResponseWriter &writer) {
                   const auto &id = checkedId(params);
                   asConflict([&] { scheduler.pause(id); }, "id", "job_state_conflict");
                   writer.send(jsonResponse(toJson(scheduler.snapshot(id))));
               });
    router.add("POST", "/api/jobs/{id}/resume", RouteAccess::Management,
               "Resumes a paused or interrupted run from its newest checkpoint.",
               [&scheduler, &training](const HttpRequest &, const RouteParams &params, ResponseWriter &writer) {
                   const auto &id = checkedId(params);
                   asConflict([&] { training.resume(id); }, "id", "job_state_conflict");
                   writer.send(jsonResponse(toJson(scheduler.snapshot(id))));
               });
}

} // namespace llmos::serve
