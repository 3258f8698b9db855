#include "serve/openapidocument.h"

#include "serve/apirouter.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>

namespace llmos::serve {

namespace {

using nlohmann::json;

// JSON Schema shorthands.
json str() { return {{"type", "string"}}; }
json integer() { return {{"type", "integer"}}; }
json number() { return {{"type", "number"}}; }
json boolean() { return {{"type", "boolean"}}; }
json array(json items) { return {{"type", "array"}, {"items", std::move(items)}}; }
json oneOf(json a, json b) { return {{"oneOf", json::array({std::move(a), std::move(b)})}}; }
json object(json properties, json required = json::array())
{
    json schema{{"type", "object"}, {"properties", std::move(properties)}};
    if (!required.empty())
        schema["required"] = std::move(required);
    return schema;
}
json list(json item) { return object({{"object", str()}, {"data", array(std::move(item))}}, {"data"}); }

struct Bodies {
    json request;  // null: no body
    json response; // null: an event stream (or no JSON)
    int status = 200;
    const char *requestType = "application/json";
    const char *responseType = "application/json";
};

json sampling()
{
    return {{"model", str()},        {"max_tokens", integer()},  {"temperature", number()}, {"top_p", number()},
            {"top_k", integer()},    {"min_p", number()},        {"repetition_penalty", number()},
            {"n", integer()},        {"seed", integer()},        {"stop", oneOf(str(), array(str()))},
            {"stream", boolean()},   {"stream_options", object({{"include_usage", boolean()}})}};
}

json usage() { return object({{"prompt_tokens", integer()}, {"completion_tokens", integer()}, {"total_tokens", integer()}}); }

// OpenAI's files and fine-tuning objects (engine/serve/openaifinetuning.h).
void addFineTuningBodies(std::map<std::string, Bodies> &t)
{
    const auto file = object({{"id", str()}, {"object", str()}, {"bytes", integer()}, {"created_at", integer()},
                              {"filename", str()}, {"purpose", str()}, {"status", str()}});
    t["POST /v1/files"] = {object({{"file", {{"type", "string"}, {"format", "binary"}}}, {"purpose", str()}},
                                  {"file", "purpose"}),
                           file, 200, "multipart/form-data"};
    t["GET /v1/files"] = {nullptr, list(file)};
    t["GET /v1/files/{file_id}"] = {nullptr, file};
    t["GET /v1/files/{file_id}/content"] = {nullptr, {{"type", "string"}, {"format", "binary"}}, 200,
                                            "application/json", "application/octet-stream"};
    t["DELETE /v1/files/{file_id}"] = {nullptr, object({{"id", str()}, {"object", str()}, {"deleted", boolean()}})};
    const auto hyperparameters = object({{"n_epochs", oneOf(str(), integer())}, {"batch_size", oneOf(str(), integer())},
                                         {"learning_rate_multiplier", oneOf(str(), number())}});
    const auto job = object({{"id", str()}, {"object", str()}, {"created_at", integer()}, {"finished_at", integer()},
                             {"model", str()}, {"fine_tuned_model", str()}, {"status", str()},
                             {"hyperparameters", hyperparameters}, {"training_file", str()},
                             {"validation_file", str()}, {"trained_tokens", integer()}, {"seed", integer()},
                             {"error", object({{"code", str()}, {"message", str()}, {"param", str()}})}});
    t["POST /v1/fine_tuning/jobs"] = {
        object({{"model", str()}, {"training_file", str()}, {"validation_file", str()},
                {"hyperparameters", hyperparameters},
                {"method", object({{"type", str()}, {"supervised", object({{"hyperparameters", hyperparameters}})}})},
                {"suffix", str()}, {"seed", integer()}, {"metadata", object({})},
                {"llmos_recipe", {{"type", "object"}, {"description", "recipe sections merged over the mapping (docs/recipes.md)"}}}},
               {"model", "training_file"}),
        job};
    const auto page = [](json item) {
        auto schema = list(std::move(item));
        schema["properties"]["has_more"] = boolean();
        return schema;
    };
    t["GET /v1/fine_tuning/jobs"] = {nullptr, page(job)};
    t["GET /v1/fine_tuning/jobs/{fine_tuning_job_id}"] = {nullptr, job};
    for (const char *action : {"cancel", "pause", "resume"})
        t[std::string("POST /v1/fine_tuning/jobs/{fine_tuning_job_id}/") + action] = {nullptr, job};
    t["GET /v1/fine_tuning/jobs/{fine_tuning_job_id}/events"] = {
        nullptr, page(object({{"id", str()}, {"object", str()}, {"created_at", integer()}, {"level", str()},
                              {"message", str()}, {"type", str()}, {"data", object({})}}))};
    t["GET /v1/fine_tuning/jobs/{fine_tuning_job_id}/checkpoints"] = {
        nullptr, page(object({{"id", str()}, {"object", str()}, {"created_at", integer()},
                              {"fine_tuned_model_checkpoint", str()}, {"step_number", integer()},
                              {"metrics", object({})}, {"fine_tuning_job_id", str()}}))};
}

const std::map<std::string, Bodies> &bodies()
{
    static const std::map<std::string, Bodies> table = [] {
        std::map<std::string, Bodies> t;
        auto chat = sampling();
        chat["messages"] = array(object({{"role", str()}, {"content", str()}}, {"role", "content"}));
        chat["max_completion_tokens"] = integer();
        chat["logprobs"] = boolean();
        chat["top_logprobs"] = integer();
        t["POST /v1/chat/completions"] = {
            object(chat, {"model", "messages"}),
            object({{"id", str()}, {"object", str()}, {"created", integer()}, {"model", str()},
                    {"choices", array(object({{"index", integer()},
                                              {"message", object({{"role", str()}, {"content", str()}})},
                                              {"finish_reason", str()}, {"logprobs", object({})}}))},
                    {"usage", usage()}})};
        auto completion = sampling();
        completion["prompt"] = oneOf(str(), array(str()));
        completion["logprobs"] = integer();
        t["POST /v1/completions"] = {
            object(completion, {"model", "prompt"}),
            object({{"id", str()}, {"object", str()}, {"created", integer()}, {"model", str()},
                    {"choices", array(object({{"index", integer()}, {"text", str()}, {"finish_reason", str()},
                                              {"logprobs", object({})}}))},
                    {"usage", usage()}})};
        t["POST /v1/embeddings"] = {
            object({{"model", str()}, {"input", oneOf(str(), array(str()))},
                    {"encoding_format", {{"type", "string"}, {"enum", {"float", "base64"}}}}, {"dimensions", integer()}},
                   {"model", "input"}),
            object({{"object", str()}, {"model", str()},
                    {"data", array(object({{"index", integer()}, {"embedding", oneOf(array(number()), str())}}))},
                    {"usage", usage()}})};
        t["POST /v1/rerank"] = {
            object({{"model", str()}, {"query", str()}, {"documents", array(oneOf(str(), object({{"text", str()}})))},
                    {"top_n", integer()}, {"return_documents", boolean()}},
                   {"model", "query", "documents"}),
            object({{"id", str()}, {"model", str()},
                    {"results", array(object({{"index", integer()}, {"relevance_score", number()},
                                              {"document", object({{"text", str()}})}}))},
                    {"usage", object({{"total_tokens", integer()}})}})};
        t["POST /v1/classify"] = {
            object({{"model", str()}, {"input", oneOf(str(), array(str()))}}, {"model", "input"}),
            object({{"id", str()}, {"object", str()}, {"model", str()},
                    {"data", array(object({{"index", integer()}, {"label", str()}, {"probs", array(number())},
                                           {"num_classes", integer()}}))},
                    {"usage", usage()}})};
        const auto modelEntry = object({{"id", str()}, {"object", str()}, {"created", integer()}, {"owned_by", str()}});
        t["GET /v1/models"] = {nullptr, list(modelEntry)};
        t["GET /v1/models/{model}"] = {nullptr, modelEntry};

        const auto registered = object({{"id", str()}, {"name", str()}, {"family", str()}, {"architecture", str()},
                                        {"format", str()}, {"parameter_count", integer()}, {"size_bytes", integer()},
                                        {"tags", array(str())}, {"deployed", boolean()}});
        t["GET /api/models"] = {nullptr, list(registered)};
        t["GET /api/models/{id}"] = {nullptr, registered};
        t["POST /api/models/{id}/deploy"] = {nullptr, object({{"id", str()}, {"deployed", boolean()}})};
        t["POST /api/models/{id}/undeploy"] = {nullptr, object({{"id", str()}, {"deployed", boolean()}})};
        t["DELETE /api/models/{id}"] = {nullptr, object({{"id", str()}, {"name", str()}, {"deleted", boolean()},
                                                         {"bytes_freed", integer()}, {"orphaned", array(str())}})};
        const auto importState = object({{"id", str()}, {"object", str()}, {"state", str()}, {"stage", str()},
                                         {"bytes_done", integer()}, {"bytes_total", integer()},
                                         {"model", object({{"id", str()}, {"name", str()}})}, {"error", str()}});
        t["POST /api/models/import"] = {object({{"path", str()}, {"name", str()}, {"description", str()},
                                                {"in_place", boolean()}, {"tags", array(str())}},
                                               {"path"}),
                                        importState, 202};
        t["GET /api/models/imports/{id}"] = {nullptr, importState};
        t["POST /api/models/imports/{id}/cancel"] = {nullptr, importState};

        // A recipe and a sweep document are described in docs/recipe.schema.json and docs/sweep.schema.json.
        const auto recipe = json{{"type", "object"}, {"description", "a training recipe (docs/recipe.schema.json)"}};
        const auto run = object({{"id", str()}, {"name", str()}, {"kind", str()}, {"state", str()},
                                 {"memory_estimate_bytes", integer()}, {"reason", str()}, {"final_metrics", object({})}});
        t["POST /api/jobs"] = {recipe, run, 201};
        t["GET /api/jobs"] = {nullptr, list(run)};
        t["GET /api/jobs/{id}"] = {nullptr, run};
        for (const char *action : {"cancel", "pause", "resume"})
            t[std::string("POST /api/jobs/{id}/") + action] = {nullptr, run};
        const auto sweepSummary = object({{"id", str()}, {"name", str()}, {"status", str()}, {"strategy", str()},
                                          {"metric", str()}, {"direction", str()}, {"trials", integer()},
                                          {"succeeded", integer()}, {"pruned", integer()}, {"failed", integer()},
                                          {"best_trial", integer()}, {"best_objective", number()}});
        auto sweepReport = sweepSummary;
        sweepReport["properties"]["leaderboard"] = array(object({{"trial", integer()}, {"parameters", object({})},
                                                                 {"objective", number()}, {"state", str()},
                                                                 {"step", integer()}, {"run_id", str()}}));
        sweepReport["properties"]["importance"] = array(object({{"parameter", str()}, {"share", number()}}));
        t["POST /api/sweeps"] = {json{{"type", "object"}, {"description", "a sweep document (docs/sweep.schema.json)"}},
                                 sweepSummary, 201};
        t["GET /api/sweeps"] = {nullptr, list(sweepSummary)};
        t["GET /api/sweeps/{id}"] = {nullptr, sweepReport};
        t["POST /api/sweeps/{id}/stop"] = {nullptr, object({{"id", str()}, {"status", str()}})};
        t["POST /api/sweeps/{id}/resume"] = {nullptr, object({{"id", str()}, {"status", str()}})};
        t["POST /api/sweeps/{id}/promote"] = {object({{"name", str()}}),
                                              object({{"id", str()}, {"name", str()}, {"sweep", str()}}), 201};
        t["GET /api/health"] = {nullptr, object({{"status", str()}, {"models", integer()}})};
        addFineTuningBodies(t);
        return t;
    }();
    return table;
}

} // namespace

json openApiDocument(const ApiRouter &router)
{
    json paths = json::object();
    for (const auto &route : router.routes()) {
        std::string method = route.method;
        std::transform(method.begin(), method.end(), method.begin(), [](unsigned char c) { return std::tolower(c); });
        json operation{{"summary", route.summary},
                       {"responses", {{"default", {{"description", "An error, in OpenAI's envelope"}}}}}};
        json ok{{"description", "OK"}};
        int status = 200;
        const auto known = bodies().find(route.method + " " + route.pattern);
        if ((route.pattern.starts_with("/api/") && route.pattern.ends_with("/events")) || route.pattern == "/metrics") {
            ok["content"] = {{route.pattern == "/metrics" ? "text/plain" : "text/event-stream", {{"schema", str()}}}};
        } else if (known != bodies().end()) {
            status = known->second.status;
            if (!known->second.response.is_null())
                ok["content"] = {{known->second.responseType, {{"schema", known->second.response}}}};
            if (!known->second.request.is_null())
                operation["requestBody"] = {{"required", true},
                                            {"content", {{known->second.requestType, {{"schema", known->second.request}}}}}};
        }
        operation["responses"][std::to_string(status)] = std::move(ok);
        if (route.access == RouteAccess::Open)
            operation["security"] = json::array();
        else
            operation["x-llmos-scope"] = route.access == RouteAccess::Management ? "management" : "inference";
        if (route.pattern.find('{') != std::string::npos) {
            json parameters = json::array();
            for (std::size_t open = route.pattern.find('{'); open != std::string::npos;
                 open = route.pattern.find('{', open + 1)) {
                const auto close = route.pattern.find('}', open);
                parameters.push_back({{"name", route.pattern.substr(open + 1, close - open - 1)},
                                      {"in", "path"},
                                      {"required", true},
                                      {"schema", {{"type", "string"}}}});
            }
            operation["parameters"] = std::move(parameters);
        }
        paths[route.pattern][method] = std::move(operation);
    }
    return {{"openapi", "3.0.3"},
            {"info", {{"title", "LLM OS Workbench API"}, {"version", "1"}}},
            {"components", {{"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}},
            {"security", json::array({{{"bearer", json::array()}}})},
            {"paths", std::move(paths)}};
}

} // namespace llmos::serve
