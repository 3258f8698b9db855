#include "services/trainingjobs.h"

#include "services/trainedoutput.h"
#include "services/trainingprovenance.h"

#include "jobs/jobscheduler.h"
#include "registry/modelreference.h"
#include "registry/modelregistry.h"
#include "training/checkpointstore.h"
#include "training/memoryestimate.h"
#include "training/trainer.h"
#include "util/error.h"

#include <ATen/Parallel.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>

namespace fs = std::filesystem;

namespace llmos {

namespace {

std::string absolutePath(const std::string &path)
{
    std::error_code ec;
    const auto absolute = fs::absolute(path, ec);
    return ec ? path : absolute.lexically_normal().string();
}

std::string gib(std::uint64_t bytes)
{
    return fmt::format("{:.2f} GiB", static_cast<double>(bytes) / double(1ull << 30));
}

std::string estimateText(const TrainingMemoryEstimate &e)
{
    return fmt::format("weights {}, gradients {}, optimizer state {}, activations {}", gib(e.weights),
                       gib(e.gradients), gib(e.optimizerState), gib(e.activations));
}

// The job body of one training run, on a worker thread. Everything it needs comes from
// the run folder, so a run resumed by another process after a crash is the same run.
class TrainingRunBody {
public:
    // seedCheckpoint: a checkpoint folder of an earlier run of the same recipe, copied into
    // this run's checkpoints at its first start so that it continues from there.
    explicit TrainingRunBody(std::string registryHome, std::string seedCheckpoint = {})
        : m_registryHome(std::move(registryHome)), m_seedCheckpoint(std::move(seedCheckpoint))
    {
    }

    JobOutcome operator()(JobContext &context) const
    {
        at::set_num_threads(context.threads());
        const std::string runId = context.runId();
        if (!context.resuming() && !m_seedCheckpoint.empty())
            seedCheckpoint(context);
        auto recipe = parseTrainingRecipe(context.recipe(), "recipe.json of run " + runId);
        ModelRegistry registry(m_registryHome);
        const auto provenance = establishProvenance(context, registry, recipe);
        registry.recordRun(runId, TrainingJobs::kJobKind, context.recipe().dump(), "running");
        recipe.modelPath = provenance.modelPath;
        recipe.dataset.path = provenance.datasetPath;

        TrainingResult result;
        try {
            Trainer trainer(recipe, trainerOptions(context, recipe));
            result = trainer.run();
        } catch (...) {
            registry.setRunStatus(runId, "failed");
            throw;
        }
        if (result.outcome == TrainingOutcome::Paused) {
            registry.setRunStatus(runId, "paused");
            return JobOutcome::Paused;
        }
        if (result.outcome == TrainingOutcome::Cancelled) {
            registry.setRunStatus(runId, "cancelled");
            return JobOutcome::Cancelled;
        }
        try {
            prepareTrainedOutput(recipe, provenance, result, context.runDirectory());
            if (recipe.output.registerModel)
                registerTrainedOutput(registry, context.runDirectory(), {},
                                      [&context](const std::string &line) { context.log(LogLevel::Info, line); });
            else
                context.log(LogLevel::Info, "kept " + result.output.string() + " unregistered (output.register is false)");
        } catch (...) {
            registry.setRunStatus(runId, "failed");
            throw;
        }
        context.setFinalMetrics(result.finalMetrics);
        registry.setRunMetrics(runId, nlohmann::json(result.finalMetrics).dump());
        registry.setRunStatus(runId, "succeeded");
        return JobOutcome::Succeeded;
    }

private:
    void seedCheckpoint(JobContext &context) const
    {
        const fs::path target = fs::path(context.checkpointDirectory()) / fs::path(m_seedCheckpoint).filename();
        context.log(LogLevel::Info, "starting from checkpoint " + m_seedCheckpoint);
        std::error_code ec;
        fs::create_directories(target.parent_path(), ec);
        if (!ec)
            fs::copy(m_seedCheckpoint, target, fs::copy_options::recursive | fs::copy_options::overwrite_existing, ec);
        if (ec)
            throw Error(ErrorKind::Io, target.string(), "could not copy the checkpoint to retry from: " + ec.message());
    }

    // First start: resolve the model and fingerprint the data, and keep both. A resume:
    // the same model, and the data must not have changed since.
    static TrainingProvenance establishProvenance(JobContext &context, ModelRegistry &registry,
                                                  const TrainingRecipe &recipe)
    {
        const std::string runDirectory = context.runDirectory();
        if (auto kept = readTrainingProvenance(runDirectory)) {
            context.log(LogLevel::Info, "checking that the dataset did not change since the run started");
            checkDatasetUnchanged(kept->datasetPath, kept->dataset);
            if (!kept->baseModelId.empty())
                kept->modelPath = registry.resolve(kept->baseModelId); // its folder may have been re-made
            return *kept;
        }
        const auto base = resolveModelReference(registry, recipe.modelPath);
        TrainingProvenance p;
        p.modelPath = base.path;
        p.baseModelId = base.modelId;
        p.baseModelName = base.name;
        p.datasetPath = absolutePath(recipe.dataset.path);
        context.log(LogLevel::Info, "fingerprinting the dataset " + p.datasetPath);
        p.dataset = fingerprintDataset(p.datasetPath);
        writeTrainingProvenance(runDirectory, p);
        return p;
    }

