// Byte-level BPE training: merges a person can compute by hand, the written folder
// loading in our tokenizer and round-tripping text, special tokens, determinism,
// cancellation and the refusals. The comparison with Hugging Face's own library is in
// bpe_trainer_reference_test.cpp.

#include "bpetrainingcorpus.h"
#include "errorof.h"
#include "tempdir.h"

#include "tokenizer/bpetokenizerfiles.h"
#include "tokenizer/bpetokenizerjson.h"
#include "tokenizer/bpetrainer.h"
#include "tokenizer/loadtokenizer.h"
#include "tokenizer/textcorpus.h"
#include "tokenizer/utf8.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <stop_token>

using namespace llmos;
using namespace llmos::test;
using nlohmann::json;

namespace {

// The merges as "left right" strings in byte-level spelling.
std::vector<std::string> mergeStrings(const TrainedBpe &trained)
{
    std::vector<std::string> out;
    for (const auto &[left, right] : trained.merges)
        out.push_back(trained.tokens[static_cast<std::size_t>(left)] + " " +
                      trained.tokens[static_cast<std::size_t>(right)]);
    return out;
}

BpeTrainer trainerOn(const std::vector<std::string> &documents, BpeTrainerOptions options)
{
    BpeTrainer trainer(std::move(options));
    for (const auto &document : documents)
        trainer.addDocument(document);
    return trainer;
}

BpeTrainerOptions demoOptions(std::size_t vocabSize = 400)
{
    BpeTrainerOptions options;
    options.vocabSize = vocabSize;
    options.specialTokens = {"<|endoftext|>", "<|pad|>"};
    return options;
}

BpeTokenizerFileOptions demoRoles()
{
    BpeTokenizerFileOptions roles;
    roles.bosToken = "<|endoftext|>";
    roles.eosToken = "<|endoftext|>";
    roles.padToken = "<|pad|>";
    roles.modelMaxLength = 256;
    return roles;
}

} // namespace

// Words ab x3, abc x2, bcd x1: (a,b) 5 -> "ab"; then (ab,c) 2 -> "abc"; then (b,c) and
// (c,d) both 1: the smaller pair (b,c) wins the tie -> "bc"; then (bc,d) -> "bcd".
TEST(BpeTrainer, LearnsTheMergesComputedByHand)
{
    BpeTrainerOptions options;
    options.vocabSize = 100'000;
    const auto trained = trainerOn({"ab", "ab", "ab", "abc", "abc", "bcd"}, options).train();
    EXPECT_EQ(mergeStrings(trained), (std::vector<std::string>{"a b", "ab c", "b c", "bc d"}));
    ASSERT_EQ(trained.tokens.size(), 256u + 4u);
    EXPECT_EQ(trained.tokens[256], "ab");
    EXPECT_EQ(trained.tokens[257], "abc");
    EXPECT_EQ(trained.tokens[258], "bc");
    EXPECT_EQ(trained.tokens[259], "bcd");
    // Ids are by code point of the byte symbols: '!' (0x21) first, as in GPT-2.
    EXPECT_EQ(trained.tokens[0], "!");
    EXPECT_EQ(trained.tokens['a' - '!'], "a");
    EXPECT_EQ(trained.tokens[188], "\xC4\x80"); // U+0100 stands for byte 0
}

TEST(BpeTrainer, StopsAtTheVocabularySizeAndTheMinimumFrequency)
{
    const std::vector<std::string> documents{"ab", "ab", "ab", "abc", "abc", "bcd"};
    BpeTrainerOptions small;
    small.vocabSize = 258;
    EXPECT_EQ(mergeStrings(trainerOn(documents, small).train()), (std::vector<std::string>{"a b", "ab c"}));
    BpeTrainerOptions frequent;
    frequent.vocabSize = 1000;
    frequent.minFrequency = 2;
    EXPECT_EQ(mergeStrings(trainerOn(documents, frequent).train()), (std::vector<std::string>{"a b", "ab c"}));
}

