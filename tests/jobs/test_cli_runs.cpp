// llmos runs list|show|export-metrics from a terminal, on run folders written with the
// run store (the trainer writes them the same way). Each test has its own LLMOS_HOME.

#include "clirunner.h"
#include "tempdir.h"

#include "jobs/eventlog.h"
#include "jobs/runstore.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

using CliRun = llmos::test::Run;
using llmos::test::TempDir;
using nlohmann::json;

namespace llmos {

namespace {

class CliRuns : public ::testing::Test {
protected:
    CliRun runs(std::vector<std::string> args) const
    {
        args.insert(args.begin(), "runs");
        return test::runLlmos(args, test::homeEnv(m_dir.file("home")));
    }
    json runsJson(std::vector<std::string> args) const
    {
        args.push_back("--json");
        const CliRun r = runs(args);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return r.exitCode == 0 ? json::parse(r.out) : json();
    }
    RunStore store() const { return RunStore(m_dir.file("home") + "/runs"); }

    // A finished run with two steps and an evaluation, and one the process left running.
    void writeRuns() const
    {
        RunState done;
        done.id = "r-done00000000";
        done.name = "lora on fortunes";
        done.kind = "train";
        done.state = JobState::Succeeded;
        done.createdMs = 1'700'000'000'000;
        done.startedMs = 1'700'000'001'000;
        done.finishedMs = 1'700'000'060'000;
        done.finalMetrics = {{"accuracy", 0.75}};
        store().create(done, {{"method", "lora"}, {"rank", 8}});
        EventLogWriter log(store().eventsPath(done.id), 0);
        log.append({done.id, 1, 1'700'000'001'000, StepMetrics{1, 0.5, {{"loss", 2.5}, {"lr", 1e-4}}}});
        log.append({done.id, 2, 1'700'000'002'000, StepMetrics{2, 1, {{"loss", 0.1 + 0.2}, {"lr", 5e-5}}}});
        log.append({done.id, 3, 1'700'000'003'000, EvalMetrics{2, 1, {{"accuracy", 0.75}}}});
        std::filesystem::create_directories(store().checkpointDirectory(done.id) + "/step-2");

        RunState crashed = done;
        crashed.id = "r-crashed00000";
        crashed.name = "killed";
        crashed.state = JobState::Running;
        crashed.createdMs = 1'700'000'100'000;
        crashed.finishedMs = 0;
        crashed.finalMetrics.clear();
        store().create(crashed, json::object());
        EventLogWriter crashedLog(store().eventsPath(crashed.id), 0);
        crashedLog.append({crashed.id, 1, 1'700'000'105'000, StepMetrics{1, 0, {{"loss", 3.0}}}});
    }

    TempDir m_dir;
};

} // namespace

TEST_F(CliRuns, ListShowsRunsNewestFirstAndMarksCrashedOnesInterrupted)
{
    writeRuns();
    std::filesystem::create_directories(m_dir.file("home") + "/runs/r-damaged00000");
    const json list = runsJson({"list"});
    ASSERT_EQ(list.at("runs").size(), 3u);
    EXPECT_EQ(list.at("runs")[0].at("id"), "r-crashed00000");
    EXPECT_EQ(list.at("runs")[0].at("state"), "interrupted");
    EXPECT_EQ(list.at("runs")[0].at("finished_ms"), 1'700'000'105'000) << "the time of its last event";
    EXPECT_EQ(list.at("runs")[1].at("id"), "r-done00000000");
    EXPECT_EQ(list.at("runs")[1].at("state"), "succeeded");
    EXPECT_EQ(list.at("runs")[2].at("state"), "damaged");
    EXPECT_NE(list.at("runs")[2].at("damage").get<std::string>().find("state.json: missing"), std::string::npos);

    const CliRun text = runs({"list"});
    EXPECT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("lora on fortunes"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("[damaged]"), std::string::npos) << text.out;

    const CliRun empty = test::runLlmos({"runs", "list"}, test::homeEnv(m_dir.file("empty-home")));
    EXPECT_EQ(empty.exitCode, 0) << empty.err;
    EXPECT_NE(empty.out.find("No runs yet"), std::string::npos) << empty.out;
}

TEST_F(CliRuns, ShowGivesRecipeStateLastMetricsAndCheckpoints)
{
    writeRuns();
    const json shown = runsJson({"show", "r-done00000000"});
    EXPECT_EQ(shown.at("state"), "succeeded");
    EXPECT_EQ(shown.at("recipe"), (json{{"method", "lora"}, {"rank", 8}}));
    EXPECT_EQ(shown.at("last_step").at("step"), 2);
    EXPECT_EQ(shown.at("last_step").at("values").at("loss").get<double>(), 0.1 + 0.2);
    EXPECT_EQ(shown.at("last_eval").at("values").at("accuracy"), 0.75);
    EXPECT_EQ(shown.at("checkpoints"), json::array({"step-2"}));
    EXPECT_EQ(shown.at("events"), 3);

    const CliRun text = runs({"show", "r-done00000000"});
    EXPECT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("step-2"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("accuracy=0.75"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("2023-11-14T22:13:20Z"), std::string::npos) << text.out;
}

TEST_F(CliRuns, ExportMetricsWritesTheCsv)
{
    writeRuns();
    const CliRun toStdout = runs({"export-metrics", "r-done00000000"});
    EXPECT_EQ(toStdout.exitCode, 0) << toStdout.err;
    const std::string expected = "step,epoch,loss,lr,eval_accuracy\n"
                                 "1,0.5,2.5,1e-04,\n"
                                 "2,1,0.30000000000000004,5e-05,\n"
                                 "2,1,,,0.75\n";
    EXPECT_EQ(toStdout.out, expected);
    const std::string file = m_dir.file("metrics.csv");
    const CliRun toFile = runs({"export-metrics", "r-done00000000", "--output", file});
    EXPECT_EQ(toFile.exitCode, 0) << toFile.err;
    EXPECT_EQ(test::readFile(file), expected);
}

TEST_F(CliRuns, UnknownOrUnsafeIdsFailWithAReason)
{
    writeRuns();
    const CliRun unknown = runs({"show", "r-nosuchrun000"});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_NE(unknown.err.find("no such run"), std::string::npos) << unknown.err;
    const CliRun unsafe = runs({"export-metrics", "../../etc"});
    EXPECT_EQ(unsafe.exitCode, 1);
    EXPECT_NE(unsafe.err.find("not a run id"), std::string::npos) << unsafe.err;
    const CliRun usage = runs({"show"});
    EXPECT_EQ(usage.exitCode, 2);
    EXPECT_NE(usage.err.find("usage: llmos runs show ID"), std::string::npos) << usage.err;
    const CliRun wrongOption = runs({"list", "--output", "x.csv"});
    EXPECT_EQ(wrongOption.exitCode, 2);
}

} // namespace llmos
