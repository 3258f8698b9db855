#pragma once

#include "serve/accesspolicy.h"
#include "serve/httpserver.h"
#include "serve/modelpool.h"
#include "serve/openairequest.h"
#include "serve/requestrecord.h"
#include "serve/servermetrics.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <memory>
#include <string>
#include <vector>

namespace llmos {
class JobScheduler;
class ModelRegistry;
class SweepThreads;
class TrainingJobs;
} // namespace llmos

namespace llmos::serve {

class ApiRouter;
class FineTuningJobs;
class UploadedFiles;
struct RegistryAccess;

// A key clients send as "Authorization: Bearer KEY": the key itself (the command line),
// or only its SHA-256 digest (the window, which shows a new key once and keeps the digest).
struct ApiKey {
    std::string key;
    KeyScope scope = KeyScope::Management;
    std::string digest; // used when `key` is empty: AccessPolicy::digestOf(key)
    std::string name;   // what the window's request log calls it
};

// Everything `llmos serve` and the window's Server page configure.
struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;
    std::vector<ApiKey> keys;
    std::vector<std::string> allowedHosts;  // Host names beyond localhost and the bound address
    std::vector<std::string> corsOrigins;   // empty: no cross-origin access
    std::vector<DeployedModel> models;
    ServerLimits limits;
    InferenceLimits inference;
    std::size_t maxWaitingPerModel = 16;
    int maxRequestsPerKey = 8; // requests one API key may have in progress (0: no cap)
    // A model no request has used for this long is unloaded (0: kept until the server stops).
    std::chrono::seconds unloadAfterIdle{600};
    // The model registry for the management API (not owned; outlives the server). Null:
    // no /api/models routes.
    ModelRegistry *registry = nullptr;
    // The scheduler and training service for /api/jobs and /api/sweeps (not owned; both
    // or neither).
    JobScheduler *scheduler = nullptr;
    TrainingJobs *training = nullptr;
    // The threads sweeps run on (not owned): the window's, so a sweep started over HTTP is
    // the window's too. Null: the server runs its own.
    SweepThreads *sweeps = nullptr;
    // Told of every answered request (the window's request log and live figures).
    RequestObserver onRequest;

    // Error(InvalidInput) for what must not run: a non-loopback address with no API key
    // (anyone on the network could use the models), two models with one id, a key that
    // is empty or whose digest is not one.
    void validate() const;
};

// The whole API server: the router with every route, the model pool and the HTTP
// server, built from ServerOptions.
class ApiServer {
public:
    explicit ApiServer(ServerOptions options);
    ~ApiServer(); // stop()

    // Validates the options, binds and serves; returns the port bound.
    std::uint16_t start();
    // Cancels in-flight requests (their clients see the connection close) and stops.
    void stop();

    const ServerOptions &options() const noexcept { return m_options; }
    // The deployed models: the window deploys and undeploys through it while serving.
    ModelPool &models() noexcept { return *m_models; }

private:
    ServerOptions m_options;
    ServerMetrics m_metrics;
    std::unique_ptr<ModelPool> m_models;
    std::unique_ptr<RegistryAccess> m_registry;
    std::unique_ptr<SweepThreads> m_ownSweeps; // when ServerOptions::sweeps is null
    // OpenAI's files and fine-tuning jobs (with a registry and a scheduler); after the
    // models and the registry, which a finished job's deployment uses.
    std::unique_ptr<UploadedFiles> m_files;
    std::unique_ptr<FineTuningJobs> m_fineTuning;
    std::unique_ptr<ApiRouter> m_router;
    std::unique_ptr<HttpServer> m_http;
    // Unloads idle models every little while (see ServerOptions::unloadAfterIdle).
    std::jthread m_unloader;
    std::mutex m_unloaderMutex;
    std::condition_variable_any m_unloaderWake;
};

} // namespace llmos::serve
