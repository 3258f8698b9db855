#include "serve/openairequest.h"

#include "generation/textgenerator.h"
#include "serve/apierror.h"

#include <cmath>
#include <limits>

namespace llmos::serve {

namespace {

using nlohmann::json;

// The deepest nesting of arrays and objects in `text`, brackets in strings not counted;
// stops counting once past `limit`.
int nestingDepth(std::string_view text, int limit)
{
    int depth = 0, deepest = 0;
    bool inString = false, escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '[' || c == '{')
            deepest = std::max(deepest, ++depth);
        else if (c == ']' || c == '}')
            --depth;
        if (deepest > limit)
            break;
    }
    return deepest;
}

const json *field(const json &body, const char *name)
{
    const auto it = body.find(name);
    return it == body.end() || it->is_null() ? nullptr : &*it;
}

double number(const json &body, const char *name, double low, double high)
{
    const auto *value = field(body, name);
    if (!value->is_number())
        throw ApiError::invalid(name, "must be a number");
    const double v = value->get<double>();
    if (!std::isfinite(v) || v < low || v > high)
        throw ApiError::invalid(name, "must be between " + json(low).dump() + " and " + json(high).dump() + ", got " +
                                          value->dump());
    return v;
}

std::int64_t integer(const json &body, const char *name, std::int64_t low, std::int64_t high)
{
    const auto *value = field(body, name);
    if (!value->is_number_integer())
        throw ApiError::invalid(name, "must be an integer");
    // Beyond int64 (10^30) nlohmann gives a float, caught above; unsigned above int64 max here.
    if (value->is_number_unsigned() && value->get<std::uint64_t>() > static_cast<std::uint64_t>(high))
        throw ApiError::invalid(name, "must be between " + std::to_string(low) + " and " + std::to_string(high));
    const auto v = value->get<std::int64_t>();
    if (v < low || v > high)
        throw ApiError::invalid(name, "must be between " + std::to_string(low) + " and " + std::to_string(high) +
                                          ", got " + std::to_string(v));
    return v;
}

bool boolean(const json &body, const char *name)
{
    const auto *value = field(body, name);
    if (!value->is_boolean())
        throw ApiError::invalid(name, "must be true or false");
    return value->get<bool>();
}

} // namespace

json parseJsonBody(const HttpRequest &request, const InferenceLimits &limits)
{
    const auto type = request.header("content-type");
    if (!type || type->find("application/json") == std::string_view::npos)
        throw ApiError(400, "send the request body as JSON, with 'Content-Type: application/json'");
    if (nestingDepth(request.body, limits.maxJsonDepth) > limits.maxJsonDepth)
        throw ApiError(400, "the request body nests arrays or objects deeper than " +
                                std::to_string(limits.maxJsonDepth) + " levels");
    json body;
    try {
        body = json::parse(request.body);
    } catch (const json::exception &error) { // parse_error, and out_of_range for numbers like 1e400
        throw ApiError(400, std::string("the request body is not valid JSON: ") + error.what());
    }
    if (!body.is_object())
        throw ApiError(400, "the request body must be a JSON object");
    return body;
}

std::string requiredModel(const json &body)
{
    const auto *model = field(body, "model");
    if (!model || !model->is_string() || model->get_ref<const std::string &>().empty())
        throw ApiError::invalid("model", "name the model to use (GET /v1/models lists them)");
    return model->get<std::string>();
}

