#include "serve/managementapi.h"

#include "registry/modelreference.h"
#include "registry/modelregistry.h"
#include "serve/apierror.h"
#include "serve/apirouter.h"
#include "serve/jsonresponse.h"
#include "serve/modelpool.h"
#include "serve/registeredmodels.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace llmos::serve {

namespace {

using nlohmann::json;

// A record as clients get it: without where its files are on this machine (a path holds a
// user name), with whether this server offers it.
json modelForClients(const ModelRecord &model, const ModelPool &pool)
{
    json body = toJson(model);
    body.erase("source_path");
    body.erase("load_path");
    if (body.contains("files"))
        for (auto &file : body["files"])
            file.erase("source_path"); // "path" is inside the model folder: kept
    body["deployed"] = pool.deployed(model.name);
    return body;
}


ApiError notRegistered(const std::string &id)
{
    return ApiError(404, "no registered model has the id or name '" + id + "'", "id", "model_not_found");
}

// The registered model `id` names (an id or a name), as /v1 can serve it: 404 when there is
// none, 400 for an adapter (a client calls the model it was merged into).
ResolvedModel deployable(RegistryAccess &access, const std::string &id)
{
    std::lock_guard lock(access.mutex);
    const auto record = access.registry.find(id);
    if (!record)
        throw notRegistered(id);
    if (!servable(*record))
        throw ApiError(400, "'" + record->name + "' is an adapter; deploy a model merged with it instead", "id",
                       "adapter_not_deployable");
    return resolveModelReference(access.registry, id);
}

} // namespace

void addManagementRoutes(ApiRouter &router, RegistryAccess &access, ModelPool &models)
{
    router.add("GET", "/api/models", RouteAccess::Management, "The registered models.",
               [&access, &models](const HttpRequest &, const RouteParams &, ResponseWriter &writer) {
                   json data = json::array();
                   {
                       std::lock_guard lock(access.mutex);
                       for (const auto &model : access.registry.list())
                           data.push_back(modelForClients(model, models));
                   }
                   writer.send(jsonResponse({{"object", "list"}, {"data", std::move(data)}}));
               });
    router.add("GET", "/api/models/{id}", RouteAccess::Management,
               "One registered model (by id or name), with its files, tags and metadata.",
               [&access, &models](const HttpRequest &, const RouteParams &params, ResponseWriter &writer) {
                   const auto &id = params.find("id")->second;
                   std::optional<ModelRecord> model;
                   {
                       std::lock_guard lock(access.mutex);
                       model = access.registry.find(id);
                   }
                   if (!model)
                       throw notRegistered(id);
                   writer.send(jsonResponse(modelForClients(*model, models)));
               });
    router.add("POST", "/api/models/{id}/deploy", RouteAccess::Management,
               "Starts offering a registered model on /v1 under its name; it loads on its first request.",
               [&access, &models](const HttpRequest &, const RouteParams &params, ResponseWriter &writer) {
                   const auto model = deployable(access, params.find("id")->second);
                   models.deploy({model.name, model.path});
                   writer.send(jsonResponse({{"id", model.name}, {"deployed", true}}));
               });
    router.add("DELETE", "/api/models/{id}", RouteAccess::Management,
               "Removes a registered model and the files no other model uses; ?force=true also when others "
               "were made from it. A deployed model must be undeployed first.",
               [&access, &models](const HttpRequest &request, const RouteParams &params, ResponseWriter &writer) {
                   const auto &id = params.find("id")->second;
                   const bool force = request.query("force") == "true";
                   std::lock_guard lock(access.mutex);
                   const auto record = access.registry.find(id);
                   if (!record)
                       throw notRegistered(id);
                   if (models.deployed(record->name))
                       throw ApiError(409, "'" + record->name + "' is deployed: undeploy it first", "id", "model_deployed");
                   try {
                       const auto report = access.registry.remove(record->id, force);
                       writer.send(jsonResponse({{"id", record->id},
                                                 {"name", record->name},
                                                 {"deleted", true},
                                                 {"bytes_freed", report.bytesFreed},
                                                 {"orphaned", report.orphaned}}));
                   } catch (const Error &error) {
                       if (error.kind() == ErrorKind::InvalidInput) // others were made from it
                           throw ApiError(409, error.detail() + " (add ?force=true to remove it anyway)", "id",
                                          "model_has_descendants");
                       throw;
                   }
               });
    router.add("POST", "/api/models/{id}/undeploy", RouteAccess::Management,
               "Stops offering a model; requests using it finish first.",
               [&access, &models](const HttpRequest &, const RouteParams &params, ResponseWriter &writer) {
                   const auto &id = params.find("id")->second;
                   // A deployed id, or a registered model's id or name that maps to one.
                   auto name = id;
                   if (!models.deployed(name)) {
                       std::lock_guard lock(access.mutex);
                       if (const auto record = access.registry.find(id))
                           name = record->name;
                   }
                   if (!models.undeploy(name))
                       throw ApiError(404, "no model '" + id + "' is deployed on this server", "id", "not_deployed");
                   writer.send(jsonResponse({{"id", name}, {"deployed", false}}));
               });
}

} // namespace llmos::serve
