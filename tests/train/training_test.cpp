// The trainer on a tiny Llama: the loss falls, the same seed gives the same curve bit for
// bit, pause/cancel/resume continue the same curve, checkpoints survive failed writes,
// damage and SIGKILL, and a classifier learns a separable dataset.

#include "training/checkpointstore.h"
#include "training/trainer.h"

#include "errorof.h"
#include "trainingfixture.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

namespace llmos {
namespace {

namespace fs = std::filesystem;
using test::errorOf;
using test::TrainingFixture;

struct Recorded {
    std::vector<double> losses; // index = step - 1 (resumed runs: the steps they ran)
    std::vector<std::int64_t> steps;
    std::vector<EvaluationEvent> evaluations;
    std::vector<std::string> logs;
    TrainingResult result;

    // The first log line that starts with `prefix`, or "".
    std::string log(const std::string &prefix) const
    {
        for (const auto &line : logs)
            if (line.starts_with(prefix))
                return line;
        return {};
    }
};

Recorded train(const nlohmann::json &recipe, const std::string &runDirectory,
               std::function<StopRequest(std::int64_t)> stopBeforeStep = {})
{
    Recorded recorded;
    TrainerOptions options;
    options.runDirectory = runDirectory;
    options.callbacks.onStep = [&](const TrainingStepEvent &e) {
        recorded.losses.push_back(e.loss);
        recorded.steps.push_back(e.step);
    };
    options.callbacks.onEvaluation = [&](const EvaluationEvent &e) { recorded.evaluations.push_back(e); };
    options.callbacks.onLog = [&](const std::string &line) { recorded.logs.push_back(line); };
    std::int64_t nextStep = -1;
    if (stopBeforeStep)
        options.callbacks.stopCheck = [&] { return stopBeforeStep(++nextStep); };
    Trainer trainer(parseTrainingRecipe(recipe), options);
    recorded.result = trainer.run();
    return recorded;
}

class TrainerTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { torch::set_num_threads(1); }
    TrainingFixture fixture;
};

TEST_F(TrainerTest, LossFallsWhileMemorisingATinyText)
{
    auto recipe = fixture.causalRecipe();
    recipe["training"]["max_steps"] = 30;
    const auto run = train(recipe, fixture.newRunDirectory());
    ASSERT_EQ(run.losses.size(), 30u);
    EXPECT_LT(run.losses.back(), run.losses.front() * 0.5) << "first " << run.losses.front();
    EXPECT_EQ(run.result.outcome, TrainingOutcome::Finished);
    EXPECT_GT(run.result.trainableParameters, 0);
    EXPECT_EQ(run.result.trainableParameters, run.result.totalParameters); // full fine-tuning
    ASSERT_FALSE(run.evaluations.empty());
    EXPECT_TRUE(run.result.finalMetrics.contains("perplexity"));
    EXPECT_NEAR(run.result.finalMetrics.at("perplexity"), std::exp(run.result.finalMetrics.at("eval_loss")), 1e-9);
    EXPECT_TRUE(fs::exists(run.result.output / "model.safetensors"));
    EXPECT_TRUE(fs::exists(run.result.output / "config.json"));
}

TEST_F(TrainerTest, SameRecipeAndSeedGiveTheSameCurveBitForBit)
{
    auto recipe = fixture.causalRecipe();
    recipe["training"]["grad_accumulation"] = 2;
    recipe["schedule"] = {{"name", "cosine"}, {"warmup_steps", 2}};
    const auto first = train(recipe, fixture.newRunDirectory());
    const auto second = train(recipe, fixture.newRunDirectory());
    ASSERT_EQ(first.losses.size(), 8u);
    EXPECT_EQ(first.losses, second.losses); // exact equality, not near
    recipe["training"]["seed"] = 4;
    const auto otherSeed = train(recipe, fixture.newRunDirectory());
    EXPECT_NE(first.losses, otherSeed.losses);
}

TEST_F(TrainerTest, WrongRecipesFailWithClearErrors)
{
    auto badMethod = fixture.causalRecipe();
    badMethod["method"] = {{"kind", "full"}, {"rnak", 8}};
    auto e = errorOf([&] { train(badMethod, fixture.newRunDirectory()); });
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
    EXPECT_NE(e.where().find("method.rnak"), std::string::npos) << e.what();

    auto noModel = fixture.causalRecipe();
    noModel["model"]["path"] = fixture.dir().file("absent");
    EXPECT_EQ(errorOf([&] { train(noModel, fixture.newRunDirectory()); }).kind(), ErrorKind::NotFound);

    auto textAsClassification = fixture.causalRecipe();
    textAsClassification["task"]["kind"] = "classification";
    e = errorOf([&] { train(textAsClassification, fixture.newRunDirectory()); });
    EXPECT_EQ(e.where(), "recipe: task.kind");
}

// Pause before step 4 writes a checkpoint; a resumed run continues with the losses of
// the uninterrupted run, bit for bit, for every optimizer.
TEST_F(TrainerTest, PauseAndResumeContinueTheSameCurveForEveryOptimizer)
{
    const std::vector<nlohmann::json> optimizers = {
        {{"name", "adamw"}, {"lr", 1e-2}, {"weight_decay", 0.01}},
        {{"name", "adam"}, {"lr", 1e-2}},
        {{"name", "sgd"}, {"lr", 0.1}, {"momentum", 0.9}, {"nesterov", true}},
        {{"name", "adagrad"}, {"lr", 1e-2}},
        {{"name", "rmsprop"}, {"lr", 1e-3}, {"momentum", 0.5}},
    };
    for (const auto &optimizer : optimizers) {
        SCOPED_TRACE(optimizer.dump());
        auto recipe = fixture.causalRecipe();
        recipe["optimizer"] = optimizer;
        recipe["schedule"] = {{"name", "linear"}, {"warmup_steps", 2}};
        const auto straight = train(recipe, fixture.newRunDirectory());

        const auto run = fixture.newRunDirectory();
        const auto paused = train(recipe, run, [](std::int64_t step) {
            return step == 3 ? StopRequest::Pause : StopRequest::None;
        });
        EXPECT_EQ(paused.result.outcome, TrainingOutcome::Paused);
        EXPECT_EQ(paused.result.steps, 3);
        EXPECT_TRUE(paused.result.output.empty());
        EXPECT_EQ(CheckpointStore(run).completeSteps(), std::vector<std::int64_t>{3});

        const auto resumed = train(recipe, run);
        EXPECT_EQ(resumed.result.resumedFromStep, 3);
        ASSERT_EQ(resumed.steps.front(), 4);
        const std::vector<double> tail(straight.losses.begin() + 3, straight.losses.end());
        EXPECT_EQ(resumed.losses, tail);
        EXPECT_EQ(resumed.result.finalMetrics, straight.result.finalMetrics);
    }
}

TEST_F(TrainerTest, CancelWritesACheckpointAndPeriodicCheckpointsRotate)
{
    auto recipe = fixture.causalRecipe();
    recipe["training"]["checkpoint_every"] = 2;
    recipe["training"]["keep_checkpoints"] = 2;
    const auto run = fixture.newRunDirectory();
    const auto cancelled = train(recipe, run, [](std::int64_t step) {
        return step == 7 ? StopRequest::Cancel : StopRequest::None;
    });
    EXPECT_EQ(cancelled.result.outcome, TrainingOutcome::Cancelled);
    EXPECT_EQ(CheckpointStore(run).completeSteps(), (std::vector<std::int64_t>{6, 7}));
}

TEST_F(TrainerTest, HalfWrittenAndDamagedCheckpointsAreIgnoredOnResume)
{
    auto recipe = fixture.causalRecipe();
    recipe["training"]["checkpoint_every"] = 2;
    recipe["training"]["keep_checkpoints"] = 5;
    const auto straight = train(recipe, fixture.newRunDirectory());
    const auto run = fixture.newRunDirectory();
    train(recipe, run, [](std::int64_t step) { return step == 6 ? StopRequest::Pause : StopRequest::None; });
    CheckpointStore store(run);
    ASSERT_EQ(store.completeSteps(), (std::vector<std::int64_t>{2, 4, 6}));

    // Step 6's weights lose a byte at the end (a torn write); a later step was never
    // completed (no marker); an interrupted temporary folder is left behind.
    const auto six = store.folder() / CheckpointStore::folderName(6);
    fs::resize_file(six / "weights.safetensors", fs::file_size(six / "weights.safetensors") - 1);
    fs::create_directories(store.folder() / CheckpointStore::folderName(7));
    fs::copy_file(six / "state.json", store.folder() / CheckpointStore::folderName(7) / "state.json");
    const auto partial = store.folder() / ".step-00000008.partial-1-2";
    fs::create_directories(partial);

    const auto resumed = train(recipe, run);
    EXPECT_EQ(resumed.result.resumedFromStep, 4);
    const std::vector<double> tail(straight.losses.begin() + 4, straight.losses.end());
    EXPECT_EQ(resumed.losses, tail);
    EXPECT_FALSE(fs::exists(partial));
    EXPECT_TRUE(fs::exists(store.folder() / "damaged-step-00000006"));
}

TEST_F(TrainerTest, CheckpointsOfAnotherRecipeAreNotResumed)
{
    auto recipe = fixture.causalRecipe();
    const auto run = fixture.newRunDirectory();
    train(recipe, run, [](std::int64_t step) { return step == 2 ? StopRequest::Pause : StopRequest::None; });
    recipe["optimizer"]["lr"] = 5e-3;
    const auto other = train(recipe, run);
    EXPECT_EQ(other.result.resumedFromStep, 0);
    EXPECT_EQ(other.steps.front(), 1);
}

TEST_F(TrainerTest, EarlyStoppingStopsAfterPatienceEvaluationsWithoutImprovement)
{
    auto recipe = fixture.causalRecipe();
    recipe["optimizer"]["lr"] = 1e-3;
    recipe["training"]["max_steps"] = 20;
    recipe["training"]["eval_every"] = 1;
    // The loss falls, so "max" never improves after the first evaluation.
    recipe["training"]["early_stopping"] = {{"metric", "eval_loss"}, {"patience", 2}, {"mode", "max"}};
    const auto run = train(recipe, fixture.newRunDirectory());
    EXPECT_EQ(run.result.outcome, TrainingOutcome::EarlyStopped);
    ASSERT_EQ(run.evaluations.size(), static_cast<std::size_t>(run.result.steps));
    ASSERT_GE(run.evaluations.size(), 3u);
    EXPECT_LT(run.result.steps, 20);
    // The last two evaluations were no better than the best before them.
    const auto lossAt = [&](std::size_t i) { return run.evaluations[i].metrics.at("eval_loss"); };
    const auto n = run.evaluations.size();
    double best = lossAt(0);
    for (std::size_t i = 1; i < n - 2; ++i)
        best = std::max(best, lossAt(i));
    EXPECT_LE(lossAt(n - 2), best);
    EXPECT_LE(lossAt(n - 1), best);
}

TEST_F(TrainerTest, ClassifierReachesFullAccuracyOnSeparableTopics)
{
    const auto run = train(fixture.classificationRecipe(), fixture.newRunDirectory());
    ASSERT_FALSE(run.evaluations.empty());
    const auto &last = run.evaluations.back();
    EXPECT_EQ(last.metrics.at("accuracy"), 1.0);
    EXPECT_EQ(last.metrics.at("macro_f1"), 1.0);
    ASSERT_EQ(last.confusion.size(), 2u);
    EXPECT_EQ(last.confusion[0][1] + last.confusion[1][0], 0);
    EXPECT_EQ(last.labelNames, (std::vector<std::string>{"buzz", "vowels"}));
    const auto config = nlohmann::json::parse(test::readFile((run.result.output / "config.json").string()));
    EXPECT_EQ(config["architectures"][0], "LlamaForSequenceClassification");
    EXPECT_EQ(config["id2label"]["1"], "vowels");
}

TEST_F(TrainerTest, FgmTrainsAndStaysDeterministic)
{
    auto recipe = fixture.causalRecipe();
    recipe["training"]["fgm"] = {{"epsilon", 0.5}};
    const auto first = train(recipe, fixture.newRunDirectory());
    const auto second = train(recipe, fixture.newRunDirectory());
    EXPECT_EQ(first.losses, second.losses);
    EXPECT_LT(first.losses.back(), first.losses.front());
    const auto plain = train(fixture.causalRecipe(), fixture.newRunDirectory());
    EXPECT_NE(first.losses, plain.losses); // the adversarial pass changed the updates
}

void expectSameCurve(const std::vector<double> &actual, const std::vector<double> &expected, double tolerance)
{
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        EXPECT_NEAR(actual[i], expected[i], tolerance) << "step " << i + 1;
}

TEST_F(TrainerTest, ActivationCheckpointingGivesTheSameLossCurve)
{
    auto recipe = fixture.causalRecipe();
    const auto plain = train(recipe, fixture.newRunDirectory());
    recipe["training"]["activation_checkpointing"] = true;
    const auto checkpointed = train(recipe, fixture.newRunDirectory());
    EXPECT_NE(checkpointed.log("activation checkpointing: on"), "");
    expectSameCurve(checkpointed.losses, plain.losses, 1e-6);
    EXPECT_NEAR(checkpointed.result.finalMetrics.at("eval_loss"), plain.result.finalMetrics.at("eval_loss"), 1e-6);

    // LoRA with dropout on the decoder classifier: the recomputation sees the same masks.
    auto lora = fixture.classificationRecipe();
    lora["method"] = {{"kind", "lora"}, {"rank", 4}, {"dropout", 0.1}};
    lora["training"]["epochs"] = 2;
    const auto loraPlain = train(lora, fixture.newRunDirectory());
    lora["training"]["activation_checkpointing"] = true;
    const auto loraCheckpointed = train(lora, fixture.newRunDirectory());
    EXPECT_NE(loraCheckpointed.log("activation checkpointing: on"), "");
    expectSameCurve(loraCheckpointed.losses, loraPlain.losses, 1e-6);
    EXPECT_LT(loraCheckpointed.losses.back(), loraCheckpointed.losses.front());
}

TEST_F(TrainerTest, DropoutChangesTheCurveReproduciblyAndSurvivesCheckpointing)
{
    auto recipe = fixture.causalRecipe();
    const auto plain = train(recipe, fixture.newRunDirectory());
    recipe["training"]["dropout"] = 0.2;
    const auto dropped = train(recipe, fixture.newRunDirectory());
    const auto again = train(recipe, fixture.newRunDirectory());
    EXPECT_NE(dropped.losses, plain.losses);
    EXPECT_EQ(dropped.losses, again.losses); // same seed, same masks, bit for bit
    EXPECT_LT(dropped.losses.back(), dropped.losses.front());
    // Evaluation runs without dropout, so its loss is that of the trained weights.
    EXPECT_TRUE(std::isfinite(dropped.result.finalMetrics.at("eval_loss")));

    // Recomputing a layer in backward draws the masks its forward drew.
    recipe["training"]["activation_checkpointing"] = true;
    const auto checkpointed = train(recipe, fixture.newRunDirectory());
    expectSameCurve(checkpointed.losses, dropped.losses, 1e-6);
}

TEST_F(TrainerTest, Bf16AutocastTrainsCloseToFp32AndAMissingGpuIsNamed)
{
    auto recipe = fixture.causalRecipe();
    recipe["training"]["device"] = "cpu";
    const auto fp32 = train(recipe, fixture.newRunDirectory());
    EXPECT_EQ(fp32.log("compute: "), "compute: cpu, fp32");
    recipe["training"]["precision"] = "bf16";
    const auto bf16 = train(recipe, fixture.newRunDirectory());
    EXPECT_EQ(bf16.log("compute: "), "compute: cpu, bf16 autocast");
    ASSERT_EQ(bf16.losses.size(), fp32.losses.size());
    EXPECT_NE(bf16.losses, fp32.losses) << "the products ran in bfloat16";
    // bfloat16 keeps 8 bits of mantissa: the same model, a little noisier.
    EXPECT_NEAR(bf16.losses.front(), fp32.losses.front(), 0.02 * fp32.losses.front());
    EXPECT_LT(bf16.losses.back(), bf16.losses.front());
    EXPECT_NEAR(bf16.result.finalMetrics.at("eval_loss"), fp32.result.finalMetrics.at("eval_loss"),
                0.05 * fp32.result.finalMetrics.at("eval_loss"));

    if (!torch::cuda::is_available()) {
        recipe["training"]["device"] = "cuda";
        const auto e = errorOf([&] { train(recipe, fixture.newRunDirectory()); });
        EXPECT_EQ(e.kind(), ErrorKind::Unsupported);
        EXPECT_EQ(e.where(), "recipe: training.device");
    }
}

TEST_F(TrainerTest, AugmentationAddsTrainingExamplesAndStaysDeterministic)
{
    auto recipe = fixture.classificationRecipe();
    recipe["training"]["epochs"] = 2;
    const auto plain = train(recipe, fixture.newRunDirectory());
    recipe["dataset"]["augmentation"] = {{"copies", 2}, {"deletion", 0.2}, {"swaps", 1}, {"seed", 3}};
    const auto augmented = train(recipe, fixture.newRunDirectory());
    const auto again = train(recipe, fixture.newRunDirectory());
    // 24 rows, a quarter held out: 18 train; each gets up to two variants that differ from it.
    EXPECT_EQ(plain.log("dataset: "), "dataset: 18 training and 6 validation examples");
    const auto line = augmented.log("dataset: ");
    const auto tail = line.find(" training and 6 validation examples (");
    ASSERT_NE(tail, std::string::npos) << line;
    ASSERT_TRUE(line.ends_with(" of the training examples are augmented variants)")) << line;
    const auto trainingExamples = std::stoi(line.substr(9));
    EXPECT_GT(trainingExamples, 18);
    EXPECT_LE(trainingExamples, 3 * 18);
    const auto variants = std::stoi(line.substr(tail + std::string(" training and 6 validation examples (").size()));
    EXPECT_EQ(variants, trainingExamples - 18);
    EXPECT_GT(augmented.losses.size(), plain.losses.size()); // more examples, more steps per epoch
    EXPECT_EQ(augmented.losses, again.losses);
}

// ---- Separate processes: SIGKILL and a full disk ----

struct Child {
    pid_t pid = -1;
    FILE *out = nullptr;
};

Child startChild(const std::vector<std::string> &args)
{
    int fds[2];
    if (pipe(fds) != 0)
        throw std::runtime_error("pipe failed");
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        std::vector<char *> argv;
        argv.push_back(const_cast<char *>(LLMOS_TRAIN_CHILD));
        for (const auto &a : args)
            argv.push_back(const_cast<char *>(a.c_str()));
        argv.push_back(nullptr);
        execv(LLMOS_TRAIN_CHILD, argv.data());
        _exit(127);
    }
    close(fds[1]);
    return {pid, fdopen(fds[0], "r")};
}