    static TrainerOptions trainerOptions(JobContext &context, const TrainingRecipe &recipe)
    {
        TrainerOptions options;
        options.runDirectory = context.runDirectory();
        options.resume = true; // a first start has no checkpoint of this recipe to resume
        // Fractional epochs from the step count when the run is sized by epochs; else the
        // epoch the trainer reports for steps, and none for evaluations.
        const std::int64_t epochs = recipe.training.maxSteps > 0 ? 0 : recipe.training.epochs;
        auto epochAt = [epochs](std::int64_t step, std::int64_t totalSteps, double fallback) {
            return epochs > 0 && totalSteps > 0
                       ? static_cast<double>(epochs) * static_cast<double>(step) / static_cast<double>(totalSteps)
                       : fallback;
        };
        auto totalSteps = std::make_shared<std::int64_t>(0);
        auto &callbacks = options.callbacks;
        callbacks.onStep = [&context, epochAt, totalSteps](const TrainingStepEvent &e) {
            *totalSteps = e.totalSteps;
            context.reportStep(e.step, epochAt(e.step, e.totalSteps, static_cast<double>(e.epoch)),
                               {{"loss", e.loss},
                                {"lr", e.learningRate},
                                {"grad_norm", e.gradNorm},
                                {"tokens_per_s", e.tokensPerSecond},
                                {"tokens_seen", static_cast<double>(e.tokensSeen)}});
            context.progress(e.step, e.totalSteps);
        };
        callbacks.onEvaluation = [&context, epochAt, totalSteps](const EvaluationEvent &e) {
            context.reportEval(e.step, epochAt(e.step, *totalSteps, 0),
                               MetricValues(e.metrics.begin(), e.metrics.end()));
            if (!e.confusion.empty())
                context.log(LogLevel::Info, "confusion matrix at step " + std::to_string(e.step) + " (rows: actual, columns: predicted): "
                                                + nlohmann::json{{"labels", e.labelNames}, {"counts", e.confusion}}.dump());
        };
        callbacks.onLog = [&context](const std::string &line) { context.log(LogLevel::Info, line); };
        callbacks.onCheckpoint = [&context](std::int64_t step, const std::string &folder) {
            context.checkpointSaved(step, folder);
        };
        callbacks.stopCheck = [&context] { return context.checkpoint(); };
        return options;
    }

    std::string m_registryHome;
    std::string m_seedCheckpoint;
};

} // namespace

TrainingJobs::TrainingJobs(JobScheduler &scheduler, std::string registryHome, int threads)
    : m_scheduler(scheduler), m_registryHome(std::move(registryHome)), m_threads(threads)
{
}

std::string TrainingJobs::submit(const TrainingRecipe &input, int priority)
{
    return submitWithSeed(input, priority, {});
}

std::string TrainingJobs::retry(const std::string &runId, RetryFrom from)
{
    const RunStore &store = m_scheduler.store();
    const RunState state = store.readState(runId);
    if (state.kind != kJobKind)
        throw Error(ErrorKind::InvalidInput, "run " + runId, "is a " + state.kind + " run, not a training run");
    const auto recipe = parseTrainingRecipe(store.readRecipe(runId), "recipe.json of run " + runId);
    std::string seed;
    if (from == RetryFrom::LastCheckpoint) {
        const CheckpointStore checkpoints(store.runDirectory(runId));
        const auto steps = checkpoints.completeSteps();
        if (steps.empty())
            throw Error(ErrorKind::NotFound, "run " + runId, "has no complete checkpoint to continue from; retry it from the start");
        seed = (checkpoints.folder() / CheckpointStore::folderName(steps.back())).string();
    }
    return submitWithSeed(recipe, state.priority, seed);
}

std::string TrainingJobs::submitWithSeed(const TrainingRecipe &input, int priority, const std::string &seedCheckpoint)
{
    TrainingRecipe recipe = input;
    ModelRegistry registry(m_registryHome);
    const auto base = resolveModelReference(registry, recipe.modelPath);
    if (base.modelId.empty())
        recipe.modelPath = base.path; // a relative path means the caller's folder, not the worker's
    recipe.dataset.path = absolutePath(recipe.dataset.path);
    std::error_code ec;
    if (!fs::exists(recipe.dataset.path, ec))
        throw Error(ErrorKind::NotFound, "recipe: dataset.path", recipe.dataset.path + " does not exist");
    if (!recipe.output.name.empty() && registry.find(recipe.output.name))
        throw Error(ErrorKind::InvalidInput, "recipe: output.name",
                    "a model named \"" + recipe.output.name + "\" is registered already; choose another name");

    TrainingRecipe sized = recipe;
    sized.modelPath = base.path;
    const auto estimate = estimateTrainingMemory(sized);

    JobSpec spec;
    spec.name = !recipe.output.name.empty()
                    ? recipe.output.name
                    : recipe.methodKind() + " on " + base.name + " with " + fs::path(recipe.dataset.path).filename().string();
    spec.kind = kJobKind;
    spec.priority = priority;
    spec.memoryEstimateBytes = estimate.total();
    spec.threads = std::min(m_threads, std::max(1, m_scheduler.capacity().threads));
    spec.recipe = toJson(recipe);
    spec.body = TrainingRunBody(m_registryHome, seedCheckpoint);
    try {
        return m_scheduler.submit(std::move(spec));
    } catch (const Error &e) {
        if (e.kind() != ErrorKind::InvalidInput)
            throw;
        throw Error(e.kind(), e.where(), e.detail() + " (estimate: " + estimateText(estimate) + ")");
    }
}

void TrainingJobs::resume(const std::string &runId)
{
    const auto state = m_scheduler.store().exists(runId) ? m_scheduler.store().readState(runId) : m_scheduler.snapshot(runId);
    if (state.kind != kJobKind)
        throw Error(ErrorKind::InvalidInput, "run " + runId, "is a " + state.kind + " run, not a training run");
    m_scheduler.resume(runId, TrainingRunBody(m_registryHome));
}

} // namespace llmos
