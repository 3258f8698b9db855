#pragma once

#include "serve/httpmessage.h"

#include <nlohmann/json_fwd.hpp>

namespace llmos::serve {

// A JSON answer; invalid UTF-8 in any string (a token that is half a character, a name
// from a file) goes out as U+FFFD rather than failing the request.
HttpResponse jsonResponse(const nlohmann::json &body, int status = 200);
std::string jsonText(const nlohmann::json &body);

} // namespace llmos::serve
