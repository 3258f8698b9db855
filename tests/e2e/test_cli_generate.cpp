// llmos generate, chat and benchmark, run as a user runs them, on a tiny random model
// with a byte-level tokenizer (tests/core/generation/tinymodel.h).
#include "clirunner.h"
#include "generation/textgenerator.h"
#include "tempdir.h"
#include "tinymodel.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>

using namespace llmos;
using llmos::test::runLlmos;
using nlohmann::json;

namespace {

struct Models {
    test::TempDir dir;
    std::string base = dir.file("base");
    std::string chat = dir.file("chat");
    Models()
    {
        test::writeTinyModel(base, test::TinyFamily::Llama);
        test::writeTinyModel(chat, test::TinyFamily::Llama);
        test::writeChatMlTokenizerConfig(chat);
    }
};

const Models &models()
{
    static const Models made;
    return made;
}

json lastJsonLine(const std::string &out)
{
    const auto end = out.find_last_not_of('\n');
    const auto start = out.rfind('\n', end);
    return json::parse(out.substr(start == std::string::npos ? 0 : start + 1, end + 1));
}

} // namespace

TEST(CliGenerate, GreedyJsonHasTheDocumentedFieldsAndTheEnginesTokens)
{
    const auto run = runLlmos({"generate", "--model", models().base, "--prompt", "Hello", "--max-tokens", "8",
                               "--temperature", "0", "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto out = json::parse(run.out);
    for (const char *field : {"text", "ids", "prompt_tokens", "completion_tokens", "tokens_per_second"})
        EXPECT_TRUE(out.contains(field)) << field;
    EXPECT_EQ(out["prompt_tokens"], 5); // one token per byte
    EXPECT_EQ(out["completion_tokens"], 8);
    EXPECT_GT(out["tokens_per_second"].get<double>(), 0);

    // The same ids the engine gives in-process.
    const auto generator = TextGenerator::open(models().base, {.device = "cpu"});
    GenerationRequest request;
    request.promptIds = generator.encode("Hello");
    request.maxNewTokens = 8;
    request.sampling.temperature = 0;
    EXPECT_EQ(out["ids"].get<std::vector<std::int32_t>>(), generator.generate(request).ids);
}

// --model takes a registered model's name or id as well as a path.
TEST(CliGenerate, ARegisteredModelIsNamedByNameOrId)
{
    test::TempDir home;
    const std::string env = "env LLMOS_HOME=" + test::shellQuote(home.path()) + " ";
    const auto imported = runLlmos({"models", "import", models().base, "--name", "tiny-chat", "--json"}, env);
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    const std::string id = json::parse(imported.out).at("id");

    const std::vector<std::string> greedy{"--prompt", "Hello", "--max-tokens", "6", "--temperature", "0", "--json"};
    auto generate = [&](const std::string &model) {
        std::vector<std::string> args{"generate", "--model", model};
        args.insert(args.end(), greedy.begin(), greedy.end());
        const auto run = runLlmos(args, env);
        EXPECT_EQ(run.exitCode, 0) << model << ": " << run.err;
        return run.exitCode == 0 ? json::parse(run.out).at("ids") : json();
    };
    const auto byPath = generate(models().base);
    EXPECT_EQ(generate("tiny-chat"), byPath);
    EXPECT_EQ(generate(id), byPath);

    const auto scored = runLlmos({"score", "--model", "tiny-chat", "--text", "Hello there", "--json"}, env);
    ASSERT_EQ(scored.exitCode, 0) << scored.err;
    EXPECT_GT(json::parse(scored.out).at("perplexity").get<double>(), 1.0);

    const auto unknown = runLlmos({"generate", "--model", "no-such-model", "--prompt", "x"}, env);
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_NE(unknown.err.find("no-such-model"), std::string::npos) << unknown.err;
    EXPECT_NE(unknown.err.find("llmos models list"), std::string::npos) << unknown.err;
}

// A registry whose database file was lost still names its models: the manifests are the
// truth, and opening the registry rebuilds the database from them.
TEST(CliGenerate, ANameResolvesAfterTheRegistryDatabaseIsLost)
{
    test::TempDir home;
    const std::string env = "env LLMOS_HOME=" + test::shellQuote(home.path()) + " ";
    ASSERT_EQ(runLlmos({"models", "import", models().base, "--name", "tiny-chat"}, env).exitCode, 0);
    for (const char *file : {"registry.sqlite", "registry.sqlite-wal", "registry.sqlite-shm"})
        std::filesystem::remove(home.file(file));

    const auto run = runLlmos({"generate", "--model", "tiny-chat", "--prompt", "Hello", "--max-tokens", "3",
                               "--temperature", "0", "--json"},
                              env);
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_TRUE(std::filesystem::exists(home.file("registry.sqlite")));
    // Said, not done silently: which database, why, and what came back.
    EXPECT_NE(run.err.find("rebuilt from the model manifests"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("1 model"), std::string::npos) << run.err;
}

// models export: a Hugging Face folder (sharded, with a card that tells the lineage) and
// a GGUF file that generates what the original does; both registered with lineage.
TEST(CliModelsExport, HuggingFaceAndGgufExportsWorkElsewhereAndKeepTheirLineage)
{
    test::TempDir home;
    const std::string env = "env LLMOS_HOME=" + test::shellQuote(home.path()) + " ";
    ASSERT_EQ(runLlmos({"models", "import", models().chat, "--name", "tiny-chat"}, env).exitCode, 0);

    const auto hf = runLlmos({"models", "export", "tiny-chat", "--format", "hf", "--out", home.file("out-hf"),
                              "--max-shard-size", "20KB", "--register", "tiny-chat-hf", "--json"},
                             env);
    ASSERT_EQ(hf.exitCode, 0) << hf.err;
    const auto index = json::parse(test::readFile(home.file("out-hf/model.safetensors.index.json")));
    std::set<std::string> shards;
    for (const auto &[tensor, shard] : index.at("weight_map").items())
        shards.insert(shard.get<std::string>());
    EXPECT_GE(shards.size(), 2u) << "20KB shards of a larger model";
    for (const auto &shard : shards)
        EXPECT_TRUE(std::filesystem::exists(home.file("out-hf/" + shard))) << shard;
    EXPECT_TRUE(std::filesystem::exists(home.file("out-hf/tokenizer.json")));
    EXPECT_TRUE(std::filesystem::exists(home.file("out-hf/tokenizer_config.json")));
    const std::string card = test::readFile(home.file("out-hf/README.md"));
    EXPECT_NE(card.find("# tiny-chat"), std::string::npos) << card;

    const auto gguf = runLlmos({"models", "export", "tiny-chat-hf", "--format", "gguf", "--dtype", "f32", "--out",
                                home.file("tiny.gguf"), "--register", "tiny-chat-gguf", "--json"},
                               env);
    ASSERT_EQ(gguf.exitCode, 0) << gguf.err;
    const std::string ggufId = json::parse(gguf.out).at("registered_id");

    // The GGUF generates what the original folder generates, named by the registry.
    auto greedyIds = [&](const std::string &model) {
        const auto run = runLlmos({"generate", "--model", model, "--prompt", "Hi", "--max-tokens", "5", "--temperature",
                                   "0", "--json"},
                                  env);
        EXPECT_EQ(run.exitCode, 0) << model << ": " << run.err;
        return run.exitCode == 0 ? json::parse(run.out).at("ids") : json();
    };
    EXPECT_EQ(greedyIds(ggufId), greedyIds(models().chat));

    const auto lineage = runLlmos({"models", "lineage", "tiny-chat-gguf", "--json"}, env);
    ASSERT_EQ(lineage.exitCode, 0) << lineage.err;
    const auto ancestors = json::parse(lineage.out).at("ancestors");
    ASSERT_EQ(ancestors.size(), 2u) << lineage.out;
    EXPECT_EQ(ancestors[0].at("from_name"), "tiny-chat-hf");
    EXPECT_EQ(ancestors[1].at("from_name"), "tiny-chat");

    // A card exported from the GGUF's parent tells where it came from.
    ASSERT_EQ(runLlmos({"models", "export", "tiny-chat-hf", "--format", "hf", "--out", home.file("again")}, env).exitCode, 0);
    const std::string again = test::readFile(home.file("again/README.md"));
    EXPECT_NE(again.find("base_model: \"tiny-chat\""), std::string::npos) << again;
    EXPECT_NE(again.find("## Lineage"), std::string::npos) << again;

    const auto clash = runLlmos({"models", "export", "tiny-chat", "--format", "hf", "--out", home.file("out-hf")}, env);
    EXPECT_EQ(clash.exitCode, 1);
    EXPECT_NE(clash.err.find("already exists"), std::string::npos) << clash.err;
    const auto badSize = runLlmos({"models", "export", "tiny-chat", "--format", "hf", "--out", home.file("x"),
                                   "--max-shard-size", "lots"},
                                  env);
    EXPECT_EQ(badSize.exitCode, 2) << badSize.err;
}

TEST(CliGenerate, TheSameSeedGivesTheSameTextAndStopCutsIt)
{
    const std::vector<std::string> args{"generate", "--model",     models().base, "--prompt", "Seeded", "--max-tokens",
                                        "20",       "--temperature", "0.9",       "--top-k",  "50",     "--seed",
                                        "77",       "--json"};
    const auto first = runLlmos(args);
    const auto second = runLlmos(args);
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_EQ(json::parse(first.out)["ids"], json::parse(second.out)["ids"]);
    EXPECT_EQ(json::parse(first.out)["seed"], 77);

    // Text mode streams the text to stdout and a summary to stderr.
    const auto text = runLlmos({"generate", "--model", models().base, "--prompt", "Seeded", "--max-tokens", "5",
                                "--temperature", "0"});
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.err.find("5 tokens"), std::string::npos) << text.err;
}

TEST(CliGenerate, BadOptionsAreUsageErrorsAndMissingCudaIsAFailure)
{
    auto run = runLlmos({"generate", "--model", models().base});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("--prompt"), std::string::npos) << run.err;
    run = runLlmos({"generate", "--model", models().base, "--prompt", "x", "--temperature", "-1"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("temperature"), std::string::npos) << run.err;
    run = runLlmos({"generate", "--model", models().base, "--prompt", "x", "--top-p", "abc"});
    EXPECT_EQ(run.exitCode, 2);
    run = runLlmos({"generate", "--model", models().base, "--prompt", "x", "--device", "cuda", "--json"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(json::parse(run.out)["error"]["kind"], "unsupported");
    run = runLlmos({"generate", "--model", "/nonexistent/model", "--prompt", "x"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("/nonexistent/model"), std::string::npos) << run.err;
}

TEST(CliChat, OneMessageRendersTheTemplateAndReplies)
{
    const auto run = runLlmos({"chat", "--model", models().chat, "--message", "Hi", "--max-tokens", "6",
                               "--temperature", "0", "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto out = json::parse(run.out);
    // <|im_start|> "user\nHi" <|im_end|> "\n" <|im_start|> "assistant\n": 3 special + 18 byte tokens.
    EXPECT_EQ(out["prompt_tokens"], 3 + std::string("user\nHi\nassistant\n").size());
    EXPECT_LE(out["completion_tokens"].get<int>(), 6);
}

TEST(CliChat, AnInteractiveSessionKeepsTheConversation)
{
    const auto run = runLlmos({"chat", "--model", models().chat, "--max-tokens", "4", "--temperature", "0", "--json"},
                              "", "Hello\nAnd again\n/exit\n");
    ASSERT_EQ(run.exitCode, 0) << run.err;
    // One JSON line per reply; the second prompt holds the first exchange.
    std::vector<json> replies;
    std::size_t start = 0;
    for (auto end = run.out.find('\n'); end != std::string::npos; start = end + 1, end = run.out.find('\n', start))
        if (run.out[start] == '{')
            replies.push_back(json::parse(run.out.substr(start, end - start)));
    ASSERT_EQ(replies.size(), 2u) << run.out;
    EXPECT_GT(replies[1]["prompt_tokens"].get<int>(), replies[0]["prompt_tokens"].get<int>() + 10);
}

TEST(CliChat, AModelWithoutATemplateGetsAClearError)
{
    const auto run = runLlmos({"chat", "--model", models().base, "--message", "Hi"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("no chat template"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("--chat-template"), std::string::npos) << run.err;
}

TEST(CliBenchmark, MeasuresARandomModelOfAShape)
{
    const auto run = runLlmos({"benchmark", "--shape", "tiny", "--batch", "1,2", "--prompt-tokens", "8",
                               "--new-tokens", "4", "--repeat", "1", "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto out = lastJsonLine(run.out);
    ASSERT_EQ(out["runs"].size(), 2u);
    EXPECT_EQ(out["runs"][1]["batch"], 2);
    EXPECT_GT(out["runs"][0]["decode_tokens_per_second"].get<double>(), 0);
    EXPECT_GT(out["weight_bytes_per_token"].get<double>(), 0);
    EXPECT_EQ(runLlmos({"benchmark", "--shape", "huge"}).exitCode, 1);
}

// `llmos eval` from a terminal: a registered model evaluated (perplexity and generation),
// each report kept with the model, listed, and two compared side by side; usage errors exit 2.
TEST(CliGenerate, EvalMeasuresKeepsListsAndComparesReports)
{
    test::TempDir dir;
    const std::string env = "env LLMOS_HOME=" + test::shellQuote(dir.file("home")) + " ";
    const auto imported = runLlmos({"models", "import", models().chat, "--name", "tiny-chat"}, env);
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    const auto text = dir.write("notes.txt", "the quick brown fox\n\njumps over the lazy dog\n");
    const auto perplexity = runLlmos({"eval", "--model", "tiny-chat", "--data", text, "--json"}, env);
    ASSERT_EQ(perplexity.exitCode, 0) << perplexity.err;
    const auto first = json::parse(perplexity.out);
    EXPECT_EQ(first.at("task"), "perplexity");
    EXPECT_EQ(first.at("model_name"), "tiny-chat");
    EXPECT_TRUE(first.at("model_id").get<std::string>().starts_with("m-"));
    EXPECT_GT(first.at("metrics").at("perplexity").get<double>(), 1.0);
    EXPECT_EQ(first.at("examples"), 2);

    const auto qa = dir.write("qa.jsonl", "{\"instruction\": \"say hi\", \"output\": \"hi there\"}\n");
    const auto generated = runLlmos({"eval", "--model", "tiny-chat", "--data", qa, "--task", "generation",
                                     "--max-new-tokens", "8", "--json"},
                                    env);
    ASSERT_EQ(generated.exitCode, 0) << generated.err;
    const auto second = json::parse(generated.out);
    EXPECT_TRUE(second.at("metrics").contains("bleu"));
    EXPECT_TRUE(second.at("metrics").contains("rouge_l"));
    EXPECT_EQ(second.at("samples").size(), 1u);

    const auto listed = runLlmos({"eval", "list", "--model", "tiny-chat", "--json"}, env);
    ASSERT_EQ(listed.exitCode, 0) << listed.err;
    const auto reports = json::parse(listed.out);
    ASSERT_EQ(reports.size(), 2u);
    EXPECT_EQ(reports[0].at("id"), second.at("id")) << "newest first";

    const auto compared = runLlmos({"eval", "compare", first.at("id"), second.at("id")}, env);
    ASSERT_EQ(compared.exitCode, 0) << compared.err;
    EXPECT_NE(compared.out.find("perplexity"), std::string::npos) << compared.out;
    EXPECT_NE(compared.out.find("bleu"), std::string::npos) << compared.out;
    EXPECT_NE(compared.out.find("different data"), std::string::npos) << compared.out;

    EXPECT_EQ(runLlmos({"eval", "--model", "tiny-chat"}, env).exitCode, 2) << "--data is required";
    EXPECT_EQ(runLlmos({"eval", "compare", first.at("id")}, env).exitCode, 2);
    const auto missing = runLlmos({"eval", "--model", "tiny-chat", "--data", dir.file("absent.txt")}, env);
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_NE(missing.err.find("absent.txt"), std::string::npos) << missing.err;
}

// `llmos quantize` and `llmos prune` from a terminal: each registers a smaller model with
// its lineage and a report of what changed (size, speed, agreement, perplexity on the data
// given), which then generates like any model; what cannot be done exits with a reason.
TEST(CliGenerate, QuantizeAndPruneRegisterSmallerModelsWithTheirReports)
{
    test::TempDir dir;
    const std::string env = "env LLMOS_HOME=" + test::shellQuote(dir.file("home")) + " ";
    ASSERT_EQ(runLlmos({"models", "import", models().chat, "--name", "tiny"}, env).exitCode, 0);
    const auto text = dir.write("notes.txt", "the quick brown fox\n\njumps over the lazy dog\n");

    const auto quantized = runLlmos({"quantize", "--model", "tiny", "--bits", "4", "--data", text, "--json"}, env);
    ASSERT_EQ(quantized.exitCode, 0) << quantized.err;
    const auto q = json::parse(quantized.out);
    EXPECT_EQ(q.at("model").at("name"), "tiny-q4g32");
    EXPECT_EQ(q.at("scheme").at("bits"), 4);
    EXPECT_LT(q.at("bytes").at("derived").get<double>(), q.at("bytes").at("source").get<double>() * 0.4);
    EXPECT_GT(q.at("decode_tokens_per_second").at("derived").get<double>(), 0);
    EXPECT_GE(q.at("greedy_agreement").get<double>(), 0.0);
    EXPECT_LE(q.at("greedy_agreement").get<double>(), 1.0);
    EXPECT_GT(q.at("perplexity").at("derived").get<double>(), 1.0);
    const auto generated = runLlmos({"generate", "--model", "tiny-q4g32", "--prompt", "Hello", "--max-tokens", "4", "--json"}, env);
    EXPECT_EQ(generated.exitCode, 0) << generated.err;

    const auto pruned = runLlmos({"prune", "--model", "tiny", "--drop-layers", "1", "--sparsity", "0.5", "--json"}, env);
    ASSERT_EQ(pruned.exitCode, 0) << pruned.err;
    const auto p = json::parse(pruned.out);
    EXPECT_EQ(p.at("model").at("name"), "tiny-pruned");
    EXPECT_EQ(p.at("dropped_layers"), json::array({1}));
    EXPECT_LT(p.at("parameters").at("kept").get<double>(), p.at("parameters").at("source").get<double>());
    EXPECT_LT(p.at("bytes").at("derived").get<double>(), p.at("bytes").at("source").get<double>());
    const auto lineage = runLlmos({"models", "lineage", "tiny-pruned", "--json"}, env);
    ASSERT_EQ(lineage.exitCode, 0) << lineage.err;
    EXPECT_EQ(json::parse(lineage.out).at("ancestors")[0].at("kind"), "prune") << lineage.out;
    EXPECT_EQ(runLlmos({"generate", "--model", "tiny-pruned", "--prompt", "Hello", "--max-tokens", "4"}, env).exitCode, 0);

    EXPECT_EQ(runLlmos({"quantize", "--model", "tiny", "--bits", "3"}, env).exitCode, 2);
    const auto taken = runLlmos({"quantize", "--model", "tiny", "--bits", "4", "--name", "tiny-pruned"}, env);
    EXPECT_EQ(taken.exitCode, 1);
    EXPECT_NE(taken.err.find("tiny-pruned"), std::string::npos) << taken.err;
    const auto tooMany = runLlmos({"prune", "--model", "tiny", "--drop-layers", "0,1", "--name", "tiny-empty"}, env);
    EXPECT_EQ(tooMany.exitCode, 1);
    EXPECT_NE(tooMany.err.find("keep at least one"), std::string::npos) << tooMany.err;
}
