#include "serve/managementapi.h"

#include "registry/modelregistry.h"
#include "serve/apierror.h"
#include "serve/apirouter.h"
#include "serve/modelpool.h"

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
    const auto &deployed = pool.models();
    body["deployed"] = std::any_of(deployed.begin(), deployed.end(),
                                   [&](const DeployedModel &d) { return d.id == model.name || d.id == model.id; });
    return body;
}

HttpResponse jsonResponse(const json &body)
{
    return {200, "application/json", body.dump(-1, ' ', false, json::error_handler_t::replace), {}};
}

} // namespace

void addManagementRoutes(ApiRouter &router, RegistryAccess &access, const ModelPool &models)
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
                       throw ApiError(404, "no registered model has the id or name '" + id + "'", "id",
                                      "model_not_found");
                   writer.send(jsonResponse(modelForClients(*model, models)));
               });
}

} // namespace llmos::serve
