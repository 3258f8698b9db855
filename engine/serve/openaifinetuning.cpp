#include "serve/openaifinetuning.h"

#include "serve/apierror.h"
#include "util/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace llmos::serve {

namespace {

using nlohmann::json;

constexpr std::string_view kJobPrefix = "ftjob-";

// "auto", or an integer in [low, high].
std::optional<std::int64_t> autoOrInteger(const json &value, const std::string &param, std::int64_t low,
                                          std::int64_t high)
{
    if (value.is_string() && value.get<std::string>() == "auto")
        return std::nullopt;
    if (!value.is_number_integer() || value.get<std::int64_t>() < low || value.get<std::int64_t>() > high)
        throw ApiError::invalid(param, fmt::format("must be \"auto\" or an integer from {} to {}", low, high));
    return value.get<std::int64_t>();
}

std::optional<double> autoOrMultiplier(const json &value, const std::string &param)
{
    if (value.is_string() && value.get<std::string>() == "auto")
        return std::nullopt;
    if (!value.is_number() || !(value.get<double>() > 0) || value.get<double>() > 10)
        throw ApiError::invalid(param, "must be \"auto\" or a number above 0 and at most 10");
    return value.get<double>();
}

void readHyperparameters(const json &value, const std::string &where, FineTuningRequest &request)
{
    if (value.is_null())
        return;
    if (!value.is_object())
        throw ApiError::invalid(where, "must be an object");
    for (const auto &[key, field] : value.items()) {
        const auto param = where + "." + key;
        if (key == "n_epochs")
            request.epochs = autoOrInteger(field, param, 1, 50);
        else if (key == "batch_size")
            request.batchSize = autoOrInteger(field, param, 1, 256);
        else if (key == "learning_rate_multiplier")
            request.learningRateMultiplier = autoOrMultiplier(field, param);
        else
            throw ApiError::invalid(param, "is not a hyperparameter of supervised fine-tuning here "
                                           "(n_epochs, batch_size, learning_rate_multiplier)");
    }
}

void readMethod(const json &value, FineTuningRequest &request)
{
    if (!value.is_object())
        throw ApiError::invalid("method", "must be an object");
    const auto type = value.value("type", std::string("supervised"));
    if (type != "supervised")
        throw ApiError(400, "method.type '" + type + "' is not offered here: only supervised fine-tuning is",
                       "method.type", "unsupported_method");
    for (const auto &[key, field] : value.items()) {
        if (key == "type")
            continue;
        if (key != "supervised")
            throw ApiError::invalid("method." + key, "is not offered here (only method.supervised)");
        if (!field.is_object())
            throw ApiError::invalid("method.supervised", "must be an object");
        for (const auto &[inner, hyper] : field.items()) {
            if (inner != "hyperparameters")
                throw ApiError::invalid("method.supervised." + inner, "is not a field of method.supervised");
            readHyperparameters(hyper, "method.supervised.hyperparameters", request);
        }
    }
}

std::string requiredString(const json &body, const char *field)
{
    const auto it = body.find(field);
    if (it == body.end() || !it->is_string() || it->get<std::string>().empty())
        throw ApiError::invalid(field, "is required: a non-empty string");
    return it->get<std::string>();
}

bool suffixCharacter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

std::string withoutFolder(std::string text, const std::string &folder)
{
    if (folder.empty())
        return text;
    const auto prefix = folder.ends_with('/') ? folder : folder + "/";
    for (auto at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at))
        text.erase(at, prefix.size());
    return text;
}

std::string stateMessage(const JobStateChanged &change)
{
    std::string message;
    switch (change.to) {
    case JobState::Queued: message = "The job is queued"; break;
    case JobState::Running:
        message = change.from == JobState::Queued ? "Fine-tuning job started" : "Fine-tuning job resumed";
        break;
    case JobState::Paused: message = "The job was paused at a checkpoint"; break;
    case JobState::Succeeded: message = "The job has successfully completed"; break;
    case JobState::Failed: message = "The job failed"; break;
    case JobState::Cancelled: message = "The job was cancelled"; break;
    case JobState::Interrupted: message = "The job was interrupted; it can be resumed"; break;
    }
    return change.reason.empty() ? message : message + ": " + change.reason;
}

const char *levelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Warning: return "warn";
    case LogLevel::Error: return "error";
    default: return "info";
    }
}

