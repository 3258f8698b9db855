#pragma once

#include "serve/httpmessage.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>

namespace llmos::serve {

// A JSON answer; invalid UTF-8 in any string (a token that is half a character, a name
// from a file) goes out as U+FFFD rather than failing the request.
HttpResponse jsonResponse(const nlohmann::json &body, int status = 200);
std::string jsonText(const nlohmann::json &body);

// Seconds since 1970, for "created" fields.
std::int64_t unixTime();
// `prefix` + 24 random base-36 characters, as OpenAI's ids look ("chatcmpl-...").
std::string responseId(const char *prefix);

} // namespace llmos::serve