TEST(BpeTrainer, SpecialTokensComeFirstAndNeverMerge)
{
    BpeTrainerOptions options;
    options.vocabSize = 1000;
    options.specialTokens = {"<|endoftext|>", "<|pad|>"};
    const auto trained = trainerOn({"ab ab ab"}, options).train();
    EXPECT_EQ(trained.specialCount, 2u);
    EXPECT_EQ(trained.tokens[0], "<|endoftext|>");
    EXPECT_EQ(trained.tokens[1], "<|pad|>");
    EXPECT_EQ(trained.tokens[2], "!");
    // "ab", then "Ġab" (Ġ is the byte-level space).
    EXPECT_EQ(mergeStrings(trained), (std::vector<std::string>{"a b", "Ġ ab"}));
}

TEST(BpeTrainer, MaxTokenLengthLimitsMerges)
{
    BpeTrainerOptions options;
    options.vocabSize = 1000;
    options.maxTokenLength = 2;
    const auto trained = trainerOn({"abcd", "abcd"}, options).train();
    for (std::size_t id = 256; id < trained.tokens.size(); ++id)
        EXPECT_LE(trained.tokens[id].size(), 2u) << trained.tokens[id];
    EXPECT_EQ(mergeStrings(trained), (std::vector<std::string>{"a b", "c d"}));
}

TEST(BpeTrainer, TooSmallAVocabularyIsRefusedClearly)
{
    BpeTrainerOptions options;
    options.vocabSize = 257;
    options.specialTokens = {"<|endoftext|>", "<|pad|>"};
    const Error e = errorOf([&] { BpeTrainer trainer(options); });
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
    EXPECT_NE(e.detail().find("choose at least 258"), std::string::npos) << e.detail();
}

TEST(BpeTrainer, BadOptionsAreRefused)
{
    BpeTrainerOptions repeated;
    repeated.specialTokens = {"<s>", "<s>"};
    EXPECT_EQ(errorOf([&] { BpeTrainer t(repeated); }).kind(), ErrorKind::InvalidInput);
    BpeTrainerOptions empty;
    empty.specialTokens = {""};
    EXPECT_EQ(errorOf([&] { BpeTrainer t(empty); }).kind(), ErrorKind::InvalidInput);
    BpeTrainerOptions badRegex;
    badRegex.splitPattern = "(unclosed";
    EXPECT_EQ(errorOf([&] { BpeTrainer t(badRegex); }).kind(), ErrorKind::InvalidInput);
    BpeTrainerOptions oneByte;
    oneByte.maxTokenLength = 1;
    EXPECT_EQ(errorOf([&] { BpeTrainer t(oneByte); }).kind(), ErrorKind::InvalidInput);
}

TEST(BpeTrainer, AnEmptyCorpusIsRefused)
{
    const BpeTrainer none(demoOptions());
    const Error e = errorOf([&] { none.train(); });
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
    EXPECT_NE(e.detail().find("empty"), std::string::npos) << e.detail();

    const auto blank = trainerOn({"", ""}, demoOptions());
    const Error f = errorOf([&] { blank.train(); });
    EXPECT_EQ(f.kind(), ErrorKind::InvalidInput);
    EXPECT_NE(f.detail().find("no text"), std::string::npos) << f.detail();
}

TEST(BpeTrainer, CancelsWhenAsked)
{
    const auto trainer = trainerOn(trainingDocuments(), demoOptions());
    std::stop_source before;
    before.request_stop();
    EXPECT_EQ(errorOf([&] { trainer.train({}, before.get_token()); }).kind(), ErrorKind::Cancelled);

    // Stopped from the progress callback, as the CLI does on Ctrl-C.
    std::stop_source during;
    int calls = 0;
    const Error e = errorOf([&] {
        trainer.train(
            [&](double) {
                ++calls;
                during.request_stop();
            },
            during.get_token());
    });
    EXPECT_EQ(e.kind(), ErrorKind::Cancelled);
    EXPECT_EQ(calls, 1);
}

TEST(BpeTrainer, ReportsProgressUpToOne)
{
    const auto trainer = trainerOn(trainingDocuments(), demoOptions());
    std::vector<double> seen;
    trainer.train([&](double fraction) { seen.push_back(fraction); });
    ASSERT_FALSE(seen.empty());
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_DOUBLE_EQ(seen.back(), 1.0);
}

TEST(BpeTrainer, TwoTrainingsWriteTheSameBytes)
{
    TempDir dir;
    for (const char *name : {"one", "two"}) {
        auto documents = trainingDocuments();
        if (std::string(name) == "two") // the order documents come in does not matter
            std::reverse(documents.begin(), documents.end());
        writeBpeTokenizerFiles(trainerOn(documents, demoOptions()).train(), demoRoles(), dir.file(name));
    }
    for (const char *file : {"tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"})
        EXPECT_EQ(readFile(dir.file(std::string("one/") + file)), readFile(dir.file(std::string("two/") + file)))
            << file;
}