json metricsData(std::int64_t step, const MetricValues &values, bool evaluation)
{
    json data{{"step", step}};
    for (const auto &[name, value] : values) {
        if (name == "loss")
            data["train_loss"] = value;
        else if (name == "eval_loss")
            data["valid_loss"] = value;
        else if (name == "lr")
            data["learning_rate"] = value;
        else
            data[evaluation && !name.starts_with("eval_") ? "valid_" + name : name] = value;
    }
    return data;
}

} // namespace

FineTuningRequest parseFineTuningRequest(const json &body)
{
    static const std::set<std::string, std::less<>> known = {
        "model",  "training_file", "validation_file", "hyperparameters", "method",      "suffix",
        "seed",   "metadata",      "integrations",    "llmos_recipe"};
    for (const auto &[key, value] : body.items())
        if (!known.contains(key))
            throw ApiError::invalid(key, "is not a field of a fine-tuning job");
    FineTuningRequest request;
    request.model = requiredString(body, "model");
    request.trainingFile = requiredString(body, "training_file");
    if (const auto it = body.find("validation_file"); it != body.end() && !it->is_null()) {
        if (!it->is_string() || it->get<std::string>().empty())
            throw ApiError::invalid("validation_file", "must be an uploaded file's id, or null");
        request.validationFile = it->get<std::string>();
    }
    if (const auto it = body.find("hyperparameters"); it != body.end())
        readHyperparameters(*it, "hyperparameters", request);
    if (const auto it = body.find("method"); it != body.end() && !it->is_null())
        readMethod(*it, request);
    if (const auto it = body.find("suffix"); it != body.end() && !it->is_null()) {
        const auto suffix = it->is_string() ? it->get<std::string>() : std::string();
        if (suffix.empty() || suffix.size() > 64 || !std::all_of(suffix.begin(), suffix.end(), suffixCharacter))
            throw ApiError::invalid("suffix", "must be 1 to 64 letters, digits, '-', '_' or '.'");
        request.suffix = suffix;
    }
    if (const auto it = body.find("seed"); it != body.end() && !it->is_null()) {
        if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() > 2147483647)
            throw ApiError::invalid("seed", "must be an integer from 0 to 2147483647");
        request.seed = it->get<std::uint64_t>();
    }
    if (const auto it = body.find("metadata"); it != body.end() && !it->is_null()) {
        if (!it->is_object() || it->size() > 16)
            throw ApiError::invalid("metadata", "must be an object of at most 16 keys");
        for (const auto &[key, value] : it->items())
            if (key.size() > 64 || !value.is_string() || value.get<std::string>().size() > 512)
                throw ApiError::invalid("metadata." + key.substr(0, 64),
                                        "keys are at most 64 characters and values strings of at most 512");
        request.metadata = *it;
    }
    if (const auto it = body.find("integrations"); it != body.end() && !it->is_null())
        if (!it->is_array() || !it->empty())
            throw ApiError(400, "integrations (Weights & Biases) need a network; this server has none to offer",
                           "integrations", "unsupported_integration");
    if (const auto it = body.find("llmos_recipe"); it != body.end() && !it->is_null()) {
        if (!it->is_object())
            throw ApiError::invalid("llmos_recipe", "must be an object of recipe sections (docs/recipes.md)");
        for (const char *owned : {"model", "dataset"})
            if (it->contains(owned))
                throw ApiError::invalid(std::string("llmos_recipe.") + owned,
                                        "is set by the job's model and files; leave it out");
        request.recipeOverrides = *it;
    }
    return request;
}

json toJson(const FineTuningJob &job)
{
    return {{"run_id", job.runId},
            {"model", job.model},
            {"training_file", job.trainingFile},
            {"validation_file", job.validationFile},
            {"fine_tuned_model", job.fineTunedModel},
            {"suffix", job.suffix},
            {"n_epochs", job.epochs},
            {"batch_size", job.batchSize},
            {"learning_rate_multiplier", job.learningRateMultiplier},
            {"seed", job.seed},
            {"metadata", job.metadata},
            {"created_at", job.createdAt}};
}

FineTuningJob fineTuningJobFromJson(const json &value)
{
    try {
        FineTuningJob job;
        job.runId = value.at("run_id").get<std::string>();
        job.model = value.at("model").get<std::string>();
        job.trainingFile = value.at("training_file").get<std::string>();
        job.validationFile = value.at("validation_file").get<std::string>();
        job.fineTunedModel = value.at("fine_tuned_model").get<std::string>();
        job.suffix = value.at("suffix").get<std::string>();
        job.epochs = value.at("n_epochs").get<std::int64_t>();
        job.batchSize = value.at("batch_size").get<std::int64_t>();
        job.learningRateMultiplier = value.at("learning_rate_multiplier").get<double>();
        job.seed = value.at("seed").get<std::uint64_t>();
        job.metadata = value.at("metadata");
        job.createdAt = value.at("created_at").get<std::int64_t>();
        return job;
    } catch (const json::exception &error) {
        throw Error(ErrorKind::Format, kJobFile, error.what());
    }
}

