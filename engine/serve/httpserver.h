#pragma once

#include "serve/httpmessage.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace llmos::serve {

// Limits that keep one client from taking the server down (docs/api.md, "Security").
struct ServerLimits {
    std::size_t maxHeaderBytes = 8 * 1024;      // larger header blocks: 431, connection closed
    std::size_t maxBodyBytes = 8 * 1024 * 1024; // larger bodies: 413, refused from Content-Length
    std::chrono::milliseconds readTimeout{30'000};  // a whole request (slowloris) or an idle keep-alive
    std::chrono::milliseconds writeTimeout{30'000}; // each write to a client that stopped reading
    int maxConnections = 256;                      // beyond: accepted and closed at once
    // Requests handled at once. A generating request mostly waits on its model's batcher, so
    // there are enough for a full decode batch (16) on each of two models.
    int requestThreads = 32;
    std::size_t maxQueuedRequests = 64;            // beyond: 429 with Retry-After
    // Uploads: POSTs to these paths may carry up to maxUploadBytes and take up to
    // uploadReadTimeout; a body is held in memory while it is read, so at most
    // maxConcurrentUploads are read at once (beyond: 429).
    std::vector<std::string> uploadPaths;
    std::size_t maxUploadBytes = 100 * 1024 * 1024;
    std::chrono::milliseconds uploadReadTimeout{600'000};
    int maxConcurrentUploads = 2;
};

// An HTTP/1.1 server on Boost.Beast: one I/O thread reads requests and writes responses;
// every request is handed to a pool of request threads (RequestWorkers), which run
// `dispatch` and write the answer through a ResponseWriter. While a handler runs, the
// server watches the connection, so a client that disconnects is seen at once
// (ResponseWriter::clientGone) and its generation stops. Keep-alive between requests;
// event streams close the connection when they end.
//
// Beast and Asio stay inside httpserver.cpp.
class HttpServer {
public:
    using Dispatch = std::function<void(const HttpRequest &, ResponseWriter &)>;

    HttpServer(ServerLimits limits, Dispatch dispatch);
    ~HttpServer(); // stop()

    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Binds host:port (port 0: any free port) and starts serving; returns the port bound.
    // Throws llmos::Error(Io) when the address cannot be bound, (InvalidInput) when the host
    // is not an IP address.
    std::uint16_t start(const std::string &host, std::uint16_t port);

    // Stops accepting, tells running handlers their clients are gone (generations stop
    // within a step), waits for them, and closes every connection. Idempotent.
    void stop();

    // Connections open now and requests waiting for a request thread (metrics, tests).
    int openConnections() const;
    std::size_t queuedRequests() const;

    struct Impl; // in httpserver.cpp, with the connections that use it

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace llmos::serve
