#include "serve/apiserver.h"

#include "serve/apirouter.h"
#include "serve/encoderapi.h"
#include "serve/finetuningapi.h"
#include "serve/finetuningjobs.h"
#include "serve/importsapi.h"
#include "serve/jsonresponse.h"
#include "serve/jobsapi.h"
#include "serve/managementapi.h"
#include "serve/openaiapi.h"
#include "serve/openapidocument.h"
#include "serve/sweepsapi.h"
#include "services/sweepthreads.h"
#include "services/trainingjobs.h"
#include "util/error.h"

#include <boost/asio/ip/address.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <set>

namespace llmos::serve {

void ServerOptions::validate() const
{
    boost::system::error_code ec;
    const auto address = boost::asio::ip::make_address(host, ec);
    if (ec)
        throw Error(ErrorKind::InvalidInput, "--host " + host, "is not an IP address (use 127.0.0.1, ::1 or 0.0.0.0)");
    if (!address.is_loopback() && keys.empty())
        throw Error(ErrorKind::InvalidInput, "--host " + host,
                    "is reachable from other machines: set at least one API key (--api-key) to serve there");
    for (const auto &key : keys)
        if (key.key.empty() && !AccessPolicy::isDigest(key.digest))
            throw Error(ErrorKind::InvalidInput, "API key " + (key.name.empty() ? std::string("(unnamed)") : key.name),
                        "is empty (a key, or its SHA-256 digest in hex, is needed)");
    std::set<std::string> ids;
    for (const auto &model : models)
        if (!ids.insert(model.id).second)
            throw Error(ErrorKind::InvalidInput, "--model " + model.id, "is deployed twice under the same id");
}

namespace {

AccessPolicy policyFrom(const ServerOptions &options)
{
    AccessPolicy policy;
    for (const auto &key : options.keys) {
        if (key.key.empty())
            policy.addKeyDigest(key.digest, key.scope); // validate() has checked it
        else
            policy.addKey(key.key, key.scope);
    }
    policy.allowHost(options.host);
    for (const auto &host : options.allowedHosts)
        policy.allowHost(host);
    for (const auto &origin : options.corsOrigins)
        policy.allowOrigin(origin);
    return policy;
}

} // namespace

ApiServer::ApiServer(ServerOptions options)
    : m_options(std::move(options))
    , m_models(std::make_unique<ModelPool>(m_options.models, m_options.maxWaitingPerModel))
    , m_router(std::make_unique<ApiRouter>(policyFrom(m_options), &m_metrics, m_options.maxRequestsPerKey))
{
    m_router->setObserver(m_options.onRequest);
    addOpenAiRoutes(*m_router, *m_models, m_options.inference, m_metrics);
    addEncoderRoutes(*m_router, *m_models, m_options.inference);
    if (m_options.registry) {
        m_registry.reset(new RegistryAccess{*m_options.registry, {}});
        addManagementRoutes(*m_router, *m_registry, *m_models);
        addImportRoutes(*m_router, *m_registry);
    }
    if (m_options.scheduler && m_options.training) {
        addJobRoutes(*m_router, *m_options.scheduler, *m_options.training, m_metrics);
        auto *sweeps = m_options.sweeps;
        if (!sweeps) {
            m_ownSweeps = std::make_unique<SweepThreads>(*m_options.scheduler, *m_options.training,
                                                         m_options.training->home());
            sweeps = m_ownSweeps.get();
        }
        addSweepRoutes(*m_router, *sweeps, *m_options.scheduler, *m_options.training, m_options.training->home(),
                       m_registry.get());
        if (m_registry) {
            m_files = std::make_unique<UploadedFiles>(std::filesystem::path(m_options.training->home()) / "files");
            m_fineTuning = std::make_unique<FineTuningJobs>(*m_files, *m_options.scheduler, *m_options.training,
                                                            *m_registry, *m_models);
            addFineTuningRoutes(*m_router, *m_files, *m_fineTuning);
            m_options.limits.uploadPaths.push_back("/v1/files");
        }
    }
    m_metrics.addGauge("llmos_http_requests_waiting", "Requests waiting for a request thread.",
                       [this] { return m_http ? static_cast<double>(m_http->queuedRequests()) : 0.0; });
    auto batching = [this](auto field) {
        return [this, field] {
            ServerMetrics::LabeledValues values;
            for (const auto &model : m_models->batching())
                values.emplace_back(model.model, static_cast<double>(model.*field));
            return values;
        };
    };
    m_metrics.addLabeledGauge("llmos_decode_steps", "Decode steps run on each loaded model (continuous batching).",
                              "model", batching(&ModelPool::Batching::steps));
    m_metrics.addLabeledGauge("llmos_decode_sequences",
                              "Sequences those steps decoded; over llmos_decode_steps, the mean batch.", "model",
                              batching(&ModelPool::Batching::sequences));
    m_metrics.addGauge("llmos_http_connections_open", "Client connections open.",
                       [this] { return m_http ? static_cast<double>(m_http->openConnections()) : 0.0; });
    m_router->add("GET", "/metrics", RouteAccess::Inference, "Counters and histograms in Prometheus' text format.",
                  [this](const HttpRequest &, const RouteParams &, ResponseWriter &writer) {
                      writer.send({200, "text/plain; version=0.0.4; charset=utf-8", m_metrics.exposition(), {}});
                  });
    m_router->add("GET", "/api/health", RouteAccess::Open, "Whether the server is up, and how many models it offers.",
                  [this](const HttpRequest &, const RouteParams &, ResponseWriter &writer) {
                      const nlohmann::json body{{"status", "ok"}, {"models", m_models->models().size()}};
                      writer.send(jsonResponse(body));
                  });
    m_router->add("GET", "/openapi.json", RouteAccess::Open, "This description of every route (OpenAPI 3.0).",
                  [this](const HttpRequest &, const RouteParams &, ResponseWriter &writer) {
                      writer.send(jsonResponse(openApiDocument(*m_router)));
                  });
}

ApiServer::~ApiServer()
{
    stop();
}

std::uint16_t ApiServer::start()
{
    m_options.validate();
    m_http = std::make_unique<HttpServer>(m_options.limits, [this](const HttpRequest &request, ResponseWriter &writer) {
        m_router->dispatch(request, writer);
    });
    const auto port = m_http->start(m_options.host, m_options.port);
    if (m_options.unloadAfterIdle.count() > 0) {
        const auto idle = m_options.unloadAfterIdle;
        const auto period = std::clamp<std::chrono::seconds>(idle / 4, std::chrono::seconds(1), std::chrono::seconds(60));
        m_unloader = std::jthread([this, idle, period](std::stop_token stop) {
            std::unique_lock lock(m_unloaderMutex);
            for (;;) {
                m_unloaderWake.wait_for(lock, stop, period, [] { return false; }); // wakes early on stop
                if (stop.stop_requested())
                    return;
                m_models->unloadIdle(idle);
            }
        });
    }
    return port;
}

void ApiServer::stop()
{
    if (m_unloader.joinable()) {
        m_unloader.request_stop();
        m_unloader.join();
    }
    if (m_http)
        m_http->stop();
}

} // namespace llmos::serve
