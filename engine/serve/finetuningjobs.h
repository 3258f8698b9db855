#pragma once

#include "jobs/eventbus.h"
#include "serve/openaifinetuning.h"
#include "serve/uploadedfiles.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace llmos {
class JobScheduler;
class TrainingJobs;
} // namespace llmos

namespace llmos::serve {

class ModelPool;
struct RegistryAccess;

// OpenAI-style fine-tuning jobs as training runs of the server's scheduler: each job is a
// run (kind "train") with its job description beside its recipe (kJobFile), so it shows on
// the window's Jobs page and in /api/jobs too. When a job succeeds, the model it registered
// is deployed on the server under its name, as OpenAI's fine-tuned models are usable at once.
class FineTuningJobs {
public:
    FineTuningJobs(UploadedFiles &files, JobScheduler &scheduler, TrainingJobs &training, RegistryAccess &registry,
                   ModelPool &models);

    // Checks the model (registered, a causal language model) and the files (uploaded, for
    // fine-tuning), maps the request onto a recipe and queues it. ApiError 404 for an
    // unknown model or file, 400 for what cannot train.
    FineTuningJob create(const FineTuningRequest &request);

    // The jobs of this data folder, newest first, each with its run's state.
    std::vector<std::pair<FineTuningJob, RunState>> list() const;
    // One job by its id ("ftjob-..."); ApiError 404 for an id that names none.
    std::pair<FineTuningJob, RunState> find(std::string_view jobId) const;
    std::vector<JobEvent> events(const std::string &runId) const;
    // Steps of the complete checkpoints the run holds now, oldest first.
    std::vector<std::int64_t> checkpointSteps(const std::string &runId) const;

    // State changes of a job's run; Error(InvalidInput) when its state does not allow one.
    void cancel(const std::string &runId);
    void pause(const std::string &runId);
    void resume(const std::string &runId); // from its newest complete checkpoint

    // Whether a job that has not ended trains on the file (it must not be deleted).
    bool fileInUse(std::string_view fileId) const;

    // The data folder's path, cut out of every message that leaves the server.
    const std::string &dataFolder() const noexcept;

    // The training file's rows, as the job will read them: ApiError 400 listing the first
    // bad rows (line and reason), or saying that there is no example.
    static void checkChatFile(const std::filesystem::path &path);

private:
    std::optional<FineTuningJob> readJob(const std::string &runId) const;
    void deployTrainedModel(const std::string &runId);

    UploadedFiles &m_files;
    JobScheduler &m_scheduler;
    TrainingJobs &m_training;
    RegistryAccess &m_registry;
    ModelPool &m_models;
    EventSubscription m_subscription; // deploys what succeeded jobs registered
};

} // namespace llmos::serve
