// A registered GGUF model exported as a Hugging Face folder: through the service the
// CLI, the window and the server share (exportRegisteredModel), and through the command
// line as a user runs it, on the tiny ChatML model of tests/core/generation.
#include "architectures/causallmloader.h"
#include "architectures/ggufcausallm.h"
#include "architectures/ggufexport.h"
#include "clirunner.h"
#include "errorof.h"
#include "ggufedit.h"
#include "registry/modelregistry.h"
#include "services/modelexport.h"
#include "tempdir.h"
#include "tinymodel.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <filesystem>
#include <set>

using namespace llmos;
using nlohmann::json;
using test::errorOf;
using test::runLlmos;

namespace {

namespace fs = std::filesystem;

// The tiny ChatML model as a Hugging Face folder, and exported to GGUF as F16 (which a
// Hugging Face folder holds exactly) and Q8_0 (which it holds dequantized).
struct Models {
    test::TempDir dir;
    std::string folder = dir.file("tiny-chat");
    std::string f16 = dir.file("tiny-chat-f16.gguf");
    std::string q8 = dir.file("tiny-chat-q8.gguf");
    Models()
    {
        test::writeTinyModel(folder, test::TinyFamily::Llama);
        test::writeChatMlTokenizerConfig(folder);
        exportCausalLmToGguf(folder, f16, GgmlType::F16);
        exportCausalLmToGguf(folder, q8, GgmlType::Q8_0);
    }
};

const Models &models()
{
    static const Models made;
    return made;
}

// Names in `folder` starting with a dot: what an interrupted export would leave.
std::set<std::string> hiddenEntries(const std::string &folder)
{
    std::set<std::string> out;
    for (const auto &entry : fs::directory_iterator(folder))
        if (entry.path().filename().string().starts_with("."))
            out.insert(entry.path().filename().string());
    return out;
}

std::set<std::string> shardsOf(const std::string &folder)
{
    const auto index = json::parse(test::readFile(folder + "/model.safetensors.index.json"));
    std::set<std::string> shards;
    for (const auto &[tensor, shard] : index.at("weight_map").items())
        shards.insert(shard.get<std::string>());
    return shards;
}

double worstLogitDifference(CausalLm &a, CausalLm &b)
{
    torch::NoGradGuard noGrad;
    const auto ids = torch::tensor(std::vector<std::int64_t>{72, 105, 32, 116, 104, 101, 114, 101}).unsqueeze(0);
    return (a->forward(ids) - b->forward(ids)).abs().max().item<double>();
}

// A registry with the folder imported as "tiny-chat" and its Q8_0 GGUF export
// registered as "tiny-chat-q8", so the GGUF has a lineage to tell.
struct Registry {
    test::TempDir home;
    ModelRegistry registry{home.path()};
    Registry()
    {
        registry.importModel(models().folder, {.name = "tiny-chat"});
        exportRegisteredModel(registry, {.model = "tiny-chat",
                                         .format = ModelExportFormat::Gguf,
                                         .destination = home.file("q8.gguf"),
                                         .ggufType = GgmlType::Q8_0,
                                         .registerAs = "tiny-chat-q8"});
    }
};

TEST(ExportGgufAsHuggingFace, GivesAShardedFolderWithCardAndLineage)
{
    Registry r;
    std::vector<double> fractions;
    const auto out = r.home.file("out-hf");
    const auto result = exportRegisteredModel(r.registry, {.model = "tiny-chat-q8",
                                                           .format = ModelExportFormat::HuggingFace,
                                                           .destination = out,
                                                           .maxShardBytes = 8000,
                                                           .registerAs = "tiny-chat-q8-hf",
                                                           .progress = [&](double fraction) {
                                                               fractions.push_back(fraction);
                                                               return true;
                                                           }});
    EXPECT_EQ(result.path, out);
    EXPECT_GE(shardsOf(out).size(), 2u) << "8 KB shards of a larger model";
    for (const auto &shard : shardsOf(out))
        EXPECT_TRUE(fs::exists(out + "/" + shard)) << shard;
    for (const char *file : {"config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json"})
        EXPECT_TRUE(fs::exists(out + "/" + file)) << file;
    const std::string card = test::readFile(out + "/README.md");
    EXPECT_NE(card.find("base_model: \"tiny-chat\""), std::string::npos) << card;
    EXPECT_NE(card.find("## Lineage"), std::string::npos) << card;
    EXPECT_EQ(json::parse(test::readFile(out + "/config.json")).at("torch_dtype"), "float16");

    auto exported = loadCausalLm(out);
    auto gguf = loadCausalLmFromGguf(models().q8);
    EXPECT_LT(worstLogitDifference(exported, gguf), 5e-2); // Q8_0 values rounded to F16 once

    ASSERT_FALSE(fractions.empty());
    for (std::size_t i = 1; i < fractions.size(); ++i)
        EXPECT_GE(fractions[i], fractions[i - 1]);
    EXPECT_EQ(fractions.back(), 1.0);
    EXPECT_TRUE(std::any_of(fractions.begin(), fractions.end(), [](double f) { return f > 0.8 && f < 1.0; }))
        << "the resharding phase reports too";

    const auto lineage = r.registry.lineage("tiny-chat-q8-hf");
    ASSERT_EQ(lineage.ancestors.size(), 2u);
    EXPECT_EQ(lineage.ancestors[0].fromName, "tiny-chat-q8");
    EXPECT_EQ(lineage.ancestors[0].kind, LineageKind::Export);
    EXPECT_EQ(lineage.ancestors[1].fromName, "tiny-chat");
    EXPECT_EQ(hiddenEntries(r.home.path()), std::set<std::string>{});
}

TEST(ExportGgufAsHuggingFace, CancelInEitherPhaseLeavesNothing)
{
    Registry r;
    for (const double stopAfter : {0.3, 0.85}) {
        const auto out = r.home.file("cancelled");
        const auto e = errorOf([&] {
            exportRegisteredModel(r.registry, {.model = "tiny-chat-q8",
                                               .format = ModelExportFormat::HuggingFace,
                                               .destination = out,
                                               .maxShardBytes = 8000,
                                               .progress = [&](double fraction) { return fraction < stopAfter; }});
        });
        EXPECT_EQ(e.kind(), ErrorKind::Cancelled) << e.what();
        EXPECT_EQ(e.where(), out);
        EXPECT_FALSE(fs::exists(out)) << "cancelled after " << stopAfter;
        EXPECT_EQ(hiddenEntries(r.home.path()), std::set<std::string>{}) << "cancelled after " << stopAfter;
    }
}

// models import x.gguf, models export --format hf, then generate and chat on the folder
// give what they give on the GGUF.
TEST(CliGgufExport, AnExportedFolderGeneratesWhatTheGgufGenerates)
{
    test::TempDir home;
    const std::string env = test::homeEnv(home.path());
    const auto imported = runLlmos({"models", "import", models().f16, "--name", "tiny-gguf", "--json"}, env);
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    const std::string id = json::parse(imported.out).at("id");

    const auto out = home.file("tiny-hf");
    const auto exported =
        runLlmos({"models", "export", id, "--format", "hf", "--out", out, "--max-shard-size", "20KB", "--json"}, env);
    ASSERT_EQ(exported.exitCode, 0) << exported.err;
    EXPECT_GE(shardsOf(out).size(), 2u);

    auto run = [&](const std::vector<std::string> &args) {
        const auto r = runLlmos(args, env);
        EXPECT_EQ(r.exitCode, 0) << args[2] << ": " << r.err;
        return r.exitCode == 0 ? json::parse(r.out) : json();
    };
    const auto fromGguf = run({"generate", "--model", models().f16, "--prompt", "Hello", "--max-tokens", "8",
                               "--temperature", "0", "--json"});
    const auto fromFolder =
        run({"generate", "--model", out, "--prompt", "Hello", "--max-tokens", "8", "--temperature", "0", "--json"});
    ASSERT_TRUE(fromGguf.contains("ids"));
    EXPECT_EQ(fromFolder.value("ids", json()), fromGguf.at("ids"));
    const auto chatGguf =
        run({"chat", "--model", models().f16, "--message", "Hi", "--max-tokens", "6", "--temperature", "0", "--json"});
    const auto chatFolder =
        run({"chat", "--model", out, "--message", "Hi", "--max-tokens", "6", "--temperature", "0", "--json"});
    EXPECT_EQ(chatFolder.value("prompt_tokens", json()), chatGguf.value("prompt_tokens", json()));
    EXPECT_EQ(chatFolder.value("text", json()), chatGguf.value("text", json()));
}

TEST(CliGgufExport, AVocabularyWithNoHuggingFaceFormIsOneClearLine)
{
    test::TempDir home;
    const std::string env = test::homeEnv(home.path());
    const auto bert =
        test::rewritten(home, models().f16, {.metadata = {{"tokenizer.ggml.model", GgufValue("rwkv")}}}, "rwkv.gguf");
    // Import reads the model's metadata, not its tokenizer: the export is what refuses it.
    const auto imported = runLlmos({"models", "import", bert, "--name", "bert-vocab", "--json"}, env);
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    const auto out = home.file("bert-hf");
    const auto exported = runLlmos({"models", "export", "bert-vocab", "--format", "hf", "--out", out}, env);
    EXPECT_EQ(exported.exitCode, 1) << exported.err;
    EXPECT_NE(exported.err.find("'rwkv'"), std::string::npos) << exported.err;
    EXPECT_NE(exported.err.find("Hugging Face"), std::string::npos) << exported.err;
    EXPECT_FALSE(fs::exists(out));
    EXPECT_EQ(hiddenEntries(home.path()), std::set<std::string>{});
}

} // namespace
