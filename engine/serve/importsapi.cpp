#include "serve/importsapi.h"

#include "registry/importoptions.h"
#include "registry/modelregistry.h"
#include "serve/apierror.h"
#include "serve/apirouter.h"
#include "serve/jsonresponse.h"
#include "serve/managementapi.h"
#include "serve/openairequest.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace llmos::serve {

namespace {

using nlohmann::json;

// The imports this server started: each on a thread of its own, with its progress.
class ImportJobs {
public:
    explicit ImportJobs(std::string home)
        : m_home(std::move(home))
    {
    }
    ~ImportJobs()
    {
        std::map<std::string, std::shared_ptr<Job>> jobs;
        {
            std::lock_guard lock(m_mutex);
            jobs = m_jobs;
        }
        for (auto &[id, job] : jobs) {
            job->stop.request_stop();
            if (job->thread.joinable())
                job->thread.join();
        }
    }

    std::string start(std::string path, ImportOptions options)
    {
        auto job = std::make_shared<Job>();
        const auto id = responseId("imp-");
        {
            std::lock_guard lock(m_mutex);
            m_jobs[id] = job;
        }
        options.stop = job->stop.get_token();
        options.progress = [this, job](const ImportProgress &progress) {
            {
                std::lock_guard lock(m_mutex);
                job->progress = progress;
                ++job->updates;
            }
            m_changed.notify_all();
        };
        job->thread = std::thread([this, job, path = std::move(path), options = std::move(options)] {
            std::string state = "succeeded";
            json model;
            std::string failure;
            try {
                ModelRegistry registry(m_home);
                const auto record = registry.importModel(path, options);
                model = {{"id", record.id}, {"name", record.name}, {"size_bytes", record.sizeBytes}};
            } catch (const Error &error) {
                state = error.kind() == ErrorKind::Cancelled ? "cancelled" : "failed";
                // What is wrong with the client's own folder is said; a failure of the
                // server's disk is not detailed (it would name the server's paths).
                const bool aboutTheSource = error.kind() != ErrorKind::Io && error.kind() != ErrorKind::Internal;
                failure = aboutTheSource ? error.detail() : "the import failed on the server's disk";
            } catch (const std::exception &) {
                state = "failed";
                failure = "the import failed on the server";
            }
            {
                std::lock_guard lock(m_mutex);
                job->state = state;
                job->model = model;
                job->failure = failure;
                ++job->updates;
            }
            m_changed.notify_all();
        });
        return id;
    }

    // The job's state as the routes show it; 404 for an id it does not know.
    json describe(const std::string &id) const
    {
        std::lock_guard lock(m_mutex);
        return describeLocked(id, *find(id));
    }

    bool cancel(const std::string &id)
    {
        std::lock_guard lock(m_mutex);
        const auto &job = find(id);
        if (job->state != "running")
            return false;
        job->stop.request_stop();
        return true;
    }

    // Waits up to `wait` for a change after `seen` updates; returns the state and the count.
    std::pair<json, std::uint64_t> next(const std::string &id, std::uint64_t seen, std::chrono::milliseconds wait) const
    {
        std::unique_lock lock(m_mutex);
        const auto job = find(id);
        m_changed.wait_for(lock, wait, [&] { return job->updates > seen; });
        return {describeLocked(id, *job), job->updates};
    }

private:
    struct Job {
        std::stop_source stop;
        std::thread thread;
        std::string state = "running";
        ImportProgress progress;
        std::uint64_t updates = 0;
        json model;
        std::string failure;
    };

    const std::shared_ptr<Job> &find(const std::string &id) const
    {
        const auto it = m_jobs.find(id);
        if (it == m_jobs.end())
            throw ApiError(404, "no import has the id '" + id + "'", "id", "import_not_found");
        return it->second;
    }

    static json describeLocked(const std::string &id, const Job &job)
    {
        json out{{"id", id},
                 {"object", "model.import"},
                 {"state", job.state},
                 {"stage", importStageName(job.progress.stage)},
                 {"bytes_done", job.progress.bytesDone},
                 {"bytes_total", job.progress.bytesTotal}};
        if (!job.model.is_null())
            out["model"] = job.model;
        if (!job.failure.empty())
            out["error"] = job.failure;
        return out;
    }

