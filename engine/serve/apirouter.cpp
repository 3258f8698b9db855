#include "serve/apirouter.h"

#include "serve/apierror.h"
#include "serve/servermetrics.h"
#include "util/error.h"

#include <chrono>
#include <exception>
#include <optional>

namespace llmos::serve {

namespace {

std::vector<std::string> splitPath(std::string_view path)
{
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const auto end = slash == std::string_view::npos ? path.size() : slash;
        if (end > start)
            segments.emplace_back(path.substr(start, end - start));
        if (slash == std::string_view::npos)
            break;
        start = slash + 1;
    }
    return segments;
}

// What every answer passes through: the CORS header when the origin may have one, and
// the metrics. A whole response is counted just before it is written, so a client that
// reads it and then scrapes /metrics finds it there; a stream when it ends.
class RouterWriter final : public ResponseWriter {
public:
    using Clock = std::chrono::steady_clock;

    RouterWriter(ResponseWriter &inner, std::optional<std::string> origin, ServerMetrics *metrics,
                 const RequestObserver &observer, const HttpRequest &request)
        : m_inner(inner)
        , m_origin(std::move(origin))
        , m_metrics(metrics)
        , m_observer(observer)
        , m_request(request)
    {
    }
    void send(HttpResponse response) override
    {
        m_status = response.status;
        addCors(response.headers);
        count();
        m_inner.send(std::move(response));
    }
    bool beginEvents(std::vector<std::pair<std::string, std::string>> headers) override
    {
        m_status = 200;
        addCors(headers);
        return m_inner.beginEvents(std::move(headers));
    }
    bool sendEvent(std::string_view data) override { return m_inner.sendEvent(data); }
    void endEvents() override { m_inner.endEvents(); }
    bool clientGone() const override { return m_inner.clientGone(); }
    bool answered() const override { return m_inner.answered(); }
    void noteUsage(const std::string &model, std::int64_t tokens, double timeToFirstToken) override
    {
        if (m_record.model.empty())
            m_record.timeToFirstToken = timeToFirstToken;
        m_record.model = model;
        m_record.tokens += tokens;
    }

    void setRoute(std::string route) { m_route = std::move(route); }
    void setKey(int key) { m_record.key = key; }
    // Once per request; a stream's time runs to its end.
    void count()
    {
        if (m_counted)
            return;
        m_counted = true;
        const double seconds = std::chrono::duration<double>(Clock::now() - m_started).count();
        if (m_metrics)
            m_metrics->recordRequest(m_route, m_request.method, m_status, seconds);
        if (!m_observer)
            return;
        m_record.finished = std::chrono::system_clock::now();
        m_record.method = m_request.method;
        m_record.path = std::string(m_request.path());
        m_record.route = m_route;
        m_record.status = m_status;
        m_record.seconds = seconds;
        m_observer(m_record);
    }

private:
    void addCors(std::vector<std::pair<std::string, std::string>> &headers) const
    {
        if (!m_origin)
            return;
        headers.emplace_back("Access-Control-Allow-Origin", *m_origin);
        headers.emplace_back("Vary", "Origin");
    }

    ResponseWriter &m_inner;
    std::optional<std::string> m_origin;
    ServerMetrics *m_metrics;
    const RequestObserver &m_observer;
    const HttpRequest &m_request;
    RequestRecord m_record;
    std::string m_route = "unmatched"; // paths that match no route are not labels: clients choose them
    Clock::time_point m_started = Clock::now();
    int m_status = 0;
    bool m_counted = false;
};

// An error after the event stream began cannot change the status any more: it goes out
// as a last event, in the same envelope, and the stream ends (no silent truncation).
void answerWithError(ResponseWriter &writer, const ApiError &error)
{
    if (!writer.answered()) {
        writer.send(errorResponse(error));
        return;
    }
    writer.sendEvent(errorJson(error));
    writer.endEvents();
}

} // namespace

ApiRouter::ApiRouter(AccessPolicy policy, ServerMetrics *metrics, int maxRequestsPerKey)
    : m_policy(std::move(policy))
    , m_metrics(metrics)
    , m_maxRequestsPerKey(maxRequestsPerKey)
    , m_inProgress(std::make_unique<std::atomic<int>[]>(m_policy.keyCount()))
{
}

void ApiRouter::add(std::string method, std::string pathPattern, RouteAccess access, std::string summary,
                    RouteHandler handler)
{
    auto segments = splitPath(pathPattern);
    m_routes.push_back({std::move(method), std::move(segments), std::move(pathPattern), access, std::move(summary),
                        std::move(handler)});
}

