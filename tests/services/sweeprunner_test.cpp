// Hyperparameter sweeps run as training jobs (engine/services/sweeprunner, sweepcatalog):
// what a person running `llmos sweep` relies on: every trial is a run, weak trials are
// stopped at the rungs, a stopped or crashed sweep resumes without training a finished
// trial again, and "promote best" registers the best trial's model with its lineage.

#include "services/sweepcatalog.h"
#include "services/sweeprunner.h"
#include "services/trainingjobs.h"

#include "errorof.h"
#include "jobsfixture.h"
#include "trainingfixture.h"

#include "jobs/jobscheduler.h"
#include "registry/modelregistry.h"
#include "sweep/sweepfile.h"
#include "sweep/sweepfolder.h"
#include "util/error.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace llmos::test {
namespace {

class SweepRunnerTest : public ::testing::Test {
protected:
    SweepRunnerTest()
    {
        ModelRegistry registry(home());
        ImportOptions options;
        options.name = "tiny";
        baseId = registry.importModel(fixture.modelPath(), options).id;
    }

    std::string home() const { return fixture.dir().file("home"); }

    // A sweep over the learning rate of the tiny causal recipe (8 steps, evaluated every
    // 2), with `strategy` and `pruner` sections.
    SweepSpec spec(const nlohmann::json &space, const nlohmann::json &strategy, const nlohmann::json &pruner = nullptr,
                   std::int64_t maxTrials = 0)
    {
        auto recipe = fixture.causalRecipe();
        recipe["model"]["path"] = "tiny";
        recipe["training"]["eval_every"] = 2;
        nlohmann::ordered_json document = {{"version", 1},
                                           {"name", "lr-search"},
                                           {"recipe", recipe},
                                           {"space", space},
                                           {"strategy", strategy},
                                           {"objective", {{"metric", "eval_loss"}}}};
        if (!pruner.is_null())
            document["pruner"] = pruner;
        if (maxTrials > 0)
            document["budget"] = {{"max_trials", maxTrials}};
        return parseSweepDocument(document, "sweep.json", fixture.dir().path());
    }

    struct Session {
        std::vector<nlohmann::json> events;
        SweepOutcome outcome = SweepOutcome::Finished;

        std::vector<nlohmann::json> of(const std::string &kind) const
        {
            std::vector<nlohmann::json> found;
            for (const auto &e : events)
                if (e.value("event", "") == kind)
                    found.push_back(e);
            return found;
        }
    };

    // Runs sweep `id` in a scheduler of its own (a fresh one per session, as a new process
    // would have); stopAfterStarts > 0 asks it to stop once that many trials started.
    Session run(const std::string &id, int stopAfterStarts = 0)
    {
        JobSchedulerOptions options;
        options.capacity = {"cpu", 8ull << 30, 4};
        JobScheduler scheduler(RunStore(home() + "/runs"), options);
        TrainingJobs training(scheduler, home(), 1);
        SweepRunner runner(scheduler, training, home());
        Session session;
        int started = 0;
        SweepRunOptions runOptions;
        runOptions.onEvent = [&](const nlohmann::json &event) {
            session.events.push_back(event);
            started += event.value("event", "") == "trial_started";
        };
        runOptions.stopRequested = [&] { return stopAfterStarts > 0 && started >= stopAfterStarts; };
        session.outcome = runner.run(id, runOptions);
        return session;
    }

    std::string create(const SweepSpec &s)
    {
        return fs::path(createSweepFolder(home(), s)).filename().string();
    }

    std::string journal(const std::string &id)
    {
        std::ifstream in(sweepFolderPath(home(), id) + "/journal.jsonl");
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }

