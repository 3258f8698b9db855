// llmos datasets / train / runs resume from a terminal, on a tiny Llama the test writes:
// what a person following docs/recipes.md sees, exit codes included.

#include "clirunner.h"
#include "tempdir.h"
#include "tinymodel.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using nlohmann::json;

namespace llmos::test {
namespace {

class CliTrain : public ::testing::Test {
protected:
    CliTrain()
    {
        writeTinyModel(dir.file("tiny"), TinyFamily::Llama);
        dir.write("tiny/tokenizer_config.json", R"({"eos_token": "<|endoftext|>", "bos_token": null})");
        std::string text;
        for (int i = 0; i < 8; ++i)
            text += "the quick brown fox jumps over the lazy dog number " + std::to_string(i) + ".\n\n";
        dir.write("text.txt", text);
        dir.write("rows.jsonl", "{\"text\": \"good\", \"label\": \"a\"}\n{\"text\": 5, \"label\": \"b\"}\nnot json\n");
    }

    test::Run llmos(std::vector<std::string> args) const { return runLlmos(args, homeEnv(dir.file("home"))); }

    std::string writeRecipe(const json &method, std::int64_t steps, const std::string &name) const
    {
        const json recipe{{"model", {{"path", "tiny"}}},
                          {"dataset", {{"path", dir.file("text.txt")}, {"kind", "text"}, {"validation_fraction", 0.25}}},
                          {"task", {{"max_seq_len", 32}}},
                          {"method", method},
                          {"optimizer", {{"lr", 1e-2}}},
                          {"training", {{"max_steps", steps}, {"batch_size", 2}, {"checkpoint_every", 2}}},
                          {"output", {{"name", name}}}};
        return dir.write(name + ".json", recipe.dump(2));
    }

    static std::vector<json> jsonLines(const std::string &text)
    {
        std::vector<json> lines;
        std::size_t start = 0;
        while (start < text.size()) {
            const auto end = text.find('\n', start);
            lines.push_back(json::parse(text.substr(start, end - start)));
            start = end == std::string::npos ? text.size() : end + 1;
        }
        return lines;
    }

