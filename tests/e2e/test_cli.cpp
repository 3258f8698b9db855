// Runs build/bin/llmos with real arguments and checks what a person (or a script)
// sees: the output, the one-line error and the exit code.

#include "formats/gguf/ggufwriter.h"
#include "formats/safetensorswriter.h"
#include "clirunner.h"
#include "tempdir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <sys/stat.h>
#include <cstdio>
#include <fstream>
#include <set>
#include <sys/wait.h>

using namespace llmos;
using llmos::test::Run;
using llmos::test::runLlmos;
using llmos::test::shellQuote;
using llmos::test::TempDir;
using nlohmann::json;

namespace {

std::vector<std::uint8_t> floats(std::initializer_list<float> values)
{
    std::vector<std::uint8_t> bytes(values.size() * 4);
    std::memcpy(bytes.data(), std::data(values), bytes.size());
    return bytes;
}

void writeTinyLlamaFolder(const TempDir &dir, bool sharded)
{
    dir.write("config.json", R"({"model_type":"llama","architectures":["LlamaForCausalLM"],"vocab_size":4,
        "hidden_size":2,"intermediate_size":4,"num_hidden_layers":1,"num_attention_heads":1})");
    const auto emb = floats({1, 2, 3, 4, 5, 6, 7, 8});
    const auto norm = floats({1, 1});
    if (!sharded) {
        writeSafetensors(dir.file("model.safetensors"),
                         {{"model.embed_tokens.weight", DType::F32, {4, 2}, emb}, {"model.norm.weight", DType::F32, {2}, norm}});
        return;
    }
    writeSafetensors(dir.file("model-00001-of-00002.safetensors"), {{"model.embed_tokens.weight", DType::F32, {4, 2}, emb}});
    writeSafetensors(dir.file("model-00002-of-00002.safetensors"), {{"model.norm.weight", DType::F32, {2}, norm}});
    dir.write("model.safetensors.index.json",
              R"({"metadata":{"total_size":40},"weight_map":{"model.embed_tokens.weight":"model-00001-of-00002.safetensors","model.norm.weight":"model-00002-of-00002.safetensors"}})");
}

// Runs tests/tools/reference/torch_reference.py into `dir` and returns its expected.json.
json torchReference(const TempDir &dir)
{
    const std::string command = shellQuote(LLMOS_TORCH_PYTHON) + " " + shellQuote(LLMOS_TORCH_REFERENCE_SCRIPT) + " "
                                + shellQuote(dir.path()) + " >/dev/null";
    if (std::system(command.c_str()) != 0) {
        ADD_FAILURE() << "torch_reference.py failed; install python3-torch";
        return {};
    }
    return json::parse(llmos::test::readFile(dir.file("expected.json")));
}

json reference(const std::string &name)
{
    std::ifstream in(std::string(LLMOS_TEST_DATA_DIR) + "/tokenizer/reference/" + name + ".json");
    return json::parse(in);
}

} // namespace

TEST(Cli, VersionAndHelp)
{
    const auto v = runLlmos({"--version"});
    EXPECT_EQ(v.exitCode, 0);
    EXPECT_EQ(v.out, "llmos " LLMOS_VERSION "\n");
    const auto h = runLlmos({"--help"});
    EXPECT_EQ(h.exitCode, 0);
    for (const char *verb : {"doctor", "tokenize", "detokenize", "inspect"})
        EXPECT_NE(h.out.find(verb), std::string::npos) << verb;
}

TEST(Cli, UnknownVerbAndMissingOptionAreUsageErrors)
{
    const auto r = runLlmos({"frobnicate"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, "llmos: unknown verb 'frobnicate'\n");
    const auto m = runLlmos({"tokenize", "--text", "hi"});
    EXPECT_EQ(m.exitCode, 2);
    EXPECT_NE(m.err.find("--tokenizer"), std::string::npos);
}

TEST(Cli, WithoutADisplayTheWindowRefusesPlainlyInsteadOfHanging)
{
    const auto r = runLlmos({}, "env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM ");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("no display"), std::string::npos);
    EXPECT_NE(r.err.find("--screenshot"), std::string::npos);
}

