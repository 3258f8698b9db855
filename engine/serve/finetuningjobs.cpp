#include "serve/finetuningjobs.h"

#include "datasets/rowinterpreter.h"
#include "datasets/rowreader.h"
#include "jobs/jobscheduler.h"
#include "registry/modelregistry.h"
#include "serve/apierror.h"
#include "serve/jsonresponse.h"
#include "serve/managementapi.h"
#include "serve/modelpool.h"
#include "serve/registeredmodels.h"
#include "services/trainingjobs.h"
#include "util/atomicfile.h"
#include "util/error.h"
#include "util/randomid.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

namespace llmos::serve {

namespace {

using nlohmann::json;

std::filesystem::path jobFile(const JobScheduler &scheduler, const std::string &runId)
{
    return std::filesystem::path(scheduler.store().runDirectory(runId)) / kJobFile;
}

bool ended(JobState state)
{
    return state == JobState::Succeeded || state == JobState::Failed || state == JobState::Cancelled;
}

ApiError fileNotFound(const std::string &param, const std::string &id)
{
    return ApiError(404, "no uploaded file has the id '" + id.substr(0, 64) + "'", param, "file_not_found");
}

} // namespace

FineTuningJobs::FineTuningJobs(UploadedFiles &files, JobScheduler &scheduler, TrainingJobs &training,
                               RegistryAccess &registry, ModelPool &models)
    : m_files(files), m_scheduler(scheduler), m_training(training), m_registry(registry), m_models(models)
{
    m_subscription = m_scheduler.subscribe([this](const JobEvent &event) {
        const auto *change = std::get_if<JobStateChanged>(&event.payload);
        if (change && change->to == JobState::Succeeded)
            deployTrainedModel(event.runId);
    });
}

const std::string &FineTuningJobs::dataFolder() const noexcept
{
    return m_training.home();
}

void FineTuningJobs::checkChatFile(const std::filesystem::path &path)
{
    DatasetSpec spec;
    spec.path = path.string();
    spec.format = DatasetFileFormat::JsonLines;
    spec.kind = DatasetKind::OpenAiChat;
    RowInterpreter interpreter(spec.kind, spec.fields);
    std::vector<BadRow> bad;
    std::size_t badCount = 0, good = 0;
    RowSink sink;
    sink.onBadRow = [&](BadRow &&row) {
        if (++badCount <= 5)
            bad.push_back(std::move(row));
    };
    sink.onRow = [&](SourceRow &&row) {
        BadRow problem;
        if (interpreter.interpret(row, problem))
            ++good;
        else if (++badCount <= 5)
            bad.push_back(std::move(problem));
    };
    try {
        readDatasetRows(spec, sink);
    } catch (const Error &error) {
        throw ApiError(400, "the file is not JSON Lines: " + error.detail(), "file", "invalid_file_format");
    }
    if (badCount > 0) {
        std::string message = fmt::format("{} of {} lines are not chat examples ({{\"messages\": [{{\"role\", "
                                          "\"content\"}}, ...]}}):",
                                          badCount, badCount + good);
        for (const auto &row : bad)
            message += fmt::format(" line {}: {};", row.line, row.reason);
        throw ApiError(400, message, "file", "invalid_file_format");
    }
    if (good == 0)
        throw ApiError(400, "the file holds no chat example", "file", "invalid_file_format");
}

FineTuningJob FineTuningJobs::create(const FineTuningRequest &request)
{
    std::optional<ModelRecord> base;
    {
        std::lock_guard lock(m_registry.mutex);
        base = m_registry.registry.find(request.model);
    }
    if (!base)
        throw ApiError(404, "no registered model is named '" + request.model.substr(0, 128) + "'", "model",
                       "model_not_found");
    if (!servable(*base))
        throw ApiError(400, "'" + base->name + "' is an adapter; fine-tune the model it was made for", "model",
                       "model_not_trainable");
    if (base->family == "bert")
        throw ApiError(400, "'" + base->name + "' is an encoder; chat data trains a causal language model", "model",
                       "model_not_trainable");
    const auto fileFor = [&](const std::string &id, const std::string &param) {
        const auto file = m_files.find(id);
        if (!file)
            throw fileNotFound(param, id);
        if (file->purpose != "fine-tune")
            throw ApiError(400, "file '" + id + "' was uploaded for '" + file->purpose + "', not 'fine-tune'", param,
                           "invalid_file_purpose");
        return m_files.contentPath(id).string();
    };
    const auto trainingPath = fileFor(request.trainingFile, "training_file");
    const auto validationPath = request.validationFile.empty() ? std::string() : fileFor(request.validationFile, "validation_file");

    FineTuningJob job;
    job.model = request.model;
    job.trainingFile = request.trainingFile;
    job.validationFile = request.validationFile;
    job.suffix = request.suffix;
    job.metadata = request.metadata;
    job.createdAt = unixTime();
    job.fineTunedModel = fineTunedModelName(base->name, request.suffix, randomId(""));
    const auto recipe = fineTuningRecipe(request, base->id, trainingPath, validationPath, job);
    job.runId = m_training.submit(recipe);
    // Beside the recipe; a job whose description could not be written still trains and is
    // in /api/jobs, so the error says so.
    try {
        writeFileAtomically(jobFile(m_scheduler, job.runId).string(), toJson(job).dump());
    } catch (const Error &error) {
        throw ApiError(500, "the run " + job.runId + " started, but its fine-tuning description could not be saved: " +
                                error.detail());
    }
    return job;
}

std::optional<FineTuningJob> FineTuningJobs::readJob(const std::string &runId) const
{
    std::ifstream in(jobFile(m_scheduler, runId));
    if (!in)
        return std::nullopt;
    std::stringstream text;
    text << in.rdbuf();
    try {
        return fineTuningJobFromJson(json::parse(text.str()));
    } catch (const std::exception &) {
        return std::nullopt; // damaged: the run is still in /api/jobs
    }
}

std::vector<std::pair<FineTuningJob, RunState>> FineTuningJobs::list() const
{
    std::vector<std::pair<FineTuningJob, RunState>> jobs;
    for (auto &run : m_scheduler.jobs())
        if (run.kind == TrainingJobs::kJobKind)
            if (auto job = readJob(run.id))
                jobs.emplace_back(std::move(*job), std::move(run));
    std::sort(jobs.begin(), jobs.end(), [](const auto &a, const auto &b) {
        return a.second.createdMs != b.second.createdMs ? a.second.createdMs > b.second.createdMs
                                                        : a.second.id > b.second.id;
    });
    return jobs;
}

std::pair<FineTuningJob, RunState> FineTuningJobs::find(std::string_view jobId) const
{
    const auto runId = runIdOfFineTuningJob(jobId);
    const auto notFound = [&] {
        return ApiError(404, "no fine-tuning job has the id '" + std::string(jobId.substr(0, 64)) + "'",
                        "fine_tuning_job_id", "fine_tuning_job_not_found");
    };
    if (!runId || !isSafeFolderName(*runId))
        throw notFound();
    auto job = readJob(*runId);
    if (!job)
        throw notFound();
    try {
        return {std::move(*job), m_scheduler.snapshot(*runId)};
    } catch (const Error &) {
        throw notFound();
    }
}

std::vector<JobEvent> FineTuningJobs::events(const std::string &runId) const
{
    return m_scheduler.store().readEvents(runId).events;
}

std::vector<std::int64_t> FineTuningJobs::checkpointSteps(const std::string &runId) const
{
    std::vector<std::int64_t> steps;
    for (const auto &name : m_scheduler.store().checkpoints(runId)) {
        // Complete checkpoints are "step-NNNNNNNN"; partial ones start with a dot.
        if (!name.starts_with("step-"))
            continue;
        std::int64_t step = 0;
        const auto digits = std::string_view(name).substr(5);
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), step);
        if (ec == std::errc() && end == digits.data() + digits.size())
            steps.push_back(step);
    }
    std::sort(steps.begin(), steps.end());
    return steps;
}

void FineTuningJobs::cancel(const std::string &runId)
{
    m_scheduler.cancel(runId);
}

void FineTuningJobs::pause(const std::string &runId)
{
    m_scheduler.pause(runId);
}

void FineTuningJobs::resume(const std::string &runId)
{
    m_training.resume(runId);
}

bool FineTuningJobs::fileInUse(std::string_view fileId) const
{
    for (const auto &[job, state] : list())
        if (!ended(state.state) && (job.trainingFile == fileId || job.validationFile == fileId))
            return true;
    return false;
}

void FineTuningJobs::deployTrainedModel(const std::string &runId)
{
    const auto job = readJob(runId);
    if (!job || m_models.deployed(job->fineTunedModel))
        return;
    try {
        std::vector<DeployedModel> deployment;
        {
            std::lock_guard lock(m_registry.mutex);
            deployment = registeredDeployments(m_registry.registry, {job->fineTunedModel});
        }
        m_models.deploy(deployment.front());
    } catch (const std::exception &) {
        // Not registered (output.register false in llmos_recipe) or removed since: the
        // job's model is then not offered, which GET /v1/models shows.
    }
}

} // namespace llmos::serve
