#pragma once

#include "serve/accesspolicy.h"
#include "serve/httpmessage.h"
#include "serve/requestrecord.h"

#include <atomic>
#include <functional>
#include <memory>
#include <map>
#include <string>
#include <vector>

namespace llmos::serve {

class ServerMetrics;

// The {name} segments of a route's path, by name: "/api/models/{id}" matched by
// "/api/models/m1" gives {"id": "m1"}.
using RouteParams = std::map<std::string, std::string, std::less<>>;
using RouteHandler = std::function<void(const HttpRequest &, const RouteParams &, ResponseWriter &)>;

// Who may call a route: anyone who reaches the server (health), a key of any scope
// (inference), or a management key.
enum class RouteAccess { Open, Inference, Management };

// Sends each request to its handler, after the checks every route shares, in this order:
// Host allow-list (403), CORS preflight (OPTIONS), the route (404 unknown path, 405 other
// method), the bearer key (401) and its scope (403). Whatever a handler throws becomes an
// OpenAI error envelope (ApiError as it says, llmos::Error by its kind, anything else a
// 500 that names no internals); dispatch itself never throws. Each answer is counted in
// `metrics` (when given) by route pattern, method and status.
class ApiRouter {
public:
    // maxRequestsPerKey: requests one API key may have in progress at once (0: no cap);
    // the next is a 429 with Retry-After.
    explicit ApiRouter(AccessPolicy policy, ServerMetrics *metrics = nullptr, int maxRequestsPerKey = 0);

    // `summary`: one line for /openapi.json.
    void add(std::string method, std::string pathPattern, RouteAccess access, std::string summary, RouteHandler handler);

    void dispatch(const HttpRequest &request, ResponseWriter &writer) const;

    struct RouteInfo {
        std::string method;
        std::string pattern;
        RouteAccess access;
        std::string summary;
    };
    // Every route, in the order added.
    std::vector<RouteInfo> routes() const;

    const AccessPolicy &policy() const noexcept { return m_policy; }

    // Told of every answered request (the window's request log); set before serving.
    void setObserver(RequestObserver observer) { m_observer = std::move(observer); }

private:
    struct Route {
        std::string method;
        std::vector<std::string> segments; // "{name}" segments capture
        std::string pattern;
        RouteAccess access;
        std::string summary;
        RouteHandler handler;
    };
    static bool matches(const Route &route, std::string_view path, RouteParams &params);
    // noteKey: told which API key the request used, once it is known.
    void run(const Route &route, const HttpRequest &request, const RouteParams &params, ResponseWriter &writer,
             const std::function<void(int)> &noteKey) const;

    AccessPolicy m_policy;
    ServerMetrics *m_metrics;
    RequestObserver m_observer;
    int m_maxRequestsPerKey;
    std::unique_ptr<std::atomic<int>[]> m_inProgress; // per key, as AccessPolicy numbers them
    std::vector<Route> m_routes;
};

} // namespace llmos::serve