CompletionParams parseCompletionParams(const json &body, const InferenceLimits &limits, std::int64_t defaultMaxTokens,
                                       bool chat)
{
    CompletionParams params;
    params.model = requiredModel(body);
    params.maxTokens = defaultMaxTokens;
    for (const char *name : {"max_tokens", "max_completion_tokens"})
        if (field(body, name))
            params.maxTokens = integer(body, name, 1, limits.maxTokens);
    if (field(body, "n"))
        params.choices = static_cast<int>(integer(body, "n", 1, limits.maxChoices));
    if (field(body, "seed"))
        params.sampling.seed = static_cast<std::uint64_t>(
            integer(body, "seed", std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()));
    if (field(body, "stream"))
        params.stream = boolean(body, "stream");
    if (const auto *options = field(body, "stream_options")) {
        if (!options->is_object())
            throw ApiError::invalid("stream_options", "must be an object");
        if (field(*options, "include_usage"))
            params.includeUsage = boolean(*options, "include_usage");
    }
    if (const auto *stop = field(body, "stop")) {
        const auto many = stop->is_array() ? *stop : json::array({*stop});
        if (many.size() > limits.maxStopStrings)
            throw ApiError::invalid("stop", "at most " + std::to_string(limits.maxStopStrings) + " stop strings");
        for (const auto &s : many) {
            if (!s.is_string() || s.get_ref<const std::string &>().empty()
                || s.get_ref<const std::string &>().size() > limits.maxStopLength)
                throw ApiError::invalid("stop", "must be a non-empty string of at most " +
                                                    std::to_string(limits.maxStopLength) + " bytes, or an array of them");
            params.stop.push_back(s.get<std::string>());
        }
    }
    for (const char *unsupported : {"tools", "functions", "response_format", "logit_bias", "suffix"})
        if (field(body, unsupported))
            throw ApiError::invalid(unsupported, "is not supported by this server yet");
    const int most = GenerationRequest::kMaxTopLogprobs;
    if (chat) {
        if (field(body, "logprobs") && boolean(body, "logprobs"))
            params.logprobs = field(body, "top_logprobs") ? static_cast<int>(integer(body, "top_logprobs", 0, most)) : 0;
        else if (field(body, "top_logprobs"))
            throw ApiError::invalid("top_logprobs", "needs \"logprobs\": true");
    } else if (field(body, "logprobs")) {
        params.logprobs = static_cast<int>(integer(body, "logprobs", 0, most));
    }
    return params;
}

void applySamplingDefaults(CompletionParams &params, const json &body, const SamplingOptions &modelDefaults)
{
    const auto seed = params.sampling.seed;
    params.sampling = modelDefaults;
    params.sampling.seed = seed;
    if (field(body, "temperature"))
        params.sampling.temperature = number(body, "temperature", 0, 2);
    if (field(body, "top_p"))
        params.sampling.topP = number(body, "top_p", std::numeric_limits<double>::min(), 1);
    if (field(body, "top_k"))
        params.sampling.topK = integer(body, "top_k", 0, 1 << 20);
    if (field(body, "min_p"))
        params.sampling.minP = number(body, "min_p", 0, 1);
    if (field(body, "repetition_penalty"))
        params.sampling.repetitionPenalty = number(body, "repetition_penalty", 0.01, 10);
    // A request that asks for top_p or top_k sampling on a greedy-by-default model samples.
    if (!field(body, "temperature") && params.sampling.greedy() && (field(body, "top_p") || field(body, "top_k")))
        params.sampling.temperature = 1.0;
}

std::vector<std::string> stringOrStrings(const json &body, const std::string &name, std::size_t most)
{
    const auto *value = field(body, name.c_str());
    if (!value)
        throw ApiError::invalid(name, "is required");
    const auto many = value->is_array() ? *value : json::array({*value});
    if (many.empty() || many.size() > most)
        throw ApiError::invalid(name, "must be a string or an array of 1 to " + std::to_string(most) + " strings");
    std::vector<std::string> texts;
    for (const auto &item : many) {
        if (!item.is_string())
            throw ApiError::invalid(name, "must be text: arrays of token ids are not supported");
        if (item.get_ref<const std::string &>().empty())
            throw ApiError::invalid(name, "must not be empty");
        texts.push_back(item.get<std::string>());
    }
    return texts;
}

} // namespace llmos::serve
