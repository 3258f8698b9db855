// Training recipes as jobs (engine/services/trainingjobs): what a person running
// `llmos train` or pressing Start in the window relies on: the run trains, its events
// are kept, and the model or adapter it made is in the registry with its lineage.

#include "services/trainedoutput.h"
#include "services/trainingjobs.h"

#include "errorof.h"
#include "jobsfixture.h"
#include "trainingfixture.h"

#include "architectures/causallmloader.h"
#include "datasets/datasetfingerprint.h"
#include "jobs/jobscheduler.h"
#include "registry/modelregistry.h"
#include "tokenizer/loadtokenizer.h"
#include "util/error.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace llmos::test {
namespace {

class TrainingJobsTest : public ::testing::Test {
protected:
    TrainingJobsTest()
    {
        ModelRegistry registry(home());
        ImportOptions options;
        options.name = "tiny";
        baseId = registry.importModel(fixture.modelPath(), options).id;
    }

    std::string home() const { return fixture.dir().file("home"); }

    JobScheduler &scheduler()
    {
        if (!m_scheduler) {
            JobSchedulerOptions options;
            options.capacity = {"cpu", 8ull << 30, 4};
            m_scheduler = std::make_unique<JobScheduler>(RunStore(fixture.dir().file("home/runs")), options);
            m_subscription = m_scheduler->subscribe(std::ref(recorder));
        }
        return *m_scheduler;
    }

    TrainingJobs jobs() { return TrainingJobs(scheduler(), home(), 1); }

    // The causal recipe on the registered base, with a method.
    TrainingRecipe recipe(nlohmann::json method, std::string base = "tiny")
    {
        auto document = fixture.causalRecipe();
        document["model"]["path"] = base;
        document["method"] = std::move(method);
        return parseTrainingRecipe(document);
    }

    RunState finish(const std::string &id)
    {
        EXPECT_NE(scheduler().wait(id), JobState::Running);
        return scheduler().snapshot(id);
    }

