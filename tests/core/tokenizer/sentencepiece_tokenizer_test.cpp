// SentencePiece tokenizer.model support, with a tiny model trained here, plus the
// committed fixture that sentencepiece_torch_test uses. This binary links
// libsentencepiece (for the trainer) but not libtorch; our tokenizer reaches
// libsentencepiece through libllmos_sentencepiece.so all the same.

#include "spmfixture.h"
#include "tempdir.h"
#include "tokenizer/loadtokenizer.h"
#include "util/error.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace llmos;

namespace {

// A 300-piece BPE model (256 of them byte pieces) with byte fallback, trained on a small
// generated text; writes <prefix>.model and <prefix>.vocab. extra: more trainer flags.
void trainTinyModel(const test::TempDir &dir, const std::string &prefix, const std::string &extra = {})
{
    std::string text;
    const char *words[] = {"hello", "world", "token", "piece", "model", "the", "quick", "brown", "fox", "jumps"};
    for (int i = 0; i < 2000; ++i) text += std::string(words[i % 10]) + (i % 7 == 0 ? "\n" : " ") + words[(i * 3) % 10] + " ";
    const std::string corpus = dir.write("corpus.txt", text);
    const auto status = sentencepiece::SentencePieceTrainer::Train(
        "--input=" + corpus + " --model_prefix=" + prefix +
        " --vocab_size=300 --model_type=bpe --byte_fallback=true --character_coverage=1.0 --minloglevel=2" + extra);
    if (!status.ok()) throw std::runtime_error(status.ToString());
}

// Trains once per test binary.
const std::string &trainedModelDir()
{
    static test::TempDir dir;
    static const std::string path = [] {
        trainTinyModel(dir, dir.file("tokenizer"));
        return dir.path();
    }();
    return path;
}

} // namespace

TEST(SentencePieceTokenizer, MatchesTheLibraryAndAddsBos)
{
    const std::string dir = trainedModelDir();
    sentencepiece::SentencePieceProcessor sp;
    ASSERT_TRUE(sp.Load(dir + "/tokenizer.model").ok());

    const auto t = loadTokenizer(dir); // a folder with only tokenizer.model
    const std::string text = "hello world, the quick fox \xE4\xB8\xAD";
    std::vector<int> expected;
    ASSERT_TRUE(sp.Encode(text, &expected).ok());
    const std::vector<std::int32_t> plain = t->encode(text, false);
    EXPECT_EQ(plain, std::vector<std::int32_t>(expected.begin(), expected.end()));

    const std::vector<std::int32_t> withBos = t->encode(text, true);
    ASSERT_EQ(withBos.size(), plain.size() + 1);
    EXPECT_EQ(withBos.front(), sp.bos_id());
    EXPECT_EQ(t->specialTokens().bos, sp.bos_id());
    EXPECT_EQ(t->specialTokens().eos, sp.eos_id());
    EXPECT_EQ(t->vocabSize(), 300u);

    EXPECT_EQ(t->decode(plain), text); // byte fallback brings 中 back
    EXPECT_EQ(t->decode(withBos, true), text);
    EXPECT_EQ(t->decode(withBos, false), "<s>" + text);
    EXPECT_THROW(t->decode(std::vector<std::int32_t>{300}), Error);
    EXPECT_EQ(t->tokenToId("<s>"), sp.bos_id());
    EXPECT_EQ(t->tokenToId("no-such-piece"), std::nullopt);
    EXPECT_NO_THROW(t->encode("\xFF\xFE invalid"));
}

TEST(SentencePieceTokenizer, ConfigAddsTokensAndEos)
{
    test::TempDir dir;
    std::ifstream model(trainedModelDir() + "/tokenizer.model", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(model)), std::istreambuf_iterator<char>());
    dir.write("tokenizer.model", bytes);
    dir.write("tokenizer_config.json", R"({"add_bos_token": false, "add_eos_token": true,
        "added_tokens_decoder": {"300": {"content": "<|im_end|>", "special": true, "normalized": false,
                                         "lstrip": false, "rstrip": false, "single_word": false}}})");
    const auto t = loadTokenizer(dir.path());
    const auto ids = t->encode("hello<|im_end|>");
    ASSERT_GE(ids.size(), 3u);
    EXPECT_EQ(ids[ids.size() - 2], 300);
    EXPECT_EQ(ids.back(), *t->specialTokens().eos);
    EXPECT_EQ(t->vocabSize(), 301u);
    EXPECT_EQ(t->decode(ids, true), "hello");
}

TEST(SentencePieceTokenizer, GarbageModelIsAFormatError)
{
    test::TempDir dir;
    const std::string path = dir.write("tokenizer.model", std::string("\x08\x96\x01not a model", 14));
    try {
        loadTokenizer(path);
        FAIL() << "expected an error";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::Format) << e.what();
    }
}

TEST(LoadTokenizer, FolderWithoutTokenizerIsNotFound)
{
    test::TempDir dir;
    try {
        loadTokenizer(dir.path());
        FAIL() << "expected an error";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::NotFound) << e.what();
    }
}

// The committed fixture and the values in spmfixture.h agree with libsentencepiece.
TEST(SentencePieceFixture, MatchesTheLibrary)
{
    sentencepiece::SentencePieceProcessor sp;
    ASSERT_TRUE(sp.Load(test::spm::kModelPath).ok()) << test::spm::kModelPath;
    std::vector<int> ids;
    ASSERT_TRUE(sp.Encode(test::spm::kText, &ids).ok());
    EXPECT_EQ(std::vector<std::int32_t>(ids.begin(), ids.end()), test::spm::kIds);
    std::string text;
    ASSERT_TRUE(sp.Decode(ids, &text).ok());
    EXPECT_EQ(text, test::spm::kText);
    EXPECT_EQ(sp.bos_id(), test::spm::kBos);
    EXPECT_EQ(sp.eos_id(), test::spm::kEos);
    EXPECT_EQ(sp.unk_id(), test::spm::kUnk);
    EXPECT_EQ(static_cast<std::size_t>(sp.GetPieceSize()), test::spm::kPieceCount);

    const auto t = loadTokenizer(test::spm::kModelPath);
    EXPECT_EQ(t->encode(test::spm::kText, false), test::spm::kIds);
}

// Rewrites the fixture (see tests/data/tokenizer/spm/README.md):
//   sentencepiece_tokenizer_test --gtest_also_run_disabled_tests --gtest_filter='*WriteFixture*'
TEST(SentencePieceFixture, DISABLED_WriteFixture)
{
    test::TempDir dir;
    // The identity normalizer leaves out NFKC's 237 KB character map.
    trainTinyModel(dir, dir.file("tokenizer"), " --normalization_rule_name=identity");
    std::filesystem::copy_file(dir.file("tokenizer.model"), test::spm::kModelPath,
                               std::filesystem::copy_options::overwrite_existing);
}
