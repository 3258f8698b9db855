#pragma once

#include "recipe/trainingrecipe.h"

#include <string>

namespace llmos {

class JobScheduler;

// Training recipes as jobs: the one place the CLI (`llmos train`, `llmos runs resume`),
// the window and the server start and resume training, so each gets the same checks,
// events and registration.
//
// A run's job body, on the scheduler's worker thread:
//  1. resolves recipe.model.path (a folder or file, else a registered model's id or name),
//  2. fingerprints the dataset at the first start (runs/<id>/provenance.json) and, on a
//     resume, refuses data that changed since (size or SHA-256),
//  3. trains (Trainer), turning its steps, evaluations, log lines and checkpoints into
//     the job's persisted events and answering pause and cancel between steps,
//  4. on success registers the model or adapter it made, with a model card, the dataset
//     (by content) and a lineage edge from the base model naming the run and the data;
//     the run's row in the registry gets its final metrics.
class TrainingJobs {
public:
    // registryHome: the registry's folder (normally dataDirectory()). threads: the
    // libtorch intra-op threads a run uses.
    TrainingJobs(JobScheduler &scheduler, std::string registryHome, int threads);

    // Checks what can be checked at once (the model resolves, the data is there, the
    // output name is free, the memory estimate fits the device) and queues the run.
    // Returns its id. Throws Error: NotFound (model, data), InvalidInput (name taken,
    // too big for the device; the estimate is in the message).
    std::string submit(const TrainingRecipe &recipe, int priority = 0);

    // A paused or interrupted training run, from this process or from disk (after a
    // crash or a restart). It continues from its newest complete checkpoint.
    void resume(const std::string &runId);

    // A new run of an ended (or any) training run's recipe: from the start, or from the
    // run's newest complete checkpoint (copied into the new run, which continues from that
    // step; the recipe must be the same for the checkpoint to be taken). Returns the new
    // run's id. Throws Error(NotFound) when there is no such run or, for LastCheckpoint,
    // no complete checkpoint; and what submit() throws.
    enum class RetryFrom { Start, LastCheckpoint };
    std::string retry(const std::string &runId, RetryFrom from);

    static constexpr const char *kJobKind = "train";
    // The data folder it registers into (and sweeps live in).
    const std::string &home() const noexcept { return m_registryHome; }

private:
    std::string submitWithSeed(const TrainingRecipe &recipe, int priority, const std::string &seedCheckpoint);

    JobScheduler &m_scheduler;
    std::string m_registryHome;
    int m_threads;
};

} // namespace llmos
