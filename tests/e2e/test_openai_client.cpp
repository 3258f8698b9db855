// The official `openai` client library (npm, pinned 6.x in tests/tools/reference) against
// `llmos serve` on a tiny random chat model and the PyTorch reference's sentence encoder:
// models, chat (whole and streamed), completions, embeddings (base64, as the client asks
// by default), the fine-tuning API (files, jobs, events, checkpoints) on a model registered
// in a data folder of the test's own, a missing model and a wrong key, then SIGTERM. The Node script
// (tests/tools/reference/openai-client.mjs) only reports what the client saw.
#include "architectures/textembedder.h"
#include "generation/textgenerator.h"
#include "referencemodels.h"
#include "shellcommand.h"
#include "tempdir.h"
#include "tinymodel.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace llmos;
using nlohmann::json;

TEST(OpenAiClient, OfficialClientWorksAgainstLlmosServeUnchanged)
{
    const std::string reference = LLMOS_REFERENCE_DIR;
    if (!std::filesystem::exists(reference + "/node_modules/openai/package.json"))
        GTEST_FAIL() << "the openai package is missing: run tests/tools/reference/fetch.sh";
    test::TempDir dir;
    const auto model = dir.file("tiny-chat");
    test::writeTinyModel(model, test::TinyFamily::Llama);
    test::writeChatMlTokenizerConfig(model);

    REQUIRE_REFERENCE();
    const auto encoder = test::reference().folder("bert-sentence");

    // A data folder whose registry holds the chat model, for the fine-tuning API.
    const auto home = dir.file("home");
    const auto imported = test::runShell("LLMOS_HOME=" + test::shellQuote(home) + " " +
                                         test::shellQuote(LLMOS_EXECUTABLE) + " models import " +
                                         test::shellQuote(model) + " --name tiny-chat 2>&1");
    ASSERT_EQ(imported.exitCode, 0) << imported.out;

    const auto run = test::runShell("cd " + test::shellQuote(reference) + " && LLMOS_HOME=" + test::shellQuote(home) +
                                    " FINE_TUNE_MODEL=tiny-chat node openai-client.mjs " +
                                    test::shellQuote(LLMOS_EXECUTABLE) + " " + test::shellQuote(model) + " " +
                                    test::shellQuote(encoder));
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const auto seen = json::parse(run.out);
    ASSERT_FALSE(seen.contains("failure")) << seen["failure"].get<std::string>();

    EXPECT_EQ(seen["models"], json::array({"tiny-chat", "bert-sentence"}));

    // Embeddings through the client's base64 path: the engine's own vector, float for float.
    const auto vectors = TextEmbedder::open(encoder).embed({"the cat sat", "a dog ran far"});
    EXPECT_EQ(seen["embeddings"]["count"], 2);
    EXPECT_EQ(seen["embeddings"]["first"].get<std::vector<float>>(), vectors[0].values);
    EXPECT_EQ(seen["embeddings"]["usage"]["prompt_tokens"], vectors[0].tokens + vectors[1].tokens);

    // The engine's own reply to the same request: the server adds nothing and loses nothing.
    const auto generator = TextGenerator::open(model);
    GenerationRequest request;
    request.promptIds = generator.encodeChat(nlohmann::ordered_json::array({{{"role", "user"}, {"content", "Hello there"}}}));
    request.maxNewTokens = 12;
    request.sampling.temperature = 1.0;
    request.sampling.seed = 5;
    const auto expected = generator.generate(request);
    EXPECT_EQ(seen["chat"]["content"], expected.text);
    EXPECT_EQ(seen["chat"]["role"], "assistant");
    EXPECT_EQ(seen["chat"]["usage"]["completion_tokens"], expected.ids.size());
    EXPECT_EQ(seen["stream"]["content"], expected.text);
    EXPECT_GE(seen["stream"]["chunks"].get<int>(), 2);
    EXPECT_EQ(seen["stream"]["usage"], seen["chat"]["usage"]);

    EXPECT_EQ(seen["completion"]["object"], "text_completion");
    EXPECT_EQ(seen["completion"]["texts"].size(), 2u);

    // Fine-tuning through the client: upload, job, events, checkpoints, the model served.
    const auto &tune = seen["fineTune"];
    EXPECT_EQ(tune["file"]["object"], "file");
    EXPECT_EQ(tune["file"]["filename"], "jokes.jsonl");
    EXPECT_EQ(tune["file"]["purpose"], "fine-tune");
    EXPECT_TRUE(tune["createdStatus"] == "queued" || tune["createdStatus"] == "running") << tune["createdStatus"];
    EXPECT_EQ(tune["job"]["status"], "succeeded") << tune["job"].dump();
    const auto fineTuned = tune["job"]["fine_tuned_model"].get<std::string>();
    EXPECT_TRUE(fineTuned.starts_with("ft:tiny-chat:e2e:")) << fineTuned;
    EXPECT_EQ(tune["job"]["training_file"], tune["file"]["id"]);
    EXPECT_EQ(tune["job"]["hyperparameters"]["n_epochs"], 2);
    EXPECT_GT(tune["job"]["trained_tokens"].get<int>(), 0);
    ASSERT_GE(tune["events"].size(), 6u) << "the client pages through every event (5 a page)";
    EXPECT_EQ(tune["events"][0]["message"], "The job has successfully completed");
    bool sawLoss = false;
    for (const auto &event : tune["events"])
        sawLoss = sawLoss || (event["type"] == "metrics" && event["data"].contains("train_loss"));
    EXPECT_TRUE(sawLoss) << tune["events"].dump();
    ASSERT_FALSE(tune["checkpoints"].empty());
    EXPECT_EQ(tune["checkpoints"][0]["job"], tune["job"]["id"]);
    EXPECT_EQ(tune["listed"], json::array({tune["job"]["id"]}));
    EXPECT_EQ(tune["answerModel"], fineTuned) << "the fine-tuned model answers at once";
    EXPECT_EQ(tune["deleted"], true);

    EXPECT_EQ(seen["missing"]["status"], 404);
    EXPECT_EQ(seen["missing"]["code"], "model_not_found");
    EXPECT_EQ(seen["missing"]["param"], "model");
    EXPECT_EQ(seen["unauthorized"]["status"], 401);

    // SIGTERM: a clean exit after saying so.
    EXPECT_EQ(seen["exit"]["code"], 0) << seen["exit"].dump();
    EXPECT_EQ(seen["events"], json::array({"listening", "stopped"}));
}