TEST(BpeTrainer, WrittenFolderLoadsAndRoundTripsText)
{
    TempDir dir;
    const auto trained = trainerOn(trainingDocuments(), demoOptions()).train();
    ASSERT_EQ(trained.tokens.size(), 400u);
    writeBpeTokenizerFiles(trained, demoRoles(), dir.path());
    const auto tokenizer = loadTokenizer(dir.path());
    EXPECT_EQ(tokenizer->vocabSize(), 400u);
    EXPECT_EQ(tokenizer->specialTokens().eos, 0);
    EXPECT_EQ(tokenizer->specialTokens().bos, 0);
    EXPECT_EQ(tokenizer->specialTokens().pad, 1);
    EXPECT_TRUE(tokenizer->isSpecial(0));
    EXPECT_TRUE(tokenizer->isSpecial(1));
    EXPECT_FALSE(tokenizer->isSpecial(2));

    for (const std::string &text : heldOutTexts()) {
        const auto ids = tokenizer->encode(text, true);
        EXPECT_EQ(tokenizer->decode(ids), text) << text;
    }
    // Invalid UTF-8 comes back as U+FFFD, as the tokenizers do everywhere.
    const std::string invalid = "bad \xC3\x28 and \xFF\xFE bytes \xE2\x82";
    EXPECT_EQ(tokenizer->decode(tokenizer->encode(invalid)), utf8::sanitize(invalid));

    // Specials are single tokens in text; learned words take fewer tokens than bytes.
    EXPECT_EQ(tokenizer->encode("<|endoftext|>"), (std::vector<std::int32_t>{0}));
    EXPECT_EQ(tokenizer->encode("<|pad|><|endoftext|>"), (std::vector<std::int32_t>{1, 0}));
    const std::string learned = "the bird is the worm";
    EXPECT_LT(tokenizer->encode(learned).size(), learned.size() / 2);
    const std::string poem = "床前明月光";
    EXPECT_LT(tokenizer->encode(poem).size(), poem.size() * 2 / 3);
}

TEST(BpeTrainer, ConfigFilesNameTheRoles)
{
    TempDir dir;
    const auto trained = trainerOn(trainingDocuments(), demoOptions()).train();
    writeBpeTokenizerFiles(trained, demoRoles(), dir.path());
    const json config = json::parse(readFile(dir.file("tokenizer_config.json")));
    EXPECT_EQ(config.at("eos_token"), "<|endoftext|>");
    EXPECT_EQ(config.at("pad_token"), "<|pad|>");
    EXPECT_TRUE(config.at("unk_token").is_null());
    EXPECT_EQ(config.at("model_max_length"), 256);
    EXPECT_FALSE(config.contains("chat_template"));
    EXPECT_EQ(config.at("added_tokens_decoder").at("1").at("content"), "<|pad|>");
    EXPECT_TRUE(config.at("added_tokens_decoder").at("1").at("special").get<bool>());
    const json map = json::parse(readFile(dir.file("special_tokens_map.json")));
    EXPECT_EQ(map, json({{"bos_token", "<|endoftext|>"}, {"eos_token", "<|endoftext|>"}, {"pad_token", "<|pad|>"}}));
    const json document = json::parse(readFile(dir.file("tokenizer.json")));
    EXPECT_EQ(document.at("model").at("type"), "BPE");
    EXPECT_EQ(document.at("pre_tokenizer").at("type"), "ByteLevel");
    EXPECT_EQ(document.at("added_tokens").size(), 2u);

    BpeTokenizerFileOptions wrongRole = demoRoles();
    wrongRole.unkToken = "<unk>";
    const Error e = errorOf([&] { writeBpeTokenizerFiles(trained, wrongRole, dir.file("other")); });
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
    EXPECT_FALSE(std::filesystem::exists(dir.file("other/tokenizer.json")));
}

