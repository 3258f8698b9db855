#pragma once

#include "jobs/jobevent.h"
#include "jobs/runstate.h"
#include "recipe/trainingrecipe.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace llmos::serve {

// OpenAI's fine-tuning API mapped onto training recipes (docs/api.md, "Fine-tuning").
// Plain functions over values, so the mapping is tested without a server.

// What a POST /v1/fine_tuning/jobs body asks for. Read strictly: an unknown field, a
// value of the wrong type or out of range is a 400 naming it.
struct FineTuningRequest {
    std::string model;          // a registered model's name or id
    std::string trainingFile;   // an uploaded file's id
    std::string validationFile; // empty: none
    std::optional<std::int64_t> epochs;    // n_epochs; nullopt: "auto"
    std::optional<std::int64_t> batchSize; // nullopt: "auto"
    std::optional<double> learningRateMultiplier;
    std::string suffix;
    std::optional<std::uint64_t> seed;
    nlohmann::json metadata;        // null, or an object of up to 16 strings
    nlohmann::json recipeOverrides; // "llmos_recipe": recipe sections merged over the mapping
};
FineTuningRequest parseFineTuningRequest(const nlohmann::json &body);

// A fine-tuning job as its OpenAI-style routes describe it; kept in the run's folder
// (kJobFile) beside the recipe, which says the rest.
struct FineTuningJob {
    std::string runId;
    std::string model; // as the request named it
    std::string trainingFile;
    std::string validationFile;
    std::string fineTunedModel; // the name the trained model is registered (and served) under
    std::string suffix;
    std::int64_t epochs = 0;
    std::int64_t batchSize = 0;
    double learningRateMultiplier = 1;
    std::uint64_t seed = 0;
    nlohmann::json metadata;
    std::int64_t createdAt = 0; // seconds since 1970
};
inline constexpr const char *kJobFile = "fine_tuning.json";
nlohmann::json toJson(const FineTuningJob &job);
// Error(Format) naming the field, for a damaged file.
FineTuningJob fineTuningJobFromJson(const nlohmann::json &json);

// "ftjob-" + the run's id, and back (nullopt when the text is not a job id).
std::string fineTuningJobId(const std::string &runId);
std::optional<std::string> runIdOfFineTuningJob(std::string_view jobId);

// The name a fine-tune registers its model under: "ft:<base>[:<suffix>]:<token>", as
// OpenAI names them; the token keeps names apart.
std::string fineTunedModelName(const std::string &baseName, const std::string &suffix, const std::string &token);

// The recipe for a request: the chat data (dataset kind "openai") of the uploaded files,
// LoRA of rank 8 merged into a whole model (fast on a CPU, and served like any model),
// the epochs, batch size and seed asked for, the method's default learning rate times the
// multiplier, then the request's llmos_recipe sections merged over all of it. `job` gets
// the resolved hyperparameters. Throws ApiError(400) for a recipe that does not parse,
// naming the field.
TrainingRecipe fineTuningRecipe(const FineTuningRequest &request, const std::string &modelReference,
                                const std::string &trainingPath, const std::string &validationPath,
                                FineTuningJob &job);

// What the routes answer. `events` are the run's events in order; `dataFolder` is cut out
// of every message (no local paths leave the server).
nlohmann::json fineTuningJobObject(const FineTuningJob &job, const RunState &state, const std::vector<JobEvent> &events,
                                   const std::string &dataFolder);
// OpenAI's fine_tuning.job.event for one run event; nullopt for progress ticks.
std::optional<nlohmann::json> fineTuningEventObject(const JobEvent &event, const std::string &dataFolder);
// One fine_tuning.job.checkpoint per step in `savedSteps`, newest first, with the
// training metrics of that step and the evaluation metrics when there was one.
nlohmann::json fineTuningCheckpointObjects(const FineTuningJob &job, const std::vector<JobEvent> &events,
                                           const std::vector<std::int64_t> &savedSteps);

// OpenAI's job status for a run's state.
const char *fineTuningStatus(JobState state) noexcept;

} // namespace llmos::serve