    TrainingFixture fixture;
    std::string baseId;
    EventRecorder recorder;

private:
    std::unique_ptr<JobScheduler> m_scheduler;
    EventSubscription m_subscription;
};

TEST_F(TrainingJobsTest, LoraRunRegistersItsAdapterWithLineageToTheBaseTheRunAndTheData)
{
    const std::string id = jobs().submit(recipe({{"kind", "lora"}, {"rank", 4}}));
    const RunState state = finish(id);
    ASSERT_EQ(state.state, JobState::Succeeded) << state.reason;
    EXPECT_TRUE(state.finalMetrics.contains("eval_loss"));

    ModelRegistry registry(home());
    const auto lineage = registry.lineage(baseId);
    ASSERT_EQ(lineage.descendants.size(), 1u);
    const auto &edge = lineage.descendants.front();
    EXPECT_EQ(edge.kind, LineageKind::Lora);
    EXPECT_EQ(edge.runId, id) << "the registry's run is the run folder's";
    const auto adapter = registry.get(edge.toId);
    EXPECT_EQ(adapter.format, ModelFormat::Peft);
    EXPECT_EQ(adapter.origin, ModelOrigin::Adapter);
    EXPECT_EQ(adapter.name, "tiny-lora-" + id.substr(2, 6));

    const auto dataset = registry.findDataset(edge.datasetId);
    ASSERT_TRUE(dataset);
    EXPECT_EQ(dataset->sourcePath, fs::absolute(fixture.textPath()).lexically_normal().string());
    EXPECT_EQ(dataset->sha256, fingerprintDataset(fixture.textPath()).sha256);
    EXPECT_NE(registry.runMetrics(id).find("eval_loss"), std::string::npos);

    const auto card = registry.modelCard(adapter.id);
    ASSERT_TRUE(card);
    EXPECT_NE(card->find("base_model: \"tiny\""), std::string::npos);
    EXPECT_NE(card->find(id), std::string::npos);
    EXPECT_FALSE(fs::exists(fs::path(scheduler().store().runDirectory(id)) / "adapter"))
        << "the registry keeps the copy; the run folder keeps recipe, events and checkpoints";

    int steps = 0, evals = 0;
    for (const auto &e : scheduler().store().readEvents(id).events) {
        steps += std::holds_alternative<StepMetrics>(e.payload);
        evals += std::holds_alternative<EvalMetrics>(e.payload);
    }
    EXPECT_EQ(steps, 8);
    EXPECT_EQ(evals, 1);
}

TEST_F(TrainingJobsTest, FullFineTuneOfAFolderOutsideTheRegistryIsRegisteredAndLoads)
{
    auto r = recipe({{"kind", "full"}}, fixture.modelPath());
    r.output.name = "memorised";
    const RunState state = finish(jobs().submit(r));
    ASSERT_EQ(state.state, JobState::Succeeded) << state.reason;
    ModelRegistry registry(home());
    const auto model = registry.get("memorised");
    EXPECT_EQ(model.origin, ModelOrigin::FineTuned);
    EXPECT_TRUE(registry.lineage(model.id).ancestors.empty()) << "its base is not a registered model";
    const auto loaded = loadCausalLm(registry.resolve("memorised"));
    EXPECT_GT(loaded->config().vocabSize, 0);
    const auto tokenizer = loadTokenizer(registry.resolve("memorised")); // the base's, beside the weights
    EXPECT_EQ(tokenizer->decode(tokenizer->encode("fox", false)), "fox");
}

TEST_F(TrainingJobsTest, AnUnregisteredOutputWaitsInTheRunUntilItIsRegisteredUnderAnotherName)
{
    auto r = recipe({{"kind", "lora"}, {"rank", 4}});
    r.output.registerModel = false;
    const std::string id = jobs().submit(r);
    ASSERT_EQ(finish(id).state, JobState::Succeeded);
    const fs::path run = scheduler().store().runDirectory(id);
    ModelRegistry registry(home());
    EXPECT_TRUE(registry.lineage(baseId).descendants.empty()) << "nothing registered yet";
    EXPECT_TRUE(fs::exists(run / "adapter" / "adapter_model.safetensors"));
    EXPECT_TRUE(fs::exists(run / "adapter" / "README.md")) << "the card is written at the end of the run";

    RegistrationOverrides promoted;
    promoted.name = "promoted-adapter";
    promoted.descriptionSuffix = "; best trial";
    promoted.tags = {"sweep"};
    const auto model = registerTrainedOutput(registry, run, promoted);
    EXPECT_EQ(model.name, "promoted-adapter");
    EXPECT_EQ(model.origin, ModelOrigin::Adapter);
    EXPECT_NE(model.description.find("; best trial"), std::string::npos) << model.description;
    const auto lineage = registry.lineage(model.id);
    ASSERT_EQ(lineage.ancestors.size(), 1u);
    EXPECT_EQ(lineage.ancestors.front().runId, id);
    EXPECT_EQ(lineage.ancestors.front().fromId, baseId);
    EXPECT_FALSE(fs::exists(run / "adapter")) << "the registry holds the copy";
    // Again (a crash after registering): the same model, not a second one.
    EXPECT_EQ(registerTrainedOutput(registry, run, promoted).id, model.id);
    // A folder that is no finished run has nothing to register.
    const auto e = errorOf([&] { registerTrainedOutput(registry, fixture.dir().file("home")); });
    EXPECT_EQ(e.kind(), ErrorKind::NotFound) << e.what();
}

TEST_F(TrainingJobsTest, SubmitRefusesATakenNameAnUnknownModelMissingDataAndARunTooBigForTheDevice)
{
    auto taken = recipe({{"kind", "lora"}});
    taken.output.name = "tiny";
    EXPECT_THROW(jobs().submit(taken), Error);

    try {
        jobs().submit(recipe({{"kind", "lora"}}, "no-such-model"));
        FAIL() << "an unknown model was accepted";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::NotFound);
    }