    TrainingFixture fixture;
    std::string baseId;
};

TEST_F(SweepRunnerTest, GridRunsEveryTrialKeepsTheirModelsOutOfTheRegistryAndPromotesTheBest)
{
    const auto id = create(spec({{"optimizer.lr", {1e-4, 3e-2}}}, {{"kind", "grid"}}));
    const auto session = run(id);
    EXPECT_EQ(session.outcome, SweepOutcome::Finished);
    const auto finished = session.of("trial_finished");
    ASSERT_EQ(finished.size(), 2u);
    for (const auto &f : finished)
        EXPECT_EQ(f.at("state"), "succeeded") << f.dump();

    ModelRegistry registry(home());
    EXPECT_TRUE(registry.lineage(baseId).descendants.empty()) << "trials are not registered until promoted";

    const auto report = readSweep(home(), id);
    EXPECT_EQ(report.summary.status, "finished");
    EXPECT_EQ(report.summary.succeeded, 2);
    ASSERT_EQ(report.leaderboard.size(), 2u);
    ASSERT_TRUE(report.leaderboard[0].objective && report.leaderboard[1].objective);
    EXPECT_LE(*report.leaderboard[0].objective, *report.leaderboard[1].objective) << "eval_loss: lowest first";
    // lr 1e-4 barely moves the weights in 8 steps; 3e-2 memorises the text.
    EXPECT_EQ(report.leaderboard[0].parameters.at("optimizer.lr"), 3e-2);

    const auto model = promoteBestTrial(registry, home(), id);
    EXPECT_EQ(model.name, "lr-search-best");
    const auto ancestors = registry.lineage(model.id).ancestors;
    ASSERT_EQ(ancestors.size(), 1u);
    EXPECT_EQ(ancestors[0].fromId, baseId);
    EXPECT_EQ(ancestors[0].runId, report.leaderboard[0].runId) << "the lineage names the best trial's run";
    EXPECT_NE(model.description.find(id), std::string::npos) << model.description;
    const auto again = errorOf([&] { promoteBestTrial(registry, home(), id, "tiny"); });
    EXPECT_EQ(again.kind(), ErrorKind::InvalidInput) << "a taken name is refused";
}

TEST_F(SweepRunnerTest, AshaStopsWeakTrialsAtTheRungsAndCancelsTheirRuns)
{
    // Rungs at steps 2 and 4 (min 2, max 8, eta 2). Random learning rates over four
    // decades: the slow ones cannot keep up at the rungs.
    const auto id = create(spec({{"optimizer.lr", {{"log_uniform", {1e-5, 3e-2}}}}}, {{"kind", "random"}, {"seed", 4}},
                                {{"kind", "asha"}, {"min_steps", 2}, {"max_steps", 8}, {"reduction_factor", 2}}, 6));
    const auto session = run(id);
    const auto pruned = session.of("trial_pruned");
    ASSERT_FALSE(pruned.empty()) << journal(id);
    for (const auto &p : pruned) {
        const auto step = p.at("step").get<std::int64_t>();
        EXPECT_TRUE(step == 2 || step == 4) << "pruned between rungs: " << p.dump();
        EXPECT_NE(p.at("reason").get<std::string>().find("step"), std::string::npos) << p.dump();
    }
    const auto report = readSweep(home(), id);
    EXPECT_EQ(report.summary.trials, 6);
    EXPECT_EQ(report.summary.pruned, static_cast<int>(pruned.size()));
    EXPECT_EQ(report.summary.succeeded + report.summary.pruned, 6);
    for (const auto &row : report.leaderboard)
        if (row.state == TrialState::Pruned)
            EXPECT_EQ(RunStore(home() + "/runs").readState(row.runId).state, JobState::Cancelled)
                << "a pruned trial's run stops";
}

TEST_F(SweepRunnerTest, AStoppedSweepResumesItsPausedTrialAndRunsNoFinishedTrialAgain)
{
    const auto id = create(spec({{"optimizer.lr", {1e-3, 3e-3, 1e-2}}}, {{"kind", "grid"}}));
    const auto first = run(id, /*stopAfterStarts=*/2);
    EXPECT_EQ(first.outcome, SweepOutcome::Stopped);
    EXPECT_EQ(readSweep(home(), id).summary.status, "stopped");
    const auto startedBefore = first.of("trial_started");
    ASSERT_EQ(startedBefore.size(), 2u);
    const std::string pausedRun = startedBefore[1].at("run_id");
    EXPECT_EQ(RunStore(home() + "/runs").readState(pausedRun).state, JobState::Paused);

    const auto second = run(id);
    EXPECT_EQ(second.outcome, SweepOutcome::Finished);
    const auto startedAfter = second.of("trial_started");
    ASSERT_EQ(startedAfter.size(), 1u) << "only the third configuration is new";
    EXPECT_EQ(startedAfter[0].at("trial"), 2);
    const auto report = readSweep(home(), id);
    EXPECT_EQ(report.summary.succeeded, 3);
    std::set<std::string> runs;
    for (const auto &row : report.leaderboard)
        runs.insert(row.runId);
    EXPECT_TRUE(runs.contains(pausedRun)) << "the paused trial's run was resumed, not started anew";
}

TEST_F(SweepRunnerTest, ACrashAfterATrialEndedButBeforeTheJournalSaidSoIsRecordedNotRerun)
{
    const auto id = create(spec({{"optimizer.lr", {1e-3, 1e-2}}}, {{"kind", "grid"}}));
    run(id);
    // The process died after trial 1's run succeeded, before its line reached the journal.
    const auto folder = sweepFolderPath(home(), id);
    auto text = journal(id);
    const auto lastLine = text.rfind("{\"event\":\"finished\"");
    ASSERT_NE(lastLine, std::string::npos);
    text.resize(lastLine);
    std::ofstream(folder + "/journal.jsonl", std::ios::trunc) << text;
    std::ofstream(folder + "/status.json", std::ios::trunc) << R"({"status": "running"})";
    const auto runsBefore = std::distance(fs::directory_iterator(home() + "/runs"), fs::directory_iterator());

    const auto session = run(id);
    EXPECT_TRUE(session.of("trial_started").empty()) << "nothing to start again";
    ASSERT_EQ(session.of("trial_finished").size(), 1u);
    EXPECT_EQ(session.of("trial_finished")[0].at("state"), "succeeded");
    EXPECT_EQ(std::distance(fs::directory_iterator(home() + "/runs"), fs::directory_iterator()), runsBefore);
    EXPECT_EQ(readSweep(home(), id).summary.succeeded, 2);
}

TEST_F(SweepRunnerTest, AnUnknownSweepAndATrialTheRecipeRefusesAreReportedPlainly)
{
    JobSchedulerOptions options;
    options.capacity = {"cpu", 8ull << 30, 4};
    JobScheduler scheduler(RunStore(home() + "/runs"), options);
    TrainingJobs training(scheduler, home(), 1);
    SweepRunner runner(scheduler, training, home());
    EXPECT_EQ(errorOf([&] { runner.run("s-doesnotexist"); }).kind(), ErrorKind::NotFound);
    EXPECT_EQ(errorOf([&] { readSweep(home(), "../etc"); }).kind(), ErrorKind::InvalidInput);

    // A rank the LoRA method refuses fails that trial with the method's reason; the sweep
    // goes on with the next one.
    const auto id = create(spec({{"method", {{{"kind", "lora"}, {"rank", 0}}, {{"kind", "lora"}, {"rank", 2}}}}},
                                {{"kind", "grid"}}));
    const auto session = run(id);
    const auto finished = session.of("trial_finished");
    ASSERT_EQ(finished.size(), 2u);
    EXPECT_EQ(finished[0].at("state"), "failed");
    EXPECT_NE(finished[0].at("reason").get<std::string>().find("rank"), std::string::npos) << finished[0].dump();
    EXPECT_EQ(finished[1].at("state"), "succeeded");
}

} // namespace
} // namespace llmos::test
