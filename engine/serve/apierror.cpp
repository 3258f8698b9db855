#include "serve/apierror.h"

#include "serve/jsonresponse.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

namespace llmos::serve {

ApiError::ApiError(int status, std::string message, std::string param, std::string code)
    : std::runtime_error(std::move(message))
    , m_status(status)
    , m_param(std::move(param))
    , m_code(std::move(code))
{
}

const char *ApiError::type() const noexcept
{
    switch (m_status) {
    case 401:
        return "authentication_error";
    case 403:
        return "permission_error";
    case 404:
        return "not_found_error";
    case 429:
    case 503:
        return "rate_limit_error";
    default:
        return m_status >= 500 ? "server_error" : "invalid_request_error";
    }
}

ApiError ApiError::invalid(const std::string &param, const std::string &detail)
{
    return ApiError(400, "'" + param + "': " + detail, param);
}

std::string errorJson(const ApiError &error)
{
    auto nullIfEmpty = [](const std::string &s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); };
    const nlohmann::json body{{"error",
                               {{"message", error.what()},
                                {"type", error.type()},
                                {"param", nullIfEmpty(error.param())},
                                {"code", nullIfEmpty(error.code())}}}};
    return jsonText(body); // an echoed fragment with invalid UTF-8 cannot make it throw
}

HttpResponse errorResponse(const ApiError &error)
{
    HttpResponse response{error.status(), "application/json", errorJson(error), {}};
    if (error.status() == 429 || error.status() == 503)
        response.headers.emplace_back("Retry-After", "1");
    return response;
}

ApiError apiErrorFrom(const Error &error)
{
    switch (error.kind()) {
    case ErrorKind::InvalidInput:
    case ErrorKind::Format:
    case ErrorKind::Unsupported:
        return ApiError(400, error.detail());
    case ErrorKind::NotFound:
        return ApiError(404, error.detail(), {}, "not_found");
    case ErrorKind::Cancelled:
        return ApiError(400, error.detail(), {}, "cancelled");
    case ErrorKind::Io:
    case ErrorKind::Internal:
        break;
    }
    return ApiError(500, "the server failed: " + error.detail());
}

void asConflict(const std::function<void()> &action, const std::string &param, const std::string &code)
{
    try {
        action();
    } catch (const Error &error) {
        if (error.kind() == ErrorKind::InvalidInput)
            throw ApiError(409, error.detail(), param, code);
        throw;
    }
}

} // namespace llmos::serve