    auto noData = recipe({{"kind", "lora"}});
    noData.dataset.path = fixture.dir().file("missing.txt");
    try {
        jobs().submit(noData);
        FAIL() << "missing data was accepted";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::NotFound);
        EXPECT_NE(std::string(e.what()).find("dataset.path"), std::string::npos);
    }

    JobSchedulerOptions tinyDevice; // 1 KiB
    tinyDevice.capacity = {"cpu", 1024, 4};
    JobScheduler small(RunStore(fixture.dir().file("small-runs")), tinyDevice);
    try {
        TrainingJobs(small, home(), 1).submit(recipe({{"kind", "full"}}));
        FAIL() << "a run bigger than the device was queued";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
        EXPECT_NE(std::string(e.what()).find("optimizer state"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(small.jobs().empty());
    EXPECT_TRUE(scheduler().jobs().empty());
}

TEST_F(TrainingJobsTest, PausedRunResumesToTheEndButRefusesDataThatChangedMeanwhile)
{
    // Pause as soon as step 2 is reported: the run stops at the next step boundary. The
    // runs are long (400 tiny steps, about a second) so that the pause, which the event
    // thread sends within microseconds, always finds them running.
    auto longRecipe = recipe({{"kind", "lora"}, {"rank", 2}});
    longRecipe.training.maxSteps = 400;
    auto pauseAtStep2 = scheduler().subscribe([this](const JobEvent &e) {
        if (const auto *s = std::get_if<StepMetrics>(&e.payload); s && s->step == 2)
            scheduler().pause(e.runId);
    });
    const std::string kept = jobs().submit(longRecipe);
    ASSERT_EQ(finish(kept).state, JobState::Paused);
    const std::string changed = jobs().submit(longRecipe);
    ASSERT_EQ(finish(changed).state, JobState::Paused);
    pauseAtStep2.close();
    EXPECT_FALSE(scheduler().store().checkpoints(kept).empty()) << "a pause writes a checkpoint";

    // The same data: the run goes on to the end from its checkpoint.
    jobs().resume(kept);
    const RunState resumed = finish(kept);
    EXPECT_EQ(resumed.state, JobState::Succeeded) << resumed.reason;
    std::int64_t lastStep = 0;
    for (const auto &e : scheduler().store().readEvents(kept).events)
        if (const auto *s = std::get_if<StepMetrics>(&e.payload))
            lastStep = s->step;
    EXPECT_EQ(lastStep, 400);

    // The other run's data changes on disk before it resumes: refused, saying so.
    std::ofstream(fixture.textPath(), std::ios::app) << "one more line that was not there\n";
    jobs().resume(changed);
    const RunState refused = finish(changed);
    EXPECT_EQ(refused.state, JobState::Failed);
    EXPECT_NE(refused.reason.find("changed on disk"), std::string::npos) << refused.reason;
}

TEST_F(TrainingJobsTest, RetryStartsOverOrContinuesFromTheLastCheckpointOfAnEndedRun)
{
    auto r = recipe({{"kind", "lora"}, {"rank", 2}});
    r.training.maxSteps = 12;
    r.training.checkpointEvery = 0; // only the pause writes one
    auto pauseAtStep3 = scheduler().subscribe([this](const JobEvent &e) {
        if (const auto *s = std::get_if<StepMetrics>(&e.payload); s && s->step == 3)
            scheduler().pause(e.runId);
    });
    const std::string first = jobs().submit(r);
    ASSERT_EQ(finish(first).state, JobState::Paused);
    pauseAtStep3.close();
    scheduler().cancel(first);
    ASSERT_EQ(scheduler().state(first), JobState::Cancelled);
    std::int64_t firstSteps = 0;
    double tokensAtCheckpoint = 0;
    for (const auto &e : scheduler().store().readEvents(first).events)
        if (const auto *s = std::get_if<StepMetrics>(&e.payload)) {
            firstSteps = s->step;
            tokensAtCheckpoint = s->values.at("tokens_seen");
        }
    ASSERT_GE(firstSteps, 3);

    auto stepsOf = [this](const std::string &id) {
        std::vector<std::pair<std::int64_t, double>> steps;
        for (const auto &e : scheduler().store().readEvents(id).events)
            if (const auto *s = std::get_if<StepMetrics>(&e.payload))
                steps.emplace_back(s->step, s->values.at("tokens_seen"));
        return steps;
    };
    const std::string continued = jobs().retry(first, TrainingJobs::RetryFrom::LastCheckpoint);
    const RunState continuedState = finish(continued);
    EXPECT_EQ(continuedState.state, JobState::Succeeded) << continuedState.reason;
    const auto continuedSteps = stepsOf(continued);
    ASSERT_FALSE(continuedSteps.empty());
    EXPECT_EQ(continuedSteps.front().first, firstSteps + 1) << "continues after the checkpoint's step";
    EXPECT_GT(continuedSteps.front().second, tokensAtCheckpoint) << "tokens seen continue from the checkpoint";
    EXPECT_EQ(continuedSteps.back().first, 12);

    // From the start: a fresh run of the same recipe.
    const std::string fresh = jobs().retry(first, TrainingJobs::RetryFrom::Start);
    EXPECT_EQ(finish(fresh).state, JobState::Succeeded);
    const auto freshSteps = stepsOf(fresh);
    ASSERT_EQ(freshSteps.size(), 12u);
    EXPECT_EQ(freshSteps.front().first, 1);
    EXPECT_EQ(freshSteps.back().second, continuedSteps.back().second) << "the same data, the same tokens";

    // A run that never saved a checkpoint cannot continue from one; it says so.
    const auto e = errorOf([&] { jobs().retry(fresh, TrainingJobs::RetryFrom::LastCheckpoint); });
    EXPECT_EQ(e.kind(), ErrorKind::NotFound);
    EXPECT_NE(e.detail().find("no complete checkpoint"), std::string::npos) << e.detail();
}

} // namespace
} // namespace llmos::test
