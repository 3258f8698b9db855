#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace llmos::serve {

// One HTTP request as the router sees it: Beast stays inside httpserver.cpp, so the router,
// the endpoints and their tests deal in these plain values.
struct HttpRequest {
    std::string method;  // "GET", "POST", ...
    std::string target;  // as sent: path and query
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers; // names in lower case

    // The path without the query string.
    std::string_view path() const;
    // The value of a query parameter ("?force=true" -> "true"), as sent (not percent-decoded).
    std::optional<std::string_view> query(std::string_view name) const;
    // The first header of that (lower-case) name.
    std::optional<std::string_view> header(std::string_view lowerCaseName) const;
};

struct HttpResponse {
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers; // beyond Content-Type and Content-Length
};

// Where a handler writes its answer: one whole response, or a stream of server-sent events
// (SSE). Called on a request worker, never on the server's I/O thread; each call returns
// once the bytes are handed to the socket (or the client is gone), so a slow client slows
// its own stream and nothing else.
class ResponseWriter {
public:
    virtual ~ResponseWriter() = default;

    virtual void send(HttpResponse response) = 0;

    // Sends the status line and headers of an event stream (text/event-stream). Returns
    // false when the client has gone.
    virtual bool beginEvents(std::vector<std::pair<std::string, std::string>> headers = {}) = 0;
    // One event: "data: <data>\n\n". False when the client has gone.
    virtual bool sendEvent(std::string_view data) = 0;
    // Ends the stream (the connection closes after it).
    virtual void endEvents() = 0;

    // Whether the client closed the connection or failed a write: long work polls this
    // to stop early (a generation stops within one token).
    virtual bool clientGone() const = 0;
    // Whether send() or beginEvents() was called.
    virtual bool answered() const = 0;

    // Which model a handler used and the tokens it generated, for the request log
    // (RequestRecord); tokens add up over calls. Writers that keep no log ignore it.
    virtual void noteUsage(const std::string &model, std::int64_t tokens, double timeToFirstToken)
    {
        (void)model, (void)tokens, (void)timeToFirstToken;
    }
};

} // namespace llmos::serve