std::string fineTuningJobId(const std::string &runId)
{
    return std::string(kJobPrefix) + runId;
}

std::optional<std::string> runIdOfFineTuningJob(std::string_view jobId)
{
    if (!jobId.starts_with(kJobPrefix))
        return std::nullopt;
    return std::string(jobId.substr(kJobPrefix.size()));
}

std::string fineTunedModelName(const std::string &baseName, const std::string &suffix, const std::string &token)
{
    return "ft:" + baseName + (suffix.empty() ? "" : ":" + suffix) + ":" + token;
}

TrainingRecipe fineTuningRecipe(const FineTuningRequest &request, const std::string &modelReference,
                                const std::string &trainingPath, const std::string &validationPath,
                                FineTuningJob &job)
{
    json document{{"model", {{"path", modelReference}}},
                  {"dataset",
                   {{"path", trainingPath},
                    {"format", "jsonl"},
                    {"kind", "openai"},
                    // Without a validation file every example trains, as OpenAI does.
                    {"validation_fraction", 0.0}}},
                  {"method", {{"kind", "lora"}, {"rank", 8}}},
                  {"output", {{"name", job.fineTunedModel}, {"merge", true}}}};
    if (!validationPath.empty()) {
        document["dataset"].erase("validation_fraction");
        document["dataset"]["validation_path"] = validationPath;
    }
    json &training = document["training"] = json::object();
    if (request.epochs)
        training["epochs"] = *request.epochs;
    if (request.batchSize)
        training["batch_size"] = *request.batchSize;
    if (request.seed)
        training["seed"] = *request.seed;
    if (!request.recipeOverrides.is_null())
        document.merge_patch(request.recipeOverrides);
    const bool lrGiven = document.contains("optimizer") && document["optimizer"].contains("lr");
    TrainingRecipe recipe;
    try {
        recipe = parseTrainingRecipe(document, "llmos_recipe");
    } catch (const Error &error) {
        throw ApiError(400, error.where() + ": " + error.detail(), "llmos_recipe", "invalid_recipe");
    }
    if (recipe.output.name != job.fineTunedModel)
        throw ApiError::invalid("llmos_recipe.output.name", "is set by the job (its suffix); leave it out");
    job.learningRateMultiplier = request.learningRateMultiplier.value_or(1.0);
    if (!lrGiven)
        recipe.optimizer.lr *= job.learningRateMultiplier;
    job.epochs = recipe.training.epochs;
    job.batchSize = recipe.training.batchSize;
    job.seed = recipe.training.seed;
    return recipe;
}

const char *fineTuningStatus(JobState state) noexcept
{
    switch (state) {
    case JobState::Queued: return "queued";
    case JobState::Running: return "running";
    case JobState::Paused:
    case JobState::Interrupted: return "paused";
    case JobState::Succeeded: return "succeeded";
    case JobState::Failed: return "failed";
    case JobState::Cancelled: return "cancelled";
    }
    return "queued";
}

json fineTuningJobObject(const FineTuningJob &job, const RunState &state, const std::vector<JobEvent> &events,
                         const std::string &dataFolder)
{
    const bool ended = state.state == JobState::Succeeded || state.state == JobState::Failed ||
                       state.state == JobState::Cancelled;
    std::optional<double> tokens;
    for (const auto &event : events)
        if (const auto *step = std::get_if<StepMetrics>(&event.payload))
            if (const auto seen = step->values.find("tokens_seen"); seen != step->values.end())
                tokens = seen->second;
    const json hyperparameters{{"n_epochs", job.epochs},
                               {"batch_size", job.batchSize},
                               {"learning_rate_multiplier", job.learningRateMultiplier}};
    json error = nullptr;
    if (state.state == JobState::Failed)
        error = {{"code", "training_failed"}, {"message", withoutFolder(state.reason, dataFolder)}, {"param", nullptr}};
    return {{"id", fineTuningJobId(job.runId)},
            {"object", "fine_tuning.job"},
            {"created_at", job.createdAt},
            {"finished_at", ended && state.finishedMs > 0 ? json(state.finishedMs / 1000) : json(nullptr)},
            {"model", job.model},
            {"fine_tuned_model", state.state == JobState::Succeeded ? json(job.fineTunedModel) : json(nullptr)},
            {"organization_id", "local"},
            {"status", fineTuningStatus(state.state)},
            {"hyperparameters", hyperparameters},
            {"method", {{"type", "supervised"}, {"supervised", {{"hyperparameters", hyperparameters}}}}},
            {"training_file", job.trainingFile},
            {"validation_file", job.validationFile.empty() ? json(nullptr) : json(job.validationFile)},
            {"result_files", json::array()},
            {"trained_tokens", state.state == JobState::Succeeded && tokens ? json(std::llround(*tokens)) : json(nullptr)},
            {"error", error},
            {"seed", job.seed},
            {"estimated_finish", nullptr},
            {"integrations", json::array()},
            {"user_provided_suffix", job.suffix.empty() ? json(nullptr) : json(job.suffix)},
            {"metadata", job.metadata}};
}

