#include "serve/finetuningapi.h"

#include "jobs/jobscheduler.h"
#include "serve/apierror.h"
#include "serve/apirouter.h"
#include "serve/finetuningjobs.h"
#include "serve/jsonresponse.h"
#include "serve/multipartform.h"
#include "serve/openairequest.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <fstream>
#include <sstream>

namespace llmos::serve {

namespace {

using nlohmann::json;

// One page of a newest-first list, as OpenAI pages them: the items after the one whose id
// is `after` (all when absent), at most `limit` (?limit=, 1 to 100).
json page(const json &items, const HttpRequest &request, std::int64_t defaultLimit)
{
    std::int64_t limit = defaultLimit;
    if (const auto text = request.query("limit")) {
        const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), limit);
        if (ec != std::errc() || end != text->data() + text->size() || limit < 1 || limit > 100)
            throw ApiError::invalid("limit", "must be an integer from 1 to 100");
    }
    std::size_t first = 0;
    if (const auto after = request.query("after")) {
        while (first < items.size() && items[first].at("id") != *after)
            ++first;
        if (first == items.size())
            throw ApiError::invalid("after", "names no item of this list");
        ++first;
    }
    json data = json::array();
    for (std::size_t i = first; i < items.size() && static_cast<std::int64_t>(data.size()) < limit; ++i)
        data.push_back(items[i]);
    const bool more = first + data.size() < items.size();
    json answer{{"object", "list"}, {"data", data}, {"has_more", more}};
    answer["first_id"] = data.empty() ? json(nullptr) : data.front().at("id");
    answer["last_id"] = data.empty() ? json(nullptr) : data.back().at("id");
    return answer;
}

const FormPart *partNamed(const std::vector<FormPart> &parts, std::string_view name)
{
    for (const auto &part : parts)
        if (part.name == name)
            return &part;
    return nullptr;
}

UploadedFile checkedFile(UploadedFiles &files, const RouteParams &params)
{
    const auto &id = params.find("file_id")->second;
    auto file = files.find(id);
    if (!file)
        throw ApiError(404, "no uploaded file has the id '" + id.substr(0, 64) + "'", "file_id", "file_not_found");
    return *file;
}

void upload(UploadedFiles &files, const HttpRequest &request, ResponseWriter &writer)
{
    const auto parts = parseMultipartForm(request.header("content-type").value_or(""), request.body);
    const auto *purpose = partNamed(parts, "purpose");
    const auto *file = partNamed(parts, "file");
    if (!purpose)
        throw ApiError::invalid("purpose", "is required: 'fine-tune'");
    if (!file || !file->filename)
        throw ApiError::invalid("file", "is required: the file's bytes, as a form field with a filename");
    if (purpose->data != "fine-tune")
        throw ApiError(400, "purpose '" + std::string(purpose->data.substr(0, 64)) +
                                "' is not offered here: files are uploaded for 'fine-tune'",
                       "purpose", "invalid_purpose");
    const auto stored = files.add(*file->filename, purpose->data, file->data);
    try {
        FineTuningJobs::checkChatFile(files.contentPath(stored.id));
    } catch (...) {
        files.remove(stored.id); // a file no job could train on is not kept
        throw;
    }
    writer.send(jsonResponse(toJson(stored)));
}

std::string readWhole(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::Io, path.string(), "cannot read the uploaded file");
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void addFileRoutes(ApiRouter &router, UploadedFiles &files, FineTuningJobs &jobs)
{
    router.add("POST", "/v1/files", RouteAccess::Management,
               "Uploads a file (multipart/form-data: file, purpose 'fine-tune'); chat examples are checked line by line.",
               [&files](const HttpRequest &request, const RouteParams &, ResponseWriter &writer) {
                   upload(files, request, writer);
               });
    router.add("GET", "/v1/files", RouteAccess::Management, "The uploaded files, newest first (?purpose=).",
               [&files](const HttpRequest &request, const RouteParams &, ResponseWriter &writer) {
                   json data = json::array();
                   for (const auto &file : files.list(request.query("purpose").value_or("")))
                       data.push_back(toJson(file));
                   writer.send(jsonResponse({{"object", "list"}, {"data", std::move(data)}, {"has_more", false}}));
               });
    router.add("GET", "/v1/files/{file_id}", RouteAccess::Management, "One uploaded file's description.",
               [&files](const HttpRequest &, const RouteParams &params, ResponseWriter &writer) {
                   writer.send(jsonResponse(toJson(checkedFile(files, params))));
               });
    router.add("GET", "/v1/files/{file_id}/content", RouteAccess::Management, "One uploaded file's bytes.",
               [&files](const HttpRequest &, const RouteParams &params, ResponseWriter &writer) {
                   const auto file = checkedFile(files, params);
                   writer.send({200, "application/octet-stream", readWhole(files.contentPath(file.id)), {}});
               });
    router.add("DELETE", "/v1/files/{file_id}", RouteAccess::Management,
               "Deletes an uploaded file; refused while a job that has not ended trains on it.",
               [&files, &jobs](const HttpRequest &, const RouteParams &params, ResponseWriter &writer) {
                   const auto file = checkedFile(files, params);
                   if (jobs.fileInUse(file.id))
                       throw ApiError(409, "a fine-tuning job that has not ended trains on '" + file.id +
                                               "'; cancel it or wait for it to end",
                                      "file_id", "file_in_use");
                   files.remove(file.id);
                   writer.send(jsonResponse({{"id", file.id}, {"object", "file"}, {"deleted", true}}));
               });
}

