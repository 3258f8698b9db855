#pragma once

#include "serve/httpmessage.h"

#include <functional>
#include <stdexcept>
#include <string>

namespace llmos {
class Error;
}

namespace llmos::serve {

// An error an endpoint answers with, in OpenAI's envelope:
//   {"error": {"message": ..., "type": ..., "param": ..., "code": ...}}
// `param` names the request field at fault (empty: null); `code` is a stable
// machine-readable word (model_not_found, context_length_exceeded, ...; empty: null).
class ApiError : public std::runtime_error {
public:
    ApiError(int status, std::string message, std::string param = {}, std::string code = {});

    int status() const noexcept { return m_status; }
    const std::string &param() const noexcept { return m_param; }
    const std::string &code() const noexcept { return m_code; }
    // OpenAI's type for the status: invalid_request_error, authentication_error, ...
    const char *type() const noexcept;

    // A 400 naming the field: "'<param>': <detail>".
    static ApiError invalid(const std::string &param, const std::string &detail);

private:
    int m_status;
    std::string m_param;
    std::string m_code;
};

// The envelope as JSON text, and as a whole response (with Retry-After on 429/503).
std::string errorJson(const ApiError &error);
HttpResponse errorResponse(const ApiError &error);

// An engine error as an API error: the kind picks the status (InvalidInput/Format 400,
// NotFound 404, Unsupported 400, Cancelled 400, others 500). The message is the
// error's detail only: its `where` may be a path with a user name in it.
ApiError apiErrorFrom(const Error &error);

// Runs `action`, a change of a job's state: the Error(InvalidInput) it throws when the
// state does not allow it (cancel a finished run, resume a running one) is a conflict,
// a 409 with this param and code, not a bad request.
void asConflict(const std::function<void()> &action, const std::string &param, const std::string &code);

} // namespace llmos::serve