std::optional<json> fineTuningEventObject(const JobEvent &event, const std::string &dataFolder)
{
    json object{{"object", "fine_tuning.job.event"},
                {"id", fmt::format("ftevent-{}-{}", event.runId, event.sequence)},
                {"created_at", event.timeMs / 1000},
                {"level", "info"},
                {"type", "message"},
                {"data", json::object()}};
    if (const auto *change = std::get_if<JobStateChanged>(&event.payload)) {
        object["message"] = withoutFolder(stateMessage(*change), dataFolder);
        if (change->to == JobState::Failed)
            object["level"] = "error";
        else if (change->to == JobState::Interrupted)
            object["level"] = "warn";
    } else if (const auto *step = std::get_if<StepMetrics>(&event.payload)) {
        object["type"] = "metrics";
        object["data"] = metricsData(step->step, step->values, false);
        const auto loss = step->values.find("loss");
        object["message"] = loss == step->values.end()
                                ? fmt::format("Step {}", step->step)
                                : fmt::format("Step {}: training loss={:.4f}", step->step, loss->second);
    } else if (const auto *eval = std::get_if<EvalMetrics>(&event.payload)) {
        object["type"] = "metrics";
        object["data"] = metricsData(eval->step, eval->values, true);
        const auto loss = eval->values.find("eval_loss");
        object["message"] = loss == eval->values.end()
                                ? fmt::format("Step {}: evaluated", eval->step)
                                : fmt::format("Step {}: validation loss={:.4f}", eval->step, loss->second);
    } else if (const auto *line = std::get_if<LogLine>(&event.payload)) {
        if (const auto step = checkpointStepOf(*line))
            object["message"] = fmt::format("Checkpoint saved at step {}", *step);
        else
            object["message"] = withoutFolder(line->text, dataFolder);
        object["level"] = levelName(line->level);
    } else {
        return std::nullopt; // progress ticks: the metrics events say as much
    }
    return object;
}

json fineTuningCheckpointObjects(const FineTuningJob &job, const std::vector<JobEvent> &events,
                                 const std::vector<std::int64_t> &savedSteps)
{
    json data = json::array();
    for (auto step = savedSteps.rbegin(); step != savedSteps.rend(); ++step) {
        json metrics{{"step", *step}};
        std::int64_t createdAt = 0;
        for (const auto &event : events) {
            if (const auto *train = std::get_if<StepMetrics>(&event.payload); train && train->step <= *step) {
                if (const auto loss = train->values.find("loss"); loss != train->values.end())
                    metrics["train_loss"] = loss->second;
            } else if (const auto *eval = std::get_if<EvalMetrics>(&event.payload); eval && eval->step == *step) {
                if (const auto loss = eval->values.find("eval_loss"); loss != eval->values.end())
                    metrics["valid_loss"] = loss->second;
            } else if (const auto *line = std::get_if<LogLine>(&event.payload); line && checkpointStepOf(*line) == *step) {
                createdAt = event.timeMs / 1000;
            }
        }
        data.push_back({{"object", "fine_tuning.job.checkpoint"},
                        {"id", fmt::format("ftckpt-{}-{}", job.runId, *step)},
                        {"created_at", createdAt},
                        // A checkpoint resumes the job (POST .../resume); only the finished
                        // job's model is registered and served.
                        {"fine_tuned_model_checkpoint", fmt::format("{}:ckpt-step-{}", job.fineTunedModel, *step)},
                        {"step_number", *step},
                        {"metrics", metrics},
                        {"fine_tuning_job_id", fineTuningJobId(job.runId)}});
    }
    return data;
}

} // namespace llmos::serve