TEST(BpeTrainer, OtherSplitPatternsWriteSplitThenByteLevel)
{
    BpeTrainerOptions options = demoOptions();
    options.splitPattern = R"(\p{N}{1,3}| ?\p{L}+| ?[^\s\p{L}\p{N}]+|\s+)";
    const auto trained = trainerOn(trainingDocuments(), options).train();
    const json document = json::parse(bpeTokenizerJson(trained));
    EXPECT_EQ(document.at("pre_tokenizer").at("type"), "Sequence");
    const auto tokenizer = loadTokenizerJson(bpeTokenizerJson(trained));
    for (const std::string &text : heldOutTexts())
        EXPECT_EQ(tokenizer->decode(tokenizer->encode(text)), text) << text;
    // Digits go in threes: no token holds four.
    for (const std::int32_t id : tokenizer->encode("1234567"))
        EXPECT_LE(tokenizer->idToToken(id).size(), 3u);
}

TEST(TextCorpus, ReadsFortuneFilesAsSayings)
{
    TempDir dir;
    dir.write("fortunes/computers", "First saying\nover two lines.\n%\nSecond saying.\n%\n%\n   \n%\nLast, no end");
    dir.write("fortunes/computers.dat", std::string("\x00\x00\x00\x02 index", 12));
    dir.write("fortunes/tang300", "\x1b[32m\xE3\x80\x8A\xE6\x98\xA5\xE6\x99\x93\xE3\x80\x8B\x1b[m\nline\n%\n");
    dir.write("fortunes/off/rot13", "Gur fnlvat.\n%\n");
    dir.write("fortunes/.hidden", "not read\n");
    std::filesystem::create_symlink(dir.file("fortunes/computers"), dir.file("fortunes/computers.u8"));
    const TextCorpus corpus({dir.file("fortunes")}, CorpusFormat::Fortune);
    EXPECT_EQ(corpus.files().size(), 2u);
    std::vector<std::string> documents;
    corpus.forEachDocument([&](std::string_view d) { documents.emplace_back(d); });
    EXPECT_EQ(documents, (std::vector<std::string>{"First saying\nover two lines.\n", "Second saying.\n", "Last, no end",
                                                   "\xE3\x80\x8A\xE6\x98\xA5\xE6\x99\x93\xE3\x80\x8B\nline\n"}));
}

TEST(TextCorpus, PlainFilesComeInPiecesThatEndAtLineEnds)
{
    TempDir dir;
    std::string big;
    while (big.size() < 3u << 20)
        big += "a line of plain text, 春眠不觉晓\n";
    dir.write("big.txt", big);
    const TextCorpus corpus({dir.file("big.txt")}, CorpusFormat::Plain);
    std::string joined;
    std::size_t pieces = 0;
    std::uint64_t lastRead = 0;
    corpus.forEachDocument(
        [&](std::string_view d) {
            ++pieces;
            EXPECT_EQ(d.back(), '\n');
            EXPECT_LE(d.size(), (1u << 20) + 64);
            joined.append(d);
        },
        [&](std::uint64_t read, std::uint64_t total) {
            lastRead = read;
            EXPECT_EQ(total, big.size());
        });
    EXPECT_EQ(joined, big);
    EXPECT_GE(pieces, 3u);
    EXPECT_EQ(lastRead, big.size());
}

TEST(TextCorpus, MissingInputsAndCancellation)
{
    EXPECT_EQ(errorOf([] { TextCorpus({"/nonexistent/corpus"}, CorpusFormat::Plain); }).kind(), ErrorKind::NotFound);
    EXPECT_EQ(errorOf([] { TextCorpus({}, CorpusFormat::Plain); }).kind(), ErrorKind::InvalidInput);
    TempDir dir;
    std::filesystem::create_directories(dir.file("empty"));
    EXPECT_EQ(errorOf([&] { TextCorpus({dir.file("empty")}, CorpusFormat::Plain); }).kind(), ErrorKind::NotFound);
    EXPECT_EQ(errorOf([] { TextCorpus::formatNamed("csv"); }).kind(), ErrorKind::InvalidInput);

    dir.write("a.txt", "text\n");
    const TextCorpus corpus({dir.file("a.txt")}, CorpusFormat::Plain);
    std::stop_source stop;
    stop.request_stop();
    BpeTrainer trainer(demoOptions());
    EXPECT_EQ(errorOf([&] { trainer.addCorpus(corpus, {}, stop.get_token()); }).kind(), ErrorKind::Cancelled);
}