TEST(Cli, DoctorReportsTheRuntime)
{
    const auto r = runLlmos({"doctor", "--json", "--quick"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = json::parse(r.out);
    EXPECT_FALSE(j.at("libtorch").get<std::string>().empty());
    EXPECT_GE(j.at("threads").get<int>(), 1);
    EXPECT_TRUE(j.contains("blas"));
    EXPECT_TRUE(j.at("cuda_devices").is_array());
}

TEST(Cli, InspectsSingleAndShardedFolders)
{
    for (bool sharded : {false, true}) {
        TempDir dir;
        writeTinyLlamaFolder(dir, sharded);
        const auto r = runLlmos({"inspect", dir.path(), "--json"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        const auto j = json::parse(r.out);
        EXPECT_EQ(j.at("format"), "huggingface-folder");
        EXPECT_EQ(j.at("architecture"), "LlamaForCausalLM");
        EXPECT_EQ(j.at("parameter_count"), 10);
        EXPECT_EQ(j.at("files").size(), sharded ? 2u : 1u);
        EXPECT_EQ(j.at("tensors")[0].at("shape"), json({4, 2}));
        const auto text = runLlmos({"inspect", dir.path()});
        EXPECT_NE(text.out.find("parameters:   10"), std::string::npos) << text.out;
    }
}

TEST(Cli, InspectsSafetensorsAndGgufFiles)
{
    TempDir dir;
    writeSafetensors(dir.file("w.safetensors"), {{"w", DType::F32, {2}, floats({1, 2})}});
    const auto s = runLlmos({"inspect", dir.file("w.safetensors"), "--json"});
    ASSERT_EQ(s.exitCode, 0) << s.err;
    EXPECT_EQ(json::parse(s.out).at("format"), "safetensors");

    GgufWriter gguf;
    gguf.addMetadata("general.architecture", GgufValue("llama"));
    const std::vector<float> data(64, 0.5f);
    gguf.addTensor("token_embd.weight", {2, 32}, data, GgmlType::Q8_0);
    gguf.write(dir.file("m.gguf"));
    const auto g = runLlmos({"inspect", dir.file("m.gguf"), "--json"});
    ASSERT_EQ(g.exitCode, 0) << g.err;
    const auto j = json::parse(g.out);
    EXPECT_EQ(j.at("format"), "gguf");
    EXPECT_EQ(j.at("architecture"), "llama");
    EXPECT_EQ(j.at("tensors")[0].at("dtype"), "Q8_0");
    EXPECT_EQ(j.at("parameter_count"), 64);
}

TEST(Cli, HostileFilesGiveAClearErrorAndExitCodeNeverACrash)
{
    TempDir dir;
    // GGUF claiming 2^63 tensors.
    std::string gguf = "GGUF";
    gguf += std::string("\x03\x00\x00\x00", 4);
    gguf += std::string("\x00\x00\x00\x00\x00\x00\x00\x80", 8);
    gguf += std::string(8, '\0');
    dir.write("bad.gguf", gguf);
    auto r = runLlmos({"inspect", dir.file("bad.gguf")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("bad.gguf"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("byte"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line: " << r.err;

    // safetensors whose header length points past the end.
    dir.write("bad.safetensors", std::string("\xff\xff\x00\x00\x00\x00\x00\x00{}", 10));
    r = runLlmos({"inspect", dir.file("bad.safetensors"), "--json"});
    EXPECT_EQ(r.exitCode, 1);
    const auto error = json::parse(r.out).at("error");
    EXPECT_EQ(error.at("kind"), "format");
    EXPECT_NE(error.at("message").get<std::string>().find("truncated"), std::string::npos);

    // A pickle checkpoint is refused with the reason.
    dir.write("pytorch_model.bin", std::string("PK\x03\x04", 4));
    r = runLlmos({"inspect", dir.file("pytorch_model.bin")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("pickle"), std::string::npos);

    // A FIFO is not read (it would block forever).
    const std::string fifo = dir.file("pipe.gguf");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    r = runLlmos({"inspect", fifo});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("not a regular file"), std::string::npos) << r.err;

    // A shard index escaping the folder.
    TempDir model;
    writeTinyLlamaFolder(model, true);
    model.write("model.safetensors.index.json", R"({"weight_map":{"a":"../../etc/passwd"}})");
    r = runLlmos({"inspect", model.path()});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("leads out of the model folder"), std::string::npos) << r.err;
}

// The real tokenizer.json files and the ids Hugging Face's tokenizers give for them.
class CliTokenize : public ::testing::TestWithParam<std::string> {};

TEST_P(CliTokenize, GivesTheReferenceIdsOnHardStrings)
{
    const auto ref = reference(GetParam());
    const std::string path = std::string(LLMOS_TOKENIZER_FIXTURES_DIR) + "/" + ref.at("tokenizer_json").get<std::string>();
    ASSERT_TRUE(std::ifstream(path).good()) << path << " is missing: run tests/tools/reference/fetch.sh";
    int checked = 0;
    for (const auto &c : ref.at("cases")) {
        const std::string text = c.at("text");
        // Command-line arguments cannot hold NUL; a few cases per tokenizer are enough here
        // (the library test checks every case).
        if (c.contains("hex") || text.find('\0') != std::string::npos || text.empty() || text[0] == '-')
            continue;
        // Each run loads the tokenizer afresh, so only a sample of hard cases goes through the CLI.
        static const std::set<std::string> kSample{"hello-world",     "cjk-mixed-latin", "emoji-zwj-family",
                                                   "emoji-skin-tones", "contractions-mixed", "digits-in-text",
                                                   "code-python",     "nfd-cafe",        "spaces-between-7"};
        const std::string id = c.at("id");
        if (!kSample.count(id))
            continue;
        const auto r = runLlmos({"tokenize", "--tokenizer", path, "--text", text, "--json"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        EXPECT_EQ(json::parse(r.out).at("ids"), c.at("ids")) << GetParam() << " case " << id;
        ++checked;
    }
    EXPECT_GE(checked, 5);
}

INSTANTIATE_TEST_SUITE_P(Real, CliTokenize, ::testing::Values("gpt2", "llama3", "llama2", "qwen3", "bert-base-uncased"),
                         [](const auto &info) {
                             std::string n = info.param;
                             std::replace(n.begin(), n.end(), '-', '_');
                             return n;
                         });

TEST(Cli, DetokenizeRoundTripsAndRejectsBadIds)
{
    const auto ref = reference("llama3");
    const std::string path = std::string(LLMOS_TOKENIZER_FIXTURES_DIR) + "/" + ref.at("tokenizer_json").get<std::string>();
    const auto t = runLlmos({"tokenize", "--tokenizer", path, "--text", "Hello, 世界! 👋🏽", "--no-special", "--json"});
    ASSERT_EQ(t.exitCode, 0) << t.err;
    std::string ids;
    const json tokenized = json::parse(t.out);
    for (const auto &id : tokenized.at("ids"))
        ids += (ids.empty() ? "" : ",") + std::to_string(id.get<int>());
    ASSERT_FALSE(ids.empty()) << t.out;
    const auto d = runLlmos({"detokenize", "--tokenizer", path, "--ids", ids, "--json"});
    ASSERT_EQ(d.exitCode, 0) << d.err;
    EXPECT_EQ(json::parse(d.out).at("text").get<std::string>(), "Hello, 世界! 👋🏽") << d.out;

    const auto bad = runLlmos({"detokenize", "--tokenizer", path, "--ids", "1,-5"});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_NE(bad.err.find("-5"), std::string::npos) << bad.err;
    const auto garbage = runLlmos({"detokenize", "--tokenizer", path, "--ids", "1,x"});
    EXPECT_EQ(garbage.exitCode, 2);
}

TEST(Cli, ScoreGivesTheReferenceLogprobsOfTinyModels)
{
    // Tiny random models in Hugging Face layout and their log-probabilities, from the
    // independent PyTorch implementation in tests/tools/reference/torch_reference.py.
    TempDir dir;
    const json expected = torchReference(dir);
    ASSERT_FALSE(expected.is_null());
    int checked = 0;
    for (const auto &model : expected.at("models")) {
        const auto &sequence = model.at("sequences").at(0);
        std::string ids;
        for (const auto &id : sequence.at("ids"))
            ids += (ids.empty() ? "" : ",") + std::to_string(id.get<int>());
        const auto r = runLlmos({"score", "--model", dir.file(model.at("folder").get<std::string>()), "--ids", ids, "--json"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        const json got = json::parse(r.out);
        ASSERT_EQ(got.at("logprobs").size(), sequence.at("logprobs").size());
        for (std::size_t i = 0; i < got.at("logprobs").size(); ++i)
            EXPECT_NEAR(got.at("logprobs")[i].get<double>(), sequence.at("logprobs")[i].get<double>(), 1e-4)
                << model.at("name") << " token " << i;
        EXPECT_NEAR(got.at("perplexity").get<double>(), sequence.at("perplexity").get<double>(),
                    1e-4 * sequence.at("perplexity").get<double>());
        ++checked;
    }
    EXPECT_GE(checked, 5);

    const auto bad = runLlmos({"score", "--model", dir.file("gpt2"), "--ids", "1,100000"});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_NE(bad.err.find("100000"), std::string::npos) << bad.err;
    EXPECT_EQ(runLlmos({"score", "--model", dir.file("gpt2")}).exitCode, 2);
}

// The BERT encoders of torch_reference.py ("encoders" in expected.json) through `llmos
// embed` and `llmos classify`: the folders carry a WordPiece tokenizer.json, so the CLI
// tokenizes the text itself and must land on the reference computed from the reference's
// own tokenization.
TEST(Cli, EmbedAndClassifyGiveTheReferenceOutputsOfTinyBerts)
{
    TempDir dir;
    const json expected = torchReference(dir);
    ASSERT_FALSE(expected.is_null());
    auto encoder = [&](const std::string &name) {
        for (const auto &e : expected.at("encoders"))
            if (e.at("name") == name)
                return e;
        throw std::runtime_error("no encoder " + name);
    };
    auto expectClose = [](const json &got, const json &want, const std::string &what) {
        ASSERT_EQ(got.size(), want.size()) << what;
        for (std::size_t i = 0; i < want.size(); ++i)
            EXPECT_NEAR(got[i].get<double>(), want[i].get<double>(), 1e-4) << what << " value " << i;
    };

    // A sentence-transformers folder: normalized mean pooling by default.
    const auto sentence = encoder("bert-sentence");
    const auto model = dir.file("bert-sentence");
    const auto &first = sentence.at("texts")[0];
    const auto text = first.at("text").get<std::string>();
    auto r = runLlmos({"embed", "--model", model, "--text", text, "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    json got = json::parse(r.out);
    expectClose(got.at("embedding"), first.at("mean_normalized"), "default embedding");
    EXPECT_EQ(got.at("tokens").get<std::size_t>(), first.at("ids").size());
    EXPECT_EQ(got.at("truncated"), false);

    r = runLlmos({"embed", "--model", model, "--text", text, "--pooling", "cls", "--no-normalize", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    expectClose(json::parse(r.out).at("embedding"), first.at("cls"), "cls embedding");

    // Several texts: one padded batch, "embeddings" in order; the long one is truncated.
    const auto &second = sentence.at("texts")[1];
    const auto &long_ = sentence.at("texts")[2];
    r = runLlmos({"embed", "--model", model, "--text", second.at("text").get<std::string>(), "--text", text, "--text",
                  long_.at("text").get<std::string>(),
                  "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    got = json::parse(r.out);
    ASSERT_EQ(got.at("embeddings").size(), 3u);
    expectClose(got.at("embeddings")[0], second.at("mean_normalized"), "batch text 1");
    expectClose(got.at("embeddings")[1], first.at("mean_normalized"), "batch text 2");
    expectClose(got.at("embeddings")[2], long_.at("mean_normalized"), "batch text 3 (truncated)");
    EXPECT_EQ(got.at("truncated"), json::array({false, false, true}));

    // Human output: the dimension and the norm.
    r = runLlmos({"embed", "--model", model, "--text", text});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("32"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1.0000"), std::string::npos) << r.out;

    EXPECT_EQ(runLlmos({"embed", "--model", model, "--text", text, "--pooling", "max"}).exitCode, 2);
    EXPECT_EQ(runLlmos({"embed", "--model", model}).exitCode, 2);
    const auto missing = runLlmos({"embed", "--model", dir.file("no-such-model"), "--text", text});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_NE(missing.err.find("no-such-model"), std::string::npos) << missing.err;
    // A causal LM is not an encoder.
    EXPECT_EQ(runLlmos({"embed", "--model", dir.file("gpt2"), "--text", text}).exitCode, 1);

    // Classification: the label with the highest reference probability, every label named.
    const auto classifier = encoder("bert-classifier");
    const auto &sample = classifier.at("texts")[1];
    r = runLlmos({"classify", "--model", dir.file("bert-classifier"), "--text", sample.at("text").get<std::string>(),
                  "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    got = json::parse(r.out);
    const auto labels = classifier.at("labels");
    const auto want = sample.at("probabilities");
    std::size_t best = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        EXPECT_NEAR(got.at("probabilities").at(labels[i].get<std::string>()).get<double>(), want[i].get<double>(), 1e-4)
            << labels[i];
        if (want[i].get<double>() > want[best].get<double>())
            best = i;
    }
    EXPECT_EQ(got.at("label"), labels[best]);
    EXPECT_EQ(runLlmos({"classify", "--model", model, "--text", text}).exitCode, 1); // no classifier head
}