    std::string m_home;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::map<std::string, std::shared_ptr<Job>> m_jobs;
};

ImportOptions importOptions(const json &body)
{
    ImportOptions options;
    auto text = [&](const char *field) -> std::string {
        const auto it = body.find(field);
        if (it == body.end() || it->is_null())
            return {};
        if (!it->is_string())
            throw ApiError::invalid(field, "must be a string");
        return it->get<std::string>();
    };
    options.name = text("name");
    options.description = text("description");
    if (const auto it = body.find("in_place"); it != body.end() && !it->is_null()) {
        if (!it->is_boolean())
            throw ApiError::invalid("in_place", "must be true or false");
        options.inPlace = it->get<bool>();
    }
    if (const auto it = body.find("tags"); it != body.end() && !it->is_null()) {
        if (!it->is_array())
            throw ApiError::invalid("tags", "must be a list of strings");
        for (const auto &tag : *it) {
            if (!tag.is_string())
                throw ApiError::invalid("tags", "must be a list of strings");
            options.tags.push_back(tag.get<std::string>());
        }
    }
    return options;
}

} // namespace

void addImportRoutes(ApiRouter &router, RegistryAccess &registry)
{
    const auto jobs = std::make_shared<ImportJobs>(registry.registry.home());
    router.add("POST", "/api/models/import", RouteAccess::Management,
               "Imports a model folder or file on the server's machine into the registry, in the background.",
               [jobs](const HttpRequest &request, const RouteParams &, ResponseWriter &writer) {
                   const auto body = parseJsonBody(request, InferenceLimits{});
                   const auto path = body.find("path");
                   if (path == body.end() || !path->is_string() || path->get_ref<const std::string &>().empty())
                       throw ApiError::invalid("path", "must name a model folder or file on the server's machine");
                   std::error_code ec;
                   const auto canonical = std::filesystem::weakly_canonical(path->get<std::string>(), ec);
                   if (ec || !std::filesystem::exists(canonical, ec))
                       throw ApiError::invalid("path", "does not exist on the server's machine");
                   const auto id = jobs->start(canonical.string(), importOptions(body));
                   writer.send(jsonResponse(jobs->describe(id), 202));
               });
    router.add("GET", "/api/models/imports/{id}", RouteAccess::Management,
               "An import's state, stage and progress, and the model when it is done.",
               [jobs](const HttpRequest &, const RouteParams &params, ResponseWriter &writer) {
                   writer.send(jsonResponse(jobs->describe(params.find("id")->second)));
               });
    router.add("GET", "/api/models/imports/{id}/events", RouteAccess::Management,
               "An import's progress as server-sent events until it ends.",
               [jobs](const HttpRequest &, const RouteParams &params, ResponseWriter &writer) {
                   const auto &id = params.find("id")->second;
                   auto [state, seen] = jobs->next(id, 0, std::chrono::milliseconds(0)); // 404 before the stream
                   if (!writer.beginEvents())
                       return;
                   for (;;) {
                       if (!writer.sendEvent(jsonText(state)))
                           return;
                       if (state["state"] != "running" || writer.clientGone())
                           break;
                       std::tie(state, seen) = jobs->next(id, seen, std::chrono::milliseconds(500));
                   }
                   writer.sendEvent("[DONE]");
                   writer.endEvents();
               });
    router.add("POST", "/api/models/imports/{id}/cancel", RouteAccess::Management,
               "Stops an import; the registry stays as it was.",
               [jobs](const HttpRequest &, const RouteParams &params, ResponseWriter &writer) {
                   const auto &id = params.find("id")->second;
                   if (!jobs->cancel(id))
                       throw ApiError(409, "the import has ended", "id", "import_state_conflict");
                   writer.send(jsonResponse(jobs->describe(id)));
               });
}

} // namespace llmos::serve
