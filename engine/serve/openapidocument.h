#pragma once

#include <nlohmann/json_fwd.hpp>

namespace llmos::serve {

class ApiRouter;

// /openapi.json: OpenAPI 3.0 of the routes as registered (paths, methods, summaries, path
// parameters, who may call them) with the JSON Schema of each request and response body,
// which openapidocument.cpp keeps by route in one table.
nlohmann::json openApiDocument(const ApiRouter &router);

} // namespace llmos::serve