// Reads the child's lines until `until` returns true for one (or the output ends).
std::vector<nlohmann::json> readLines(Child &child, const std::function<bool(const nlohmann::json &)> &until = {})
{
    std::vector<nlohmann::json> lines;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, child.out)) {
        lines.push_back(nlohmann::json::parse(buffer));
        if (until && until(lines.back()))
            break;
    }
    return lines;
}

int finishChild(Child &child)
{
    std::fclose(child.out);
    int status = 0;
    waitpid(child.pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::map<std::int64_t, std::string> lossesOf(const std::vector<nlohmann::json> &lines)
{
    std::map<std::int64_t, std::string> losses;
    for (const auto &line : lines)
        if (line.contains("step"))
            losses[line["step"].get<std::int64_t>()] = line["loss"].get<std::string>();
    return losses;
}

TEST_F(TrainerTest, SigkillAtARandomStepThenResumeGivesTheUninterruptedLosses)
{
    auto recipe = fixture.causalRecipe();
    recipe["training"]["max_steps"] = 14;
    recipe["training"]["checkpoint_every"] = 3;
    const auto recipePath = fixture.dir().write("kill.json", recipe.dump());

    auto straight = startChild({recipePath, fixture.newRunDirectory()});
    const auto expected = lossesOf(readLines(straight));
    ASSERT_EQ(finishChild(straight), 0);
    ASSERT_EQ(expected.size(), 14u);

    std::mt19937_64 random(std::random_device{}());
    const auto killAt = static_cast<std::int64_t>(4 + random() % 9); // after the first checkpoint (3)
    SCOPED_TRACE("killed after step " + std::to_string(killAt));
    const auto run = fixture.newRunDirectory();
    auto victim = startChild({recipePath, run});
    const auto before = readLines(victim, [&](const nlohmann::json &line) {
        return line.value("step", std::int64_t{0}) == killAt;
    });
    kill(victim.pid, SIGKILL);
    EXPECT_EQ(finishChild(victim), 128 + SIGKILL);

    auto resumed = startChild({recipePath, run});
    const auto after = readLines(resumed);
    ASSERT_EQ(finishChild(resumed), 0) << after.back().dump();
    const auto resumedFrom = after.back().at("resumed_from").get<std::int64_t>();
    // The newest checkpoint at the kill: killAt's own may or may not have been written.
    EXPECT_EQ(resumedFrom % 3, 0);
    EXPECT_GE(resumedFrom, std::max<std::int64_t>(3, killAt - 3));
    EXPECT_LE(resumedFrom, killAt);
    const auto losses = lossesOf(after);
    ASSERT_EQ(losses.size(), static_cast<std::size_t>(14 - resumedFrom));
    for (const auto &[step, loss] : losses)
        EXPECT_EQ(loss, expected.at(step)) << "step " << step;
}

TEST_F(TrainerTest, FullDiskFailsTheCheckpointLoudlyAndKeepsThePreviousOne)
{
    auto recipe = fixture.causalRecipe();
    recipe["training"]["checkpoint_every"] = 2;
    const auto recipePath = fixture.dir().write("full.json", recipe.dump());
    const auto run = fixture.newRunDirectory();
    // From step 3 on no file may grow past 1000 bytes: step 4's checkpoint cannot be written.
    auto child = startChild({recipePath, run, "--limit-file-size-after", "3", "1000"});
    const auto lines = readLines(child);
    EXPECT_EQ(finishChild(child), 3);
    ASSERT_TRUE(lines.back().contains("error"));
    const auto message = lines.back()["error"].get<std::string>();
    EXPECT_NE(message.find("checkpoint of step 4 was not written"), std::string::npos) << message;

    CheckpointStore store(run);
    EXPECT_EQ(store.completeSteps(), std::vector<std::int64_t>{2});
    for (const auto &entry : fs::directory_iterator(store.folder()))
        EXPECT_FALSE(entry.path().filename().string().starts_with(".")) << "left behind: " << entry.path();
    const auto resumed = train(recipe, run);
    EXPECT_EQ(resumed.result.resumedFromStep, 2);
}

} // namespace
} // namespace llmos
