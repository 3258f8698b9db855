#include "cli/commandline.h"
#include "cli/registryopen.h"
#include "cli/runfollower.h"

#include "registry/modelregistry.h"
#include "registry/registrylayout.h"
#include "runtime/datadirectory.h"
#include "serve/apiserver.h"
#include "serve/registeredmodels.h"
#include "services/trainingjobs.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <optional>
#include <pthread.h>
#include <thread>

namespace llmos::cli {

namespace {

// The models to deploy: each --model (a path, or a registered id or name), or every
// registered model but adapters when none is given. Clients name them by registered name, else by
// folder or file name.
std::vector<serve::DeployedModel> deployedModels(CommandContext &ctx)
{
    std::vector<serve::DeployedModel> models;
    std::vector<std::string> registered;
    for (const auto &reference : ctx.parser().values(QStringLiteral("model"))) {
        const auto asked = reference.toStdString();
        std::error_code ec;
        if (!std::filesystem::exists(asked, ec)) {
            registered.push_back(asked);
            continue;
        }
        const auto path = std::filesystem::absolute(asked).lexically_normal();
        const auto name = path.has_filename() ? path.filename() : path.parent_path().filename();
        models.push_back({name.string(), path.string()});
    }
    if (models.empty() || !registered.empty()) {
        auto registry = openRegistry();
        for (auto &model : serve::registeredDeployments(registry, registered))
            models.push_back(std::move(model));
    }
    return models;
}

serve::ServerOptions serverOptions(CommandContext &ctx)
{
    const auto &p = ctx.parser();
    serve::ServerOptions options;
    if (p.isSet(QStringLiteral("host")))
        options.host = p.value(QStringLiteral("host")).toStdString();
    if (const auto port = ctx.integer(QStringLiteral("port"))) {
        if (*port < 0 || *port > 65535)
            throw UsageError{CommandContext::tr("--port must be between 0 and 65535")};
        options.port = static_cast<std::uint16_t>(*port);
    }
    auto addKeys = [&](const QString &option, serve::KeyScope scope) {
        for (const auto &value : p.values(option)) {
            serve::ApiKey key;
            key.key = value.toStdString();
            key.scope = scope;
            options.keys.push_back(std::move(key));
        }
    };
    addKeys(QStringLiteral("api-key"), serve::KeyScope::Management);
    addKeys(QStringLiteral("inference-key"), serve::KeyScope::Inference);
    for (const auto &host : p.values(QStringLiteral("allowed-host")))
        options.allowedHosts.push_back(host.toStdString());
    for (const auto &origin : p.values(QStringLiteral("cors-origin")))
        options.corsOrigins.push_back(origin.toStdString());
    if (const auto cap = ctx.integer(QStringLiteral("max-tokens-cap"))) {
        if (*cap < 1)
            throw UsageError{CommandContext::tr("--max-tokens-cap must be at least 1")};
        options.inference.maxTokens = *cap;
    }
    if (const auto perKey = ctx.integer(QStringLiteral("max-requests-per-key"))) {
        if (*perKey < 0 || *perKey > 1024)
            throw UsageError{CommandContext::tr("--max-requests-per-key must be between 0 (no cap) and 1024")};
        options.maxRequestsPerKey = static_cast<int>(*perKey);
    }
    if (const auto upload = ctx.integer(QStringLiteral("max-upload-mb"))) {
        if (*upload < 1 || *upload > 65536)
            throw UsageError{CommandContext::tr("--max-upload-mb must be between 1 and 65536")};
        options.limits.maxUploadBytes = static_cast<std::size_t>(*upload) << 20;
    }
    if (const auto idle = ctx.integer(QStringLiteral("unload-after"))) {
        if (*idle < 0)
            throw UsageError{CommandContext::tr("--unload-after must be 0 (never) or a number of seconds")};
        options.unloadAfterIdle = std::chrono::seconds(*idle);
    }
    options.models = deployedModels(ctx);
    return options;
}

int runServe(CommandContext &ctx)
{
    auto options = serverOptions(ctx);
    // The management API reads the registry when there is one (the CLI keeps it open for
    // as long as the server runs); a server of bare folders goes without.
    std::optional<ModelRegistry> registry;
    if (std::filesystem::exists(RegistryLayout(dataDirectory()).databaseFile())) {
        registry.emplace(openRegistry());
        options.registry = &*registry;
    }
    // Fine-tunes submitted over /api/jobs run here, one at a time, as `llmos train` runs
    // them; destroyed after the server, which pauses a run still going (with a checkpoint).
    const int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    JobScheduler scheduler = foregroundScheduler(threads);
    TrainingJobs training(scheduler, dataDirectory(), threads);
    options.scheduler = &scheduler;
    options.training = &training;
    // SIGINT and SIGTERM are taken by this thread with sigwait, below; blocked before the
    // server's threads start, so none of them is interrupted by the signal.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    serve::ApiServer server(std::move(options));
    const auto port = server.start();
    const auto &o = server.options();
    if (ctx.json()) {
        nlohmann::json models = nlohmann::json::array();
        for (const auto &model : o.models)
            models.push_back(model.id);
        ctx.printJson({{"event", "listening"}, {"host", o.host}, {"port", port}, {"models", models}});
    } else {
        ctx.printLine(CommandContext::tr("Serving %n model(s) on http://%1:%2/v1 (Ctrl-C stops)", nullptr,
                                         static_cast<int>(o.models.size()))
                          .arg(QString::fromStdString(o.host))
                          .arg(port));
        for (const auto &model : o.models)
            ctx.printLine(QStringLiteral("  ") + QString::fromStdString(model.id));
    }
    int received = 0;
    sigwait(&signals, &received);
    server.stop();
    if (ctx.json())
        ctx.printJson({{"event", "stopped"}, {"signal", received == SIGTERM ? "SIGTERM" : "SIGINT"}});
    else
        ctx.printLine(CommandContext::tr("Stopped."));
    return 0;
}

} // namespace

Command serveCommand()
{
    return {"serve",
            QT_TRANSLATE_NOOP("Commands", "Serve models over an OpenAI-compatible HTTP API."),
            [](QCommandLineParser &p) {
                p.addOption({QStringLiteral("host"),
                             QCoreApplication::translate("Commands", "Address to listen on (default 127.0.0.1; any "
                                                                     "other needs an API key)."),
                             QStringLiteral("ADDRESS")});
                p.addOption({QStringLiteral("port"), QCoreApplication::translate("Commands", "Port (default 8080; 0: any free port)."),
                             QStringLiteral("PORT")});
                p.addOption({QStringLiteral("model"),
                             QCoreApplication::translate("Commands", "A model to serve: a folder, a GGUF file, or a "
                                                                     "registered id or name; repeat for more (default: "
                                                                     "every registered model)."),
                             QStringLiteral("MODEL")});
                p.addOption({QStringLiteral("api-key"),
                             QCoreApplication::translate("Commands", "A key clients must send (Authorization: Bearer "
                                                                     "KEY), allowed everything; repeat for more."),
                             QStringLiteral("KEY")});
                p.addOption({QStringLiteral("inference-key"),
                             QCoreApplication::translate("Commands", "A key allowed only the /v1 inference endpoints."),
                             QStringLiteral("KEY")});
                p.addOption({QStringLiteral("allowed-host"),
                             QCoreApplication::translate("Commands", "Another Host name clients may use (the server "
                                                                     "refuses unknown names against DNS rebinding)."),
                             QStringLiteral("NAME")});
                p.addOption({QStringLiteral("cors-origin"),
                             QCoreApplication::translate("Commands", "A web origin allowed to call the API from a "
                                                                     "browser (default: none)."),
                             QStringLiteral("ORIGIN")});
                p.addOption({QStringLiteral("unload-after"),
                             QCoreApplication::translate("Commands", "Unload a model no request has used for this "
                                                                     "many seconds (default 600; 0: never)."),
                             QStringLiteral("SECONDS")});
                p.addOption({QStringLiteral("max-requests-per-key"),
                             QCoreApplication::translate("Commands", "Requests one API key may have in progress at "
                                                                     "once (default 8; 0: no cap)."),
                             QStringLiteral("N")});
                p.addOption({QStringLiteral("max-upload-mb"),
                             QCoreApplication::translate("Commands", "The largest file /v1/files accepts, in MiB "
                                                                     "(default 100)."),
                             QStringLiteral("MIB")});
                p.addOption({QStringLiteral("max-tokens-cap"),
                             QCoreApplication::translate("Commands", "The most tokens one request may generate "
                                                                     "(default 4096)."),
                             QStringLiteral("N")});
            },
            runServe};
}

} // namespace llmos::cli
