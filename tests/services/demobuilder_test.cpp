// The offline demo (engine/services/demobuilder), shrunk: a few fortune files of our own,
// a tiny model and a handful of steps. What the full-size demo does in its five minutes
// is measured in docs/PERFORMANCE.md.

#include "services/demobuilder.h"
#include "architectures/textclassifier.h"

#include "jobsfixture.h"

#include "jobs/jobscheduler.h"
#include "registry/modelregistry.h"
#include "tokenizer/loadtokenizer.h"
#include "util/error.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace fs = std::filesystem;

namespace llmos::test {
namespace {

std::string fortuneFile(const std::string &topic, int count)
{
    std::string text;
    for (int i = 0; i < count; ++i)
        text += "A saying about " + topic + " number " + std::to_string(i) + ": " + topic + " is " + topic + ".\n%\n";
    return text;
}

class DemoBuilderTest : public ::testing::Test {
protected:
    DemoBuilderTest()
    {
        dir.write("fortunes/computers", fortuneFile("computers", 12));
        dir.write("fortunes/food", fortuneFile("food", 12));
        dir.write("fortunes/chinese", "\x1b[32m静夜思\x1b[0m\n床前明月光，疑是地上霜。\n%\n");
        dir.write("fortunes/computers.dat", std::string(24, '\0'));
        options.fortunesFolder = dir.file("fortunes");
        options.topics = {"computers", "food"};
        options.workFolder = dir.file("home/demo");
        options.size = {.vocabSize = 300, .hiddenSize = 32, .layers = 1, .heads = 2, .contextLength = 32,
                        .languageModelSteps = 4, .languageModelBatch = 4, .classifierEpochs = 1,
                        .classifierBatch = 4, .examplesPerTopic = 10, .maxSayingBytes = 400};
        JobSchedulerOptions schedulerOptions;
        schedulerOptions.capacity = {"cpu", 8ull << 30, 4};
        scheduler = std::make_unique<JobScheduler>(RunStore(dir.file("home/runs")), schedulerOptions);
    }

    std::string home() const { return dir.file("home"); }

    TempDir dir;
    DemoOptions options;
    std::unique_ptr<JobScheduler> scheduler;
};

TEST_F(DemoBuilderTest, BuildsBothModelsWithLineageAndReportsProgressToTheEnd)
{
    std::vector<DemoProgress> seen;
    const DemoResult result = buildDemo(*scheduler, home(), options, [&](const DemoProgress &p) { seen.push_back(p); });

    ModelRegistry registry(home());
    const auto lm = registry.get("fortune-lm");
    const auto classifier = registry.get("fortune-topics");
    EXPECT_EQ(result.languageModelId, lm.id);
    EXPECT_EQ(result.classifierId, classifier.id);
    // LoRA merged into a whole classifier the apps can run.
    EXPECT_EQ(classifier.format, ModelFormat::HuggingFace);
    EXPECT_EQ(classifier.architecture, "LlamaForSequenceClassification");
    const auto topics = TextClassifier::open(registry.resolve(classifier.id));
    EXPECT_EQ(topics.labels(), options.topics);
    const auto answer = topics.classify({"Beware of bugs in the above code."}).front();
    ASSERT_EQ(answer.probabilities.size(), 2u);
    EXPECT_NEAR(answer.probabilities[0] + answer.probabilities[1], 1.0, 1e-6);

    const auto parents = registry.lineage(classifier.id).ancestors;
    ASSERT_EQ(parents.size(), 1u);
    EXPECT_EQ(parents.front().fromId, lm.id);
    EXPECT_EQ(parents.front().kind, LineageKind::FineTune);
    EXPECT_EQ(parents.front().runId, result.classifierRun);
    const auto data = registry.findDataset(parents.front().datasetId);
    ASSERT_TRUE(data);
    EXPECT_EQ(fs::path(data->sourcePath).filename(), "topics.jsonl");

    EXPECT_EQ(scheduler->state(result.languageModelRun), JobState::Succeeded);
    EXPECT_GE(result.accuracy, 0.0);
    EXPECT_LE(result.accuracy, 1.0);
    EXPECT_GT(result.perplexity, 1.0);
    EXPECT_EQ(result.heldOut, 4) << "20 % of the 20 topic sayings";

    // The language model carries its own tokenizer, learned from the sayings (the
    // Chinese one included: its colour codes are gone).
    const auto tokenizer = loadTokenizer(registry.resolve(lm.id));
    EXPECT_EQ(tokenizer->decode(tokenizer->encode("床前明月光", false)), "床前明月光");

    ASSERT_FALSE(seen.empty());
    EXPECT_EQ(seen.back().stage, DemoStage::Done);
    EXPECT_DOUBLE_EQ(seen.back().fraction, 1.0);
    for (std::size_t i = 1; i < seen.size(); ++i)
        EXPECT_GE(seen[i].fraction, seen[i - 1].fraction) << "progress never goes back (" << i << ")";
}

TEST_F(DemoBuilderTest, ASecondBuildIsRefusedAndMissingFortunesSayWhatToInstall)
{
    buildDemo(*scheduler, home(), options);
    try {
        buildDemo(*scheduler, home(), options);
        FAIL() << "the demo was built twice";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
        EXPECT_NE(std::string(e.what()).find("built before"), std::string::npos) << e.what();
    }

    options.fortunesFolder = dir.file("nowhere");
    options.languageModelName = "other-lm";
    options.classifierName = "other-topics";
    try {
        buildDemo(*scheduler, home(), options);
        FAIL() << "a missing fortunes folder was accepted";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::NotFound);
        EXPECT_NE(std::string(e.what()).find("fortunes-zh"), std::string::npos) << e.what();
    }
}

TEST_F(DemoBuilderTest, StopDuringTrainingCancelsTheRunAndRegistersNothingMore)
{
    std::stop_source stop;
    options.size.languageModelSteps = 400;
    auto onProgress = [&](const DemoProgress &p) {
        if (p.stage == DemoStage::LanguageModel && p.fraction > 0.1)
            stop.request_stop();
    };
    try {
        buildDemo(*scheduler, home(), options, onProgress, stop.get_token());
        FAIL() << "the demo ignored the stop request";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::Cancelled) << e.what();
    }
    ModelRegistry registry(home());
    EXPECT_FALSE(registry.find("fortune-lm"));
    EXPECT_FALSE(registry.find("fortune-topics"));
}

} // namespace
} // namespace llmos::test
