#include "serve/jsonresponse.h"

#include <nlohmann/json.hpp>

namespace llmos::serve {

std::string jsonText(const nlohmann::json &body)
{
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

HttpResponse jsonResponse(const nlohmann::json &body, int status)
{
    return {status, "application/json", jsonText(body), {}};
}

} // namespace llmos::serve