std::vector<ApiRouter::RouteInfo> ApiRouter::routes() const
{
    std::vector<RouteInfo> all;
    for (const auto &route : m_routes)
        all.push_back({route.method, route.pattern, route.access, route.summary});
    return all;
}

bool ApiRouter::matches(const Route &route, std::string_view path, RouteParams &params)
{
    const auto segments = splitPath(path);
    if (segments.size() != route.segments.size())
        return false;
    RouteParams found;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto &want = route.segments[i];
        if (want.size() > 2 && want.front() == '{' && want.back() == '}')
            found.emplace(want.substr(1, want.size() - 2), segments[i]);
        else if (want != segments[i])
            return false;
    }
    params = std::move(found);
    return true;
}

void ApiRouter::dispatch(const HttpRequest &request, ResponseWriter &writer) const
{
    const bool hostAllowed = m_policy.hostAllowed(request);
    // No CORS header for a request this server does not answer to.
    RouterWriter answer(writer, hostAllowed ? m_policy.allowedOrigin(request) : std::nullopt, m_metrics,
                        m_observer, request);
    try {
        if (!hostAllowed)
            throw ApiError(403, "this server does not answer to that Host name", {}, "host_not_allowed");
        if (request.method == "OPTIONS") {
            if (!m_policy.allowedOrigin(request))
                throw ApiError(403, "cross-origin requests are not allowed from this origin", {}, "origin_not_allowed");
            answer.send({204, // the origin header comes from RouterWriter
                         "text/plain",
                         {},
                         {{"Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS"},
                          {"Access-Control-Allow-Headers", "Authorization, Content-Type"},
                          {"Access-Control-Max-Age", "600"}}});
        }
        const auto path = request.path();
        bool pathKnown = false;
        bool ran = answer.answered(); // a preflight has its answer
        for (const auto &route : m_routes) {
            if (ran)
                break;
            RouteParams params;
            if (!matches(route, path, params))
                continue;
            pathKnown = true;
            answer.setRoute(route.pattern);
            if (route.method != request.method)
                continue;
            run(route, request, params, answer, [&answer](int key) { answer.setKey(key); });
            // (a handler whose client left may not answer)
            ran = true;
        }
        if (!ran) {
            if (pathKnown)
                throw ApiError(405, "method " + request.method + " is not allowed here", {}, "method_not_allowed");
            throw ApiError(404, "no such route: " + std::string(path), {}, "unknown_route");
        }
    } catch (const ApiError &error) {
        answerWithError(answer, error);
    }
    answer.count(); // an event stream, or a handler whose client left before its answer
}

void ApiRouter::run(const Route &route, const HttpRequest &request, const RouteParams &params,
                    ResponseWriter &writer, const std::function<void(int)> &noteKey) const
{
    try {
        std::atomic<int> *inProgress = nullptr;
        if (route.access != RouteAccess::Open) {
            const auto caller = m_policy.callerOf(request);
            if (!caller)
                throw ApiError(401, "a valid API key is required: send 'Authorization: Bearer <key>'", {},
                               "invalid_api_key");
            noteKey(caller->key);
            if (route.access == RouteAccess::Management && caller->scope != KeyScope::Management)
                throw ApiError(403, "this API key may only use the inference endpoints", {}, "insufficient_scope");
            if (caller->key >= 0 && m_maxRequestsPerKey > 0) {
                inProgress = &m_inProgress[static_cast<std::size_t>(caller->key)];
                if (inProgress->fetch_add(1) >= m_maxRequestsPerKey) {
                    --*inProgress;
                    throw ApiError(429, "this API key already has " + std::to_string(m_maxRequestsPerKey) +
                                            " requests in progress; try again when one ends", {}, "too_many_requests");
                }
            }
        }
        struct Release {
            std::atomic<int> *count;
            ~Release()
            {
                if (count)
                    --*count;
            }
        } release{inProgress};
        route.handler(request, params, writer);
    } catch (const ApiError &error) {
        answerWithError(writer, error);
    } catch (const Error &error) {
        answerWithError(writer, apiErrorFrom(error));
    } catch (const std::exception &) {
        // What an unexpected exception says may hold paths or internals: not for the client.
        answerWithError(writer, ApiError(500, "the server failed while answering this request"));
    } catch (...) {
        answerWithError(writer, ApiError(500, "the server failed while answering this request"));
    }
}

} // namespace llmos::serve
