// The sweep folder and its journal: written, "crashed" mid-line, replayed to the same
// state; damage in the middle is an error with its line number; unfinished trials are
// listed for resuming; a pruner rebuilt from the journal decides as the original.

#include "sweep/ashapruner.h"
#include "sweep/sweepfolder.h"
#include "sweep/sweepjournal.h"

#include "errorof.h"
#include "sweeptestutil.h"
#include "tempdir.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

namespace llmos {
namespace {

using test::errorOf;

SweepSpec smallSweep()
{
    return test::parseSweep(R"("space": {"optimizer.lr": {"log_uniform": [1e-5, 1e-2]}, "training.batch_size": [8, 16]},
                               "strategy": {"kind": "random", "seed": 3},
                               "pruner": {"kind": "asha", "min_steps": 50},
                               "budget": {"max_trials": 10})");
}

std::vector<std::string> lines(const std::string &path)
{
    std::ifstream in(path);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

void writeLines(const std::string &path, const std::vector<std::string> &all)
{
    std::ofstream out(path, std::ios::trunc);
    for (const auto &line : all)
        out << line << "\n";
}

// Trial 0 succeeded, trial 1 pruned, trial 2 running: six lines and a seventh to tear.
void writeHistory(SweepJournal &journal)
{
    journal.trialSuggested(0, {{"optimizer.lr", 0.001}, {"training.batch_size", 8}}, "r-aaaa");
    journal.intermediate(0, 50, 2.0);
    journal.trialSuggested(1, {{"optimizer.lr", 0.0001}, {"training.batch_size", 16}}, "r-bbbb");
    journal.intermediate(1, 50, 3.0);
    journal.trialFinished({1, TrialState::Pruned, 3.0, 50, "pruned at step 50: eval_loss 3 is not the best", 12.5});
    journal.intermediate(0, 150, 1.5);
    journal.trialFinished({0, TrialState::Succeeded, 1.2, 450, "", 60.25});
    journal.trialSuggested(2, {{"optimizer.lr", 0.005}, {"training.batch_size", 8}}, "r-cccc");
    journal.intermediate(2, 50, 1.8);
}

TEST(SweepJournal, ReplaysWhatWasWritten)
{
    test::TempDir dir;
    const auto folder = createSweepFolder(dir.path(), smallSweep(), "s-test");
    EXPECT_EQ(folder, dir.path() + "/sweeps/s-test");
    {
        SweepJournal journal(folder, 0);
        writeHistory(journal);
    }
    const auto state = replaySweepJournal(folder);
    EXPECT_TRUE(state.warnings.empty());
    ASSERT_EQ(state.trials.size(), 3u);
    EXPECT_EQ(state.nextTrialNumber(), 3);
    const auto &t0 = state.trials[0];
    EXPECT_EQ(t0.state, TrialState::Succeeded);
    EXPECT_EQ(t0.assignment.at("optimizer.lr"), 0.001);
    EXPECT_EQ(t0.assignment.at("training.batch_size"), 8);
    EXPECT_EQ(t0.runId, "r-aaaa");
    EXPECT_DOUBLE_EQ(*t0.objective, 1.2);
    EXPECT_EQ(t0.step, 450);
    EXPECT_DOUBLE_EQ(t0.seconds, 60.25);
    EXPECT_EQ(t0.intermediates, (std::map<std::int64_t, double>{{50, 2.0}, {150, 1.5}}));
    EXPECT_EQ(state.trials[1].state, TrialState::Pruned);
    EXPECT_EQ(state.trials[1].step, 50);
    EXPECT_EQ(state.trials[1].reason, "pruned at step 50: eval_loss 3 is not the best");
    EXPECT_EQ(state.trials[2].state, TrialState::Running);
    ASSERT_EQ(state.toResume().size(), 1u);
    EXPECT_EQ(state.toResume()[0].number, 2);
    EXPECT_EQ(state.toResume()[0].runId, "r-cccc");
    EXPECT_EQ(state.pruningHistory.size(), 6u); // four reports, two finishes
    EXPECT_EQ(state.validBytes, std::filesystem::file_size(folder + "/journal.jsonl"));
}

TEST(SweepJournal, ATornLastLineIsDroppedAndCutOffBeforeTheNextAppend)
{
    test::TempDir dir;
    const auto folder = createSweepFolder(dir.path(), smallSweep(), "s-crash");
    {
        SweepJournal journal(folder, 0);
        writeHistory(journal);
    }
    const auto before = replaySweepJournal(folder);
    {
        SweepJournal journal(folder, before.validBytes);
        journal.intermediate(2, 150, 1.4); // the line the crash tears
    }
    const auto path = folder + "/journal.jsonl";
    const auto whole = std::filesystem::file_size(path);
    std::filesystem::resize_file(path, whole - 12); // killed in the middle of writing it

    const auto state = replaySweepJournal(folder);
    ASSERT_EQ(state.warnings.size(), 1u);
    EXPECT_NE(state.warnings[0].find("line 10"), std::string::npos) << state.warnings[0];
    EXPECT_NE(state.warnings[0].find("dropped"), std::string::npos) << state.warnings[0];
    EXPECT_EQ(state.validBytes, before.validBytes);
    ASSERT_EQ(state.trials.size(), 3u);
    EXPECT_EQ(state.trials[2].intermediates, (std::map<std::int64_t, double>{{50, 1.8}})); // 150 was torn
    EXPECT_EQ(state.trials[0].state, before.trials[0].state);
    EXPECT_EQ(state.trials[1].reason, before.trials[1].reason);
    ASSERT_EQ(state.toResume().size(), 1u);
    EXPECT_EQ(state.toResume()[0].runId, "r-cccc");

    // Resuming: the journal continues after the last good line, the torn bytes gone.
    {
        SweepJournal journal(folder, state.validBytes);
        journal.intermediate(2, 150, 1.3);
        journal.trialFinished({2, TrialState::Succeeded, 1.1, 450, "", 50});
    }
    const auto resumed = replaySweepJournal(folder);
    EXPECT_TRUE(resumed.warnings.empty());
    EXPECT_EQ(resumed.trials[2].state, TrialState::Succeeded);
    EXPECT_EQ(resumed.trials[2].intermediates.at(150), 1.3);
    EXPECT_TRUE(resumed.toResume().empty());
    EXPECT_EQ(lines(path).size(), 11u);
}

TEST(SweepJournal, AnUnreadableLastLineIsDroppedTooButNotOneInTheMiddle)
{
    test::TempDir dir;
    const auto folder = createSweepFolder(dir.path(), smallSweep(), "s-damage");
    {
        SweepJournal journal(folder, 0);
        writeHistory(journal);
    }
    const auto path = folder + "/journal.jsonl";
    auto all = lines(path);

    auto last = all;
    last.back() = R"({"event":"intermediate","trial":2,"st)"; // complete line, garbage inside
    writeLines(path, last);
    const auto state = replaySweepJournal(folder);
    ASSERT_EQ(state.warnings.size(), 1u);
    EXPECT_NE(state.warnings[0].find("line 9"), std::string::npos) << state.warnings[0];
    EXPECT_TRUE(state.trials[2].intermediates.empty());

    auto middle = all;
    middle[2] = "{not json";
    writeLines(path, middle);
    auto e = errorOf([&] { replaySweepJournal(folder); });
    EXPECT_EQ(e.kind(), ErrorKind::Format);
    EXPECT_EQ(e.where(), path + ": line 3");
    EXPECT_NE(e.detail().find("damaged"), std::string::npos) << e.detail();

    auto wrongField = all;
    wrongField[1] = R"({"event":"intermediate","trial":0,"step":"fifty","value":2.0})";
    writeLines(path, wrongField);
    e = errorOf([&] { replaySweepJournal(folder); });
    EXPECT_EQ(e.where(), path + ": line 2");
    EXPECT_NE(e.detail().find("step"), std::string::npos) << e.detail();
}

TEST(SweepJournal, ContradictionsAreErrorsWhereverTheyAre)
{
    test::TempDir dir;
    const auto folder = createSweepFolder(dir.path(), smallSweep(), "s-lies");
    const auto path = folder + "/journal.jsonl";
    const std::string suggested0 = R"({"event":"suggested","trial":0,"assignment":{"optimizer.lr":0.001},"run_id":"r-a"})";
    const std::string done0 = R"({"event":"finished","trial":0,"state":"succeeded","objective":1.0,"step":9,"reason":"","seconds":1})";

    writeLines(path, {suggested0, R"({"event":"intermediate","trial":4,"step":50,"value":1.0})"});
    auto e = errorOf([&] { replaySweepJournal(folder); });
    EXPECT_EQ(e.where(), path + ": line 2");
    EXPECT_NE(e.detail().find("never suggested"), std::string::npos) << e.detail();

    writeLines(path, {suggested0, done0, done0});
    e = errorOf([&] { replaySweepJournal(folder); });
    EXPECT_EQ(e.where(), path + ": line 3");
    EXPECT_NE(e.detail().find("finished already"), std::string::npos) << e.detail();

    writeLines(path, {R"({"event":"suggested","trial":1,"assignment":{},"run_id":"r-b"})"});
    e = errorOf([&] { replaySweepJournal(folder); });
    EXPECT_EQ(e.where(), path + ": line 1");
    EXPECT_NE(e.detail().find("trial 0 comes next"), std::string::npos) << e.detail();
}

TEST(SweepJournal, NonFiniteValuesSurviveAsNull)
{
    test::TempDir dir;
    const auto folder = createSweepFolder(dir.path(), smallSweep(), "s-nan");
    {
        SweepJournal journal(folder, 0);
        journal.trialSuggested(0, {{"optimizer.lr", 0.001}}, "r-a");
        journal.intermediate(0, 50, std::nan(""));
        journal.trialFinished({0, TrialState::Failed, std::nullopt, 50, "non-finite loss at step 51", 3});
    }
    EXPECT_NE(lines(folder + "/journal.jsonl")[1].find("\"value\":null"), std::string::npos);
    const auto state = replaySweepJournal(folder);
    EXPECT_TRUE(std::isnan(state.trials[0].intermediates.at(50)));
    EXPECT_FALSE(state.trials[0].objective);
    EXPECT_EQ(state.trials[0].state, TrialState::Failed);
}

TEST(SweepJournal, AMissingJournalIsASweepWithNoTrials)
{
    test::TempDir dir;
    const auto state = replaySweepJournal(dir.path());
    EXPECT_TRUE(state.trials.empty());
    EXPECT_EQ(state.validBytes, 0u);
}

// The pruner after a crash: fed the journal, it takes the decisions the original would.
TEST(SweepJournal, RestoredPrunerDecidesAsTheOriginal)
{
    test::TempDir dir;
    const auto spec = smallSweep();
    const auto folder = createSweepFolder(dir.path(), spec, "s-prune");
    auto original = makePruner(spec);
    {
        SweepJournal journal(folder, 0);
        for (int t = 0; t < 12; ++t) {
            journal.trialSuggested(t, {{"optimizer.lr", 0.001 * (t + 1)}}, "r-" + std::to_string(t));
            for (std::int64_t step = 50; step <= 450; step += 50) {
                const double value = 1.0 + std::fmod(t * 0.37 + static_cast<double>(step) * 0.013, 1.0);
                journal.intermediate(t, step, value);
                const auto decision = original->report(t, step, value);
                if (decision.prune) {
                    journal.trialFinished({t, TrialState::Pruned, value, step, decision.reason, 1});
                    original->trialFinished(t, TrialState::Pruned);
                    break;
                }
                if (step == 450) {
                    journal.trialFinished({t, TrialState::Succeeded, value, step, "", 1});
                    original->trialFinished(t, TrialState::Succeeded);
                }
            }
        }
    }
    const auto state = replaySweepJournal(folder);
    auto restored = makePruner(spec);
    restorePruner(*restored, state);
    int pruned = 0;
    for (const auto &t : state.trials)
        pruned += t.state == TrialState::Pruned;
    EXPECT_GT(pruned, 3); // the scenario does prune
    for (int t = 12; t < 30; ++t)
        for (std::int64_t step : {50, 150}) {
            const double value = 1.0 + std::fmod(t * 0.61 + static_cast<double>(step) * 0.007, 1.0);
            const auto a = original->report(t, step, value);
            const auto b = restored->report(t, step, value);
            EXPECT_EQ(a.prune, b.prune) << "trial " << t << " step " << step;
            EXPECT_EQ(a.reason, b.reason);
        }
}

TEST(SweepFolder, KeepsTheSweepFileWithItsRecipeAndRefusesUnsafeIds)
{
    test::TempDir dir;
    dir.write("base.json", test::kSweepRecipe);
    const auto path = dir.write("search.json", R"({"recipe_path": "base.json",
        "space": {"training.batch_size": [8, 16]}, "strategy": {"kind": "grid"}})");
    const auto spec = loadSweepFile(path);
    const auto folder = createSweepFolder(dir.path() + "/home", spec);
    EXPECT_TRUE(isSafeSweepId(std::filesystem::path(folder).filename().string()));
    EXPECT_EQ(std::filesystem::path(folder).filename().string().rfind("s-", 0), 0u);
    std::filesystem::remove(dir.file("base.json")); // the folder no longer needs it
    const auto again = loadSweepFolder(folder);
    EXPECT_EQ(again.name, "search");
    EXPECT_EQ(again.grid, spec.grid);
    EXPECT_EQ(again.baseRecipe, spec.baseRecipe);

    EXPECT_EQ(errorOf([&] { createSweepFolder(dir.path(), spec, "../evil"); }).kind(), ErrorKind::InvalidInput);
    createSweepFolder(dir.path(), spec, "s-twice");
    EXPECT_EQ(errorOf([&] { createSweepFolder(dir.path(), spec, "s-twice"); }).kind(), ErrorKind::Io);
    EXPECT_NE(newSweepId(), newSweepId());
}

} // namespace
} // namespace llmos
