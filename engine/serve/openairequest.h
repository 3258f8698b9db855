#pragma once

#include "generation/samplingoptions.h"
#include "serve/httpmessage.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace llmos::serve {

// Caps on what one request may ask for (docs/api.md, "Limits").
struct InferenceLimits {
    std::int64_t maxTokens = 4096;       // max_tokens above this: 400
    int maxChoices = 8;                  // n
    std::size_t maxStopStrings = 16;     // stop
    std::size_t maxStopLength = 256;     // bytes per stop string
    std::size_t maxEmbeddingInputs = 256;
    std::size_t maxPrompts = 16;         // /v1/completions with an array of prompts
    int maxJsonDepth = 64;               // deeper nesting is refused before parsing
};

// The request body as a JSON object. 400 with a message that says what is wrong for a
// wrong Content-Type, nesting deeper than the limit (checked before parsing: the parser
// recurses), malformed JSON or invalid UTF-8, or anything but an object.
nlohmann::json parseJsonBody(const HttpRequest &request, const InferenceLimits &limits);

// What chat and text completions share, read and checked field by field; a bad value is a
// 400 whose `param` names the field. `defaults` are the model's (generation_config.json).
struct CompletionParams {
    std::string model;
    std::int64_t maxTokens = 0;
    SamplingOptions sampling;
    int choices = 1;                 // n
    std::vector<std::string> stop;
    bool stream = false;
    bool includeUsage = false;       // stream_options.include_usage
    int logprobs = -1;               // GenerationRequest::logprobs
};
// `chat`: logprobs is chat's boolean with top_logprobs, else the completions API's count.
CompletionParams parseCompletionParams(const nlohmann::json &body, const InferenceLimits &limits,
                                       std::int64_t defaultMaxTokens, bool chat = true);

// The model's defaults where the request is silent (temperature, top_p, ...).
void applySamplingDefaults(CompletionParams &params, const nlohmann::json &body, const SamplingOptions &modelDefaults);

// body["model"], which every inference request must name.
std::string requiredModel(const nlohmann::json &body);

// Texts of a string-or-array-of-strings field (prompt, input): each non-empty, at most
// `most` of them.
std::vector<std::string> stringOrStrings(const nlohmann::json &body, const std::string &field, std::size_t most);

} // namespace llmos::serve