json jobObject(const FineTuningJobs &jobs, const FineTuningJob &job, const RunState &state)
{
    return fineTuningJobObject(job, state, jobs.events(job.runId), jobs.dataFolder());
}

} // namespace

void addFineTuningRoutes(ApiRouter &router, UploadedFiles &files, FineTuningJobs &jobs)
{
    addFileRoutes(router, files, jobs);
    router.add("POST", "/v1/fine_tuning/jobs", RouteAccess::Management,
               "Starts a fine-tune of a registered model on uploaded chat examples (a training run; LoRA merged).",
               [&jobs](const HttpRequest &request, const RouteParams &, ResponseWriter &writer) {
                   const auto job = jobs.create(parseFineTuningRequest(parseJsonBody(request, InferenceLimits{})));
                   writer.send(jsonResponse(jobObject(jobs, job, jobs.find(fineTuningJobId(job.runId)).second)));
               });
    router.add("GET", "/v1/fine_tuning/jobs", RouteAccess::Management, "The fine-tuning jobs, newest first.",
               [&jobs](const HttpRequest &request, const RouteParams &, ResponseWriter &writer) {
                   json items = json::array();
                   for (const auto &[job, state] : jobs.list())
                       items.push_back(jobObject(jobs, job, state));
                   writer.send(jsonResponse(page(items, request, 20)));
               });
    router.add("GET", "/v1/fine_tuning/jobs/{fine_tuning_job_id}", RouteAccess::Management, "One fine-tuning job.",
               [&jobs](const HttpRequest &, const RouteParams &params, ResponseWriter &writer) {
                   const auto [job, state] = jobs.find(params.find("fine_tuning_job_id")->second);
                   writer.send(jsonResponse(jobObject(jobs, job, state)));
               });
    struct Action {
        const char *name;
        const char *summary;
        void (*apply)(FineTuningJobs &, const std::string &runId);
    };
    for (const Action action : {
             Action{"cancel", "Cancels a fine-tuning job.",
                    [](FineTuningJobs &j, const std::string &id) { j.cancel(id); }},
             Action{"pause", "Pauses a fine-tuning job at its next step, with a checkpoint.",
                    [](FineTuningJobs &j, const std::string &id) { j.pause(id); }},
             Action{"resume", "Resumes a paused fine-tuning job from its newest checkpoint.",
                    [](FineTuningJobs &j, const std::string &id) { j.resume(id); }},
         }) {
        router.add("POST", std::string("/v1/fine_tuning/jobs/{fine_tuning_job_id}/") + action.name,
                   RouteAccess::Management, action.summary,
                   [&jobs, apply = action.apply](const HttpRequest &, const RouteParams &params, ResponseWriter &writer) {
                       const auto &id = params.find("fine_tuning_job_id")->second;
                       const auto runId = jobs.find(id).first.runId;
                       asConflict([&] { apply(jobs, runId); }, "fine_tuning_job_id", "job_state_conflict");
                       const auto [job, state] = jobs.find(id);
                       writer.send(jsonResponse(jobObject(jobs, job, state)));
                   });
    }
    router.add("GET", "/v1/fine_tuning/jobs/{fine_tuning_job_id}/events", RouteAccess::Management,
               "A fine-tuning job's events (state changes, metrics, log lines), newest first.",
               [&jobs](const HttpRequest &request, const RouteParams &params, ResponseWriter &writer) {
                   const auto job = jobs.find(params.find("fine_tuning_job_id")->second).first;
                   const auto events = jobs.events(job.runId);
                   json items = json::array();
                   for (auto event = events.rbegin(); event != events.rend(); ++event)
                       if (auto object = fineTuningEventObject(*event, jobs.dataFolder()))
                           items.push_back(std::move(*object));
                   writer.send(jsonResponse(page(items, request, 20)));
               });
    router.add("GET", "/v1/fine_tuning/jobs/{fine_tuning_job_id}/checkpoints", RouteAccess::Management,
               "A fine-tuning job's checkpoints, newest first, with the metrics at each.",
               [&jobs](const HttpRequest &request, const RouteParams &params, ResponseWriter &writer) {
                   const auto job = jobs.find(params.find("fine_tuning_job_id")->second).first;
                   const auto items = fineTuningCheckpointObjects(job, jobs.events(job.runId),
                                                                  jobs.checkpointSteps(job.runId));
                   writer.send(jsonResponse(page(items, request, 10)));
               });
}

} // namespace llmos::serve