    TempDir dir;
};

TEST_F(CliTrain, TrainsFromARecipeRegistersTheAdapterAndKeepsTheRun)
{
    ASSERT_EQ(llmos({"models", "import", dir.file("tiny"), "--name", "tiny"}).exitCode, 0);
    const test::Run run = llmos({"train", writeRecipe({{"kind", "lora"}, {"rank", 4}}, 4, "tiny-lora"), "--json", "--threads", "1"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    std::string runId;
    int steps = 0;
    bool succeeded = false;
    for (const auto &event : jsonLines(run.out)) {
        runId = event.at("run").get<std::string>();
        steps += event.at("type") == "step";
        succeeded |= event.at("type") == "state" && event.at("to") == "succeeded";
    }
    EXPECT_EQ(steps, 4);
    EXPECT_TRUE(succeeded) << run.out;

    const test::Run lineage = llmos({"models", "lineage", "tiny-lora", "--json"});
    ASSERT_EQ(lineage.exitCode, 0) << lineage.err;
    EXPECT_NE(lineage.out.find(runId), std::string::npos) << lineage.out;

    const test::Run show = llmos({"runs", "show", runId, "--json"});
    ASSERT_EQ(show.exitCode, 0) << show.err;
    EXPECT_EQ(json::parse(show.out).at("state"), "succeeded");
    const test::Run csv = llmos({"runs", "export-metrics", runId});
    EXPECT_NE(csv.out.find("loss"), std::string::npos);
}

TEST_F(CliTrain, ABadRecipeNamesTheFieldAndAResumeOfAFinishedRunIsRefused)
{
    const std::string bad = dir.write("bad.json", R"({"model": {"path": "x"}, "dataset": {"path": "y"}, "optimizer": {"lr": -1}})");
    const test::Run run = llmos({"train", bad});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("optimizer.lr"), std::string::npos) << run.err;

    const test::Run missing = llmos({"runs", "resume", "r-0123456789ab"});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_NE(missing.err.find("r-0123456789ab"), std::string::npos) << missing.err;
}

TEST_F(CliTrain, DatasetsValidateListsBadRowsByLineAndImportRecordsTheHash)
{
    const test::Run validate = llmos({"datasets", "validate", dir.file("rows.jsonl"), "--model", dir.file("tiny"), "--kind", "classification"});
    EXPECT_EQ(validate.exitCode, 1) << "bad rows refuse the data unless skipped";
    EXPECT_NE(validate.out.find("line 2"), std::string::npos) << validate.out;
    EXPECT_NE(validate.out.find("line 3"), std::string::npos) << validate.out;

    const test::Run text = llmos({"datasets", "import", dir.file("text.txt"), "--model", dir.file("tiny"), "--name", "fox", "--json"});
    ASSERT_EQ(text.exitCode, 0) << text.err;
    const json imported = json::parse(text.out);
    EXPECT_EQ(imported.at("name"), "fox");
    EXPECT_EQ(imported.at("sha256").get<std::string>().size(), 64u);

    const test::Run list = llmos({"datasets", "show"});
    EXPECT_NE(list.out.find("fox"), std::string::npos) << list.out;
    std::ofstream(dir.file("text.txt"), std::ios::app) << "appended later\n";
    const test::Run show = llmos({"datasets", "show", "fox"});
    ASSERT_EQ(show.exitCode, 0) << show.err;
    EXPECT_NE(show.out.find("changed on disk"), std::string::npos) << show.out;
}

TEST_F(CliTrain, SweepsOfEveryStrategyRunFromTheCommandLineAndPromoteTheBest)
{
    ASSERT_EQ(llmos({"models", "import", dir.file("tiny"), "--name", "tiny"}).exitCode, 0);
    const json recipe{{"model", {{"path", "tiny"}}},
                      {"dataset", {{"path", dir.file("text.txt")}, {"kind", "text"}, {"validation_fraction", 0.25}}},
                      {"task", {{"max_seq_len", 32}}},
                      {"training", {{"max_steps", 4}, {"batch_size", 2}, {"checkpoint_every", 0}, {"eval_every", 2}}}};
    const json strategies[] = {{{"kind", "grid"}},
                               {{"kind", "random"}, {"seed", 1}},
                               {{"kind", "tpe"}, {"seed", 1}, {"startup_trials", 1}}};
    for (const auto &strategy : strategies) {
        SCOPED_TRACE(strategy.dump());
        const std::string name = strategy.at("kind").get<std::string>() + "-search";
        const json space = strategy.at("kind") == "grid" ? json{{"optimizer.lr", {1e-4, 1e-2}}}
                                                          : json{{"optimizer.lr", {{"log_uniform", {1e-4, 1e-2}}}}};
        json sweep{{"version", 1}, {"name", name}, {"recipe", recipe}, {"space", space}, {"strategy", strategy},
                   {"objective", {{"metric", "eval_loss"}}}};
        if (strategy.at("kind") != "grid") {
            sweep["budget"] = {{"max_trials", 3}};
            sweep["pruner"] = {{"kind", "asha"}, {"min_steps", 2}, {"max_steps", 4}, {"reduction_factor", 2}};
        }
        const test::Run run = llmos({"sweep", dir.write(name + ".json", sweep.dump(2)), "--json", "--threads", "1"});
        ASSERT_EQ(run.exitCode, 0) << run.err << run.out;
        const auto events = jsonLines(run.out);
        ASSERT_FALSE(events.empty());
        const auto &done = events.back();
        EXPECT_EQ(done.at("event"), "sweep_finished");
        EXPECT_EQ(done.at("status"), "finished");
        EXPECT_EQ(done.at("trials"), strategy.at("kind") == "grid" ? 2 : 3);
        EXPECT_TRUE(done.contains("best_trial")) << done.dump();
    }

    const test::Run list = llmos({"sweeps", "list", "--json"});
    ASSERT_EQ(list.exitCode, 0) << list.err;
    const auto sweeps = json::parse(list.out).at("sweeps");
    ASSERT_EQ(sweeps.size(), 3u);
    std::string gridId;
    for (const auto &s : sweeps)
        if (s.at("name") == "grid-search")
            gridId = s.at("id");
    ASSERT_FALSE(gridId.empty()) << list.out;

    const test::Run show = llmos({"sweeps", "show", gridId});
    ASSERT_EQ(show.exitCode, 0) << show.err;
    EXPECT_NE(show.out.find("optimizer.lr"), std::string::npos) << show.out;
    EXPECT_NE(show.out.find("succeeded"), std::string::npos) << show.out;

    const test::Run promote = llmos({"sweeps", "promote", gridId, "--name", "tiny-best", "--json"});
    ASSERT_EQ(promote.exitCode, 0) << promote.err;
    EXPECT_EQ(json::parse(promote.out).at("name"), "tiny-best");
    const test::Run lineage = llmos({"models", "lineage", "tiny-best", "--json"});
    ASSERT_EQ(lineage.exitCode, 0) << lineage.err;
    EXPECT_NE(lineage.out.find("tiny"), std::string::npos) << lineage.out;

    const json badSweep{{"version", 1}, {"name", "x"}, {"recipe", recipe},
                        {"space", {{"optimizer.lr", {{"log_uniform", {0, 1}}}}}},
                        {"strategy", {{"kind", "random"}}}, {"budget", {{"max_trials", 2}}}};
    const test::Run bad = llmos({"sweep", dir.write("bad.json", badSweep.dump())});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_NE(bad.err.find("optimizer.lr"), std::string::npos) << bad.err;
}

} // namespace
} // namespace llmos::test
