#include "serve/sweepsapi.h"

#include "registry/modelregistry.h"
#include "serve/apierror.h"
#include "serve/apirouter.h"
#include "serve/jsonresponse.h"
#include "serve/managementapi.h"
#include "serve/openairequest.h"
#include "services/sweepcatalog.h"
#include "services/sweeprunner.h"
#include "services/sweepthreads.h"
#include "sweep/sweepfile.h"
#include "sweep/sweepfolder.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

#include <chrono>

namespace llmos::serve {

namespace {

using nlohmann::json;

ApiError sweepNotFound(const std::string &id)
{
    return ApiError(404, "no sweep has the id '" + id + "'", "id", "sweep_not_found");
}

// The sweep the {id} names, read from its folder: 404 for an id of the wrong shape (before
// any path is made of it) or one that is not there.
SweepReport readChecked(const std::string &home, const RouteParams &params)
{
    const auto &id = params.find("id")->second;
    if (!isSafeSweepId(id))
        throw sweepNotFound(id);
    try {
        return readSweep(home, id);
    } catch (const Error &error) {
        if (error.kind() == ErrorKind::NotFound)
            throw sweepNotFound(id);
        throw;
    }
}

json withRunning(json body, const SweepThreads &sweeps, const std::string &id)
{
    if (sweeps.isRunning(id))
        body["status"] = "running";
    return body;
}

void streamEvents(SweepThreads &sweeps, const std::string &home, const std::string &id, ResponseWriter &writer)
{
    if (!writer.beginEvents())
        return;
    std::size_t sent = 0;
    if (sweeps.isRunning(id)) {
        for (;;) {
            const auto batch = sweeps.eventsSince(id, sent, std::chrono::milliseconds(250));
            for (const auto &event : batch.events)
                if (!writer.sendEvent(jsonText(event)))
                    return;
            sent += batch.events.size();
            if (batch.ended || writer.clientGone())
                break;
        }
    } else {
        writer.sendEvent(jsonText(json{{"event", "status"}, {"sweep", toJson(readSweep(home, id).summary)}}));
    }
    writer.sendEvent("[DONE]");
    writer.endEvents();
}

} // namespace

void addSweepRoutes(ApiRouter &router, SweepThreads &sweeps, JobScheduler &scheduler, TrainingJobs &training,
                    const std::string &home, RegistryAccess *registry)
{
    router.add("POST", "/api/sweeps", RouteAccess::Management,
               "Starts a hyperparameter sweep from a sweep document (recipe inline).",
               [&sweeps, &scheduler, &training, home](const HttpRequest &request, const RouteParams &,
                                                      ResponseWriter &writer) {
                   const auto body = parseJsonBody(request, InferenceLimits{});
                   // A recipe file would be a path on this machine named by the client.
                   if (body.is_object() && body.contains("recipe_path"))
                       throw ApiError::invalid("recipe_path", "give the recipe inline, as \"recipe\"");
                   const auto spec = parseSweepDocument(nlohmann::ordered_json::parse(body.dump()), "request body", home);
                   const auto id = SweepRunner(scheduler, training, home).create(spec);
                   sweeps.resume(id);
                   writer.send(jsonResponse(withRunning(toJson(readSweep(home, id).summary), sweeps, id), 201));
               });
    router.add("GET", "/api/sweeps", RouteAccess::Management, "Every sweep, newest first.",
               [&sweeps, home](const HttpRequest &, const RouteParams &, ResponseWriter &writer) {
                   json data = json::array();
                   for (const auto &summary : listSweeps(home))
                       data.push_back(withRunning(toJson(summary), sweeps, summary.id));
                   writer.send(jsonResponse({{"object", "list"}, {"data", std::move(data)}}));
               });
    router.add("GET", "/api/sweeps/{id}", RouteAccess::Management,
               "One sweep: summary, leaderboard and parameter importance.",
               [&sweeps, home](const HttpRequest &, const RouteParams &params, ResponseWriter &writer) {
                   const auto report = readChecked(home, params);
                   writer.send(jsonResponse(withRunning(toJson(report), sweeps, report.summary.id)));
               });
    router.add("GET", "/api/sweeps/{id}/events", RouteAccess::Management,
               "A sweep's events as server-sent events: the running session's so far, then live ones.",
               [&sweeps, home](const HttpRequest &, const RouteParams &params, ResponseWriter &writer) {
                   const auto report = readChecked(home, params);
                   streamEvents(sweeps, home, report.summary.id, writer);
               });
    router.add("POST", "/api/sweeps/{id}/stop", RouteAccess::Management,
               "Stops a running sweep (its trials pause with a checkpoint); resume continues it.",
               [&sweeps, home](const HttpRequest &, const RouteParams &params, ResponseWriter &writer) {
                   const auto report = readChecked(home, params);
                   if (!sweeps.stop(report.summary.id))
                       throw ApiError(409, "the sweep is not running", "id", "sweep_state_conflict");
                   writer.send(jsonResponse({{"id", report.summary.id}, {"status", "stopping"}}));
               });
    router.add("POST", "/api/sweeps/{id}/resume", RouteAccess::Management,
               "Continues a stopped or interrupted sweep without running finished trials again.",
               [&sweeps, home](const HttpRequest &, const RouteParams &params, ResponseWriter &writer) {
                   const auto report = readChecked(home, params);
                   if (report.summary.status == "finished")
                       throw ApiError(409, "the sweep has finished", "id", "sweep_state_conflict");
                   if (!sweeps.resume(report.summary.id))
                       throw ApiError(409, "the sweep is running", "id", "sweep_state_conflict");
                   writer.send(jsonResponse({{"id", report.summary.id}, {"status", "running"}}));
               });
    if (!registry)
        return;
    router.add("POST", "/api/sweeps/{id}/promote", RouteAccess::Management,
               "Registers the best finished trial's model (body: {\"name\": optional}).",
               [registry, home](const HttpRequest &request, const RouteParams &params, ResponseWriter &writer) {
                   const auto report = readChecked(home, params);
                   std::string name;
                   if (!request.body.empty()) {
                       const auto body = parseJsonBody(request, InferenceLimits{});
                       if (const auto it = body.find("name"); it != body.end() && !it->is_null()) {
                           if (!it->is_string() || it->get<std::string>().empty())
                               throw ApiError::invalid("name", "must be a non-empty string");
                           name = it->get<std::string>();
                       }
                   }
                   std::lock_guard lock(registry->mutex);
                   try {
                       const auto model = promoteBestTrial(registry->registry, home, report.summary.id, name);
                       writer.send(jsonResponse({{"id", model.id}, {"name", model.name}, {"sweep", report.summary.id}}, 201));
                   } catch (const Error &error) {
                       if (error.kind() == ErrorKind::NotFound)
                           throw ApiError(409, error.detail(), "id", "no_finished_trial");
                       if (error.kind() == ErrorKind::InvalidInput)
                           throw ApiError(409, error.detail(), "name", "name_taken");
                       throw;
                   }
               });
}

} // namespace llmos::serve
