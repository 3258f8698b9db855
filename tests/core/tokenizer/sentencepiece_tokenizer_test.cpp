// SentencePiece tokenizer.model support, with a tiny model trained here (no fixture).

#include "tempdir.h"
#include "tokenizer/loadtokenizer.h"
#include "util/error.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <gtest/gtest.h>

#include <fstream>

using namespace llmos;

namespace {

// Trains once per test binary: a 300-piece BPE model (256 of them byte pieces) with byte fallback on a small
// generated text.
const std::string &trainedModelDir()
{
    static test::TempDir dir;
    static const std::string path = [] {
        std::string text;
        const char *words[] = {"hello", "world", "token", "piece", "model", "the", "quick", "brown", "fox", "jumps"};
        for (int i = 0; i < 2000; ++i) text += std::string(words[i % 10]) + (i % 7 == 0 ? "\n" : " ") + words[(i * 3) % 10] + " ";
        const std::string corpus = dir.write("corpus.txt", text);
        const auto status = sentencepiece::SentencePieceTrainer::Train(
            "--input=" + corpus + " --model_prefix=" + dir.file("tokenizer") +
            " --vocab_size=300 --model_type=bpe --byte_fallback=true --character_coverage=1.0 --minloglevel=2");
        if (!status.ok()) throw std::runtime_error(status.ToString());
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
