// One behaviour of each tokenizer component, checked through a tiny tokenizer.json.

#include "tokenizerdocs.h"

#include "tokenizer/utf8.h"
#include "util/error.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace llmos;
using namespace llmos::test;
using nlohmann::json;

namespace {

const std::vector<std::string> kAbc = {"a", "b", "c", "ab", "abc", "bc"};

} // namespace

TEST(BpeModel, AppliesStringMerges)
{
    const auto t = load(tokenizerDoc(bpeModel(kAbc, json::array({"a b", "ab c"}))));
    EXPECT_EQ(t->encode("abcab"), (Ids{4, 3}));
    EXPECT_EQ(t->encode(""), Ids{});
}

TEST(BpeModel, AppliesPairMerges)
{
    const auto t = load(tokenizerDoc(bpeModel(kAbc, json::array({json::array({"a", "b"}), json::array({"ab", "c"})}))));
    EXPECT_EQ(t->encode("abcab"), (Ids{4, 3}));
}

// The loader reads vocab and merges straight from the text: escaped strings, both
// merge forms, a merges.txt header line, and a repeated pair (the later rank wins).
TEST(BpeModel, LoadsEscapedTokensAndMixedMergeForms)
{
    const std::string text = R"({"model": {"type": "BPE",
        "vocab": {"a": 0, "b": 1, "ab": 2, "\u0120": 3, "\u0120ab": 4, "c": 5, "bc": 6, "\"q\\": 7},
        "merges": ["#version: 0.2", ["a", "b"], "\u0120 ab", "b c", ["a", "b"]]}})";
    const auto t = loadTokenizerJson(text);
    EXPECT_EQ(t->encode("\xC4\xA0" "ab"), Ids{4});
    // "a b" is repeated last, so "b c" (rank 2) now comes first.
    EXPECT_EQ(t->encode("abc"), (Ids{0, 6}));
    EXPECT_EQ(t->tokenToId("\"q\\"), 7);
    EXPECT_EQ(t->idToToken(3), "\xC4\xA0");
    EXPECT_EQ(t->vocabSize(), 8u);
}

// Enough tokens and merges to grow the lookup tables several times over.
TEST(BpeModel, LargeVocabularyRoundTrips)
{
    std::vector<std::string> tokens;
    json merges = json::array();
    for (char x = 'a'; x <= 'z'; ++x) tokens.emplace_back(1, x);
    for (char x = 'a'; x <= 'z'; ++x)
        for (char y = 'a'; y <= 'z'; ++y) {
            tokens.push_back(std::string{x, y});
            merges.push_back(std::string{x} + " " + std::string{y});
        }
    for (char x = 'a'; x <= 'z'; ++x)
        for (char y = 'a'; y <= 'z'; ++y)
            for (char z = 'a'; z <= 'e'; ++z) {
                tokens.push_back(std::string{x, y, z});
                merges.push_back(json::array({std::string{x, y}, std::string{z}}));
            }
    const auto t = load(tokenizerDoc(bpeModel(tokens, merges)));
    ASSERT_EQ(t->vocabSize(), tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        ASSERT_EQ(t->tokenToId(tokens[i]), static_cast<std::int32_t>(i)) << tokens[i];
        ASSERT_EQ(t->idToToken(static_cast<std::int32_t>(i)), tokens[i]);
    }
    EXPECT_FALSE(t->tokenToId("zzzz"));
    const auto find = [&tokens](const std::string &s) {
        return static_cast<std::int32_t>(std::find(tokens.begin(), tokens.end(), s) - tokens.begin());
    };
    // "a b" (rank 0) twice, then "ab c" (a pair merge, ranked after all letter pairs).
    EXPECT_EQ(t->encode("abcab"), (Ids{find("abc"), find("ab")}));
    // "c z" (rank 77) goes before "q r" (433), and "qr cz" is no merge.
    EXPECT_EQ(t->encode("qrczy"), (Ids{find("qr"), find("cz"), find("y")}));
}

TEST(BpeModel, LowerRankMergesFirst)
{
    const auto t = load(tokenizerDoc(bpeModel(kAbc, json::array({"b c", "a b"}))));
    EXPECT_EQ(t->encode("abc"), (Ids{0, 5}));
}

TEST(BpeModel, IgnoreMergesTakesWholeWordFromVocab)
{
    json model = bpeModel(kAbc, json::array({"b c"}));
    EXPECT_EQ(load(tokenizerDoc(model))->encode("abc"), (Ids{0, 5}));
    model["ignore_merges"] = true;
    EXPECT_EQ(load(tokenizerDoc(model))->encode("abc"), (Ids{4}));
    EXPECT_EQ(load(tokenizerDoc(model))->encode("abcabc"), (Ids{0, 5, 0, 5})); // not in vocab: merges apply
}

TEST(BpeModel, ByteFallbackAndDecode)
{
    json model = byteFallbackBpeModel({"<unk>", "a"});
    const json decoder = {{"type", "Sequence"},
                          {"decoders", json::array({{{"type", "ByteFallback"}}, {{"type", "Fuse"}}})}};
    const auto t = load(tokenizerDoc(model, {{"decoder", decoder}}));
    const Ids ids = t->encode("a\xC3\xA9");
    EXPECT_EQ(ids, (Ids{1, 2 + 0xC3, 2 + 0xA9}));
    EXPECT_EQ(t->decode(ids), "a\xC3\xA9");
    // A lone continuation byte decodes to one U+FFFD per byte, as the Rust ByteFallback does.
    EXPECT_EQ(t->decode(Ids{1, 2 + 0xA9, 2 + 0xA9}), "a\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(BpeModel, UnknownCharactersFuseIntoOneUnk)
{
    json model = bpeModel({"<unk>", "a"}, json::array());
    model["unk_token"] = "<unk>";
    EXPECT_EQ(load(tokenizerDoc(model))->encode("xya"), (Ids{0, 0, 1}));
    model["fuse_unk"] = true;
    EXPECT_EQ(load(tokenizerDoc(model))->encode("xya"), (Ids{0, 1}));
    model.erase("unk_token");
    model["fuse_unk"] = false;
    EXPECT_EQ(load(tokenizerDoc(model))->encode("xya"), (Ids{1})); // no unk: dropped, as in the Rust library
}

TEST(BpeModel, ContinuingSubwordPrefixAndSuffix)
{
    json model = bpeModel({"a", "##b", "ab", "c</w>", "##c</w>", "abc</w>"}, json::array({"a ##b", "ab ##c</w>"}));
    model["continuing_subword_prefix"] = "##";
    model["end_of_word_suffix"] = "</w>";
    EXPECT_EQ(load(tokenizerDoc(model))->encode("abc"), (Ids{5}));
}

TEST(SplitPreTokenizer, Behaviours)
{
    auto split = [](const std::string &behavior, bool invert, const json &pattern, const std::vector<std::string> &words,
                    const std::string &text) {
        const json pre = {{"type", "Split"}, {"pattern", pattern}, {"behavior", behavior}, {"invert", invert}};
        return load(tokenizerDoc(wordLevelModel(words), {{"pre_tokenizer", pre}}))->encode(text);
    };
    const json dash = {{"String", "-"}};
    EXPECT_EQ(split("Isolated", false, dash, {"a", "-", "b"}, "a-b"), (Ids{0, 1, 2}));
    EXPECT_EQ(split("Removed", false, dash, {"a", "b"}, "a--b"), (Ids{0, 1}));
    EXPECT_EQ(split("MergedWithPrevious", false, dash, {"a-", "b-", "c"}, "a-b-c"), (Ids{0, 1, 2}));
    EXPECT_EQ(split("MergedWithNext", false, dash, {"a", "-b", "-c"}, "a-b-c"), (Ids{0, 1, 2}));
    EXPECT_EQ(split("Contiguous", false, dash, {"a", "--", "b"}, "a--b"), (Ids{0, 1, 2}));
    // Removed + invert keeps only what the pattern matches.
    EXPECT_EQ(split("Removed", true, json{{"Regex", "\\d+"}}, {"12", "345"}, "ab12cd345e"), (Ids{0, 1}));
    // A String pattern is literal, not a regex.
    EXPECT_EQ(split("Removed", false, json{{"String", "."}}, {"a", "b"}, "a.b"), (Ids{0, 1}));
}

TEST(MetaspacePreTokenizer, PrependSchemes)
{
    const std::vector<std::string> words = {"<s>", "\xE2\x96\x81hello", "hello", "\xE2\x96\x81world"};
    auto encode = [&](const std::string &scheme, const std::string &text) {
        const json pre = {{"type", "Metaspace"}, {"replacement", "\xE2\x96\x81"}, {"prepend_scheme", scheme}, {"split", true}};
        json doc = tokenizerDoc(wordLevelModel(words), {{"pre_tokenizer", pre}});
        doc["added_tokens"] = json::array({{{"id", 0}, {"content", "<s>"}, {"special", true}, {"normalized", false}}});
        return load(doc)->encode(text);
    };
    EXPECT_EQ(encode("first", "hello world"), (Ids{1, 3}));
    EXPECT_EQ(encode("first", "<s>hello world"), (Ids{0, 2, 3})); // not at the start of the input
    EXPECT_EQ(encode("always", "<s>hello world"), (Ids{0, 1, 3}));
    EXPECT_EQ(encode("never", "hello world"), (Ids{2, 3}));
}

TEST(ByteLevel, RoundTripsAnyText)
{
    // Token b is the byte-to-unicode character of byte b: printable bytes stand for
    // themselves, the others are U+0100 + n in order.
    std::vector<std::string> tokens;
    char32_t extra = 256;
    for (int b = 0; b < 256; ++b) {
        const bool printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
        std::string t;
        utf8::append(t, printable ? static_cast<char32_t>(b) : extra++);
        tokens.push_back(t);
    }
    const json doc = tokenizerDoc(bpeModel(tokens, json::array()),
                                  {{"pre_tokenizer", {{"type", "ByteLevel"}, {"add_prefix_space", false}}},
                                   {"decoder", {{"type", "ByteLevel"}}}});
    const auto t = load(doc);
    const std::string text = "h\xC3\xA9llo  w\xC3\xB6rld\n\t\xE4\xB8\xAD!";
    const Ids ids = t->encode(text);
    ASSERT_EQ(ids.size(), text.size());
    for (std::size_t i = 0; i < text.size(); ++i) EXPECT_EQ(ids[i], static_cast<unsigned char>(text[i]));
    EXPECT_EQ(t->decode(ids), text);
}

TEST(Normalizers, UnicodeFormsAndReplacePrepend)
{
    const json nfc = {{"type", "NFC"}};
    EXPECT_EQ(load(tokenizerDoc(wordLevelModel({"\xC3\xA9"}), {{"normalizer", nfc}}))->encode("e\xCC\x81"), (Ids{0}));
    const json nfkc = {{"type", "NFKC"}};
    EXPECT_EQ(load(tokenizerDoc(wordLevelModel({"fi"}), {{"normalizer", nfkc}}))->encode("\xEF\xAC\x81"), (Ids{0}));
    const json llama2 = {{"type", "Sequence"},
                         {"normalizers", json::array({{{"type", "Prepend"}, {"prepend", "\xE2\x96\x81"}},
                                                      {{"type", "Replace"}, {"pattern", {{"String", " "}}}, {"content", "\xE2\x96\x81"}}})}};
    EXPECT_EQ(load(tokenizerDoc(wordLevelModel({"\xE2\x96\x81" "a" "\xE2\x96\x81" "b"}), {{"normalizer", llama2}}))->encode("a b"),
              (Ids{0}));
    const json lower = {{"type", "Sequence"},
                        {"normalizers", json::array({{{"type", "Lowercase"}}, {{"type", "Strip"}}})}};
    // Lowercase is per character: a final capital sigma becomes σ, not ς.
    EXPECT_EQ(load(tokenizerDoc(wordLevelModel({"\xCE\xBF\xCF\x83"}), {{"normalizer", lower}}))->encode("  \xCE\x9F\xCE\xA3 "), (Ids{0}));
    const json regex = {{"type", "Replace"}, {"pattern", {{"Regex", "\\s+"}}}, {"content", "_"}};
    EXPECT_EQ(load(tokenizerDoc(wordLevelModel({"a_b"}), {{"normalizer", regex}}))->encode("a \t b"), (Ids{0}));
}

TEST(WordPiece, BertPipeline)
{
    const std::vector<std::string> vocab = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##aff", "##able", "hello", ",", "!", "\xE4\xB8\xAD"};
    json doc = tokenizerDoc({{"type", "WordPiece"}, {"vocab", vocabOf(vocab)}, {"unk_token", "[UNK]"},
                             {"continuing_subword_prefix", "##"}, {"max_input_chars_per_word", 100}},
                            {{"normalizer", {{"type", "BertNormalizer"}, {"clean_text", true}, {"handle_chinese_chars", true},
                                             {"strip_accents", nullptr}, {"lowercase", true}}},
                             {"pre_tokenizer", {{"type", "BertPreTokenizer"}}},
                             {"post_processor", {{"type", "BertProcessing"}, {"sep", json::array({"[SEP]", 3})},
                                                 {"cls", json::array({"[CLS]", 2})}}},
                             {"decoder", {{"type", "WordPiece"}, {"prefix", "##"}, {"cleanup", true}}}});
    doc["added_tokens"] = json::array();
    for (int i = 0; i < 4; ++i)
        doc["added_tokens"].push_back({{"id", i}, {"content", vocab[i]}, {"special", true}, {"normalized", false}});
    const auto t = load(doc);
    const Ids ids = t->encode("UnAff\xC3\xA1" "ble, hello!\xE4\xB8\xAD" "xyz");
    EXPECT_EQ(ids, (Ids{2, 4, 5, 6, 8, 7, 9, 10, 1, 3}));
    EXPECT_EQ(t->decode(ids), "[CLS] unaffable, hello! \xE4\xB8\xAD [UNK] [SEP]");
    EXPECT_EQ(t->decode(ids, true), "unaffable, hello! \xE4\xB8\xAD");
    EXPECT_EQ(t->encode("hello", false), (Ids{7}));
    EXPECT_EQ(t->specialTokens().bos, 2);
    EXPECT_EQ(t->specialTokens().eos, 3);
    EXPECT_EQ(t->specialTokens().unk, 1);
}

TEST(WordPiece, OverlongWordIsUnk)
{
    const json doc = tokenizerDoc({{"type", "WordPiece"}, {"vocab", vocabOf({"[UNK]", "a", "##a"})}, {"max_input_chars_per_word", 5}});
    EXPECT_EQ(load(doc)->encode("aaaaa"), (Ids{1, 2, 2, 2, 2}));
    EXPECT_EQ(load(doc)->encode("aaaaaa"), (Ids{0}));
}

TEST(AddedTokens, LstripRstripSingleWord)
{
    auto encode = [](json token, const std::string &text) {
        json doc = tokenizerDoc(wordLevelModel({"a", "a ", "b", " b", "ab"}));
        token["id"] = 6;
        token["content"] = "<m>";
        token["normalized"] = false;
        doc["added_tokens"] = json::array({token});
        return load(doc)->encode(text);
    };
    EXPECT_EQ(encode(json::object(), "a <m> b"), (Ids{1, 6, 3}));
    EXPECT_EQ(encode({{"lstrip", true}}, "a <m> b"), (Ids{0, 6, 3}));
    EXPECT_EQ(encode({{"rstrip", true}}, "a <m> b"), (Ids{1, 6, 2}));
    EXPECT_EQ(encode({{"lstrip", true}, {"rstrip", true}}, "a <m> b"), (Ids{0, 6, 2}));
    EXPECT_EQ(encode({{"single_word", true}}, "a<m>b"), (Ids{5})); // "a<m>b" stays text: <unk> is id 5
}

TEST(AddedTokens, LongestMatchWinsAndSpecialsAreSkipped)
{
    json doc = tokenizerDoc(wordLevelModel({"x"}), {{"post_processor", {{"type", "TemplateProcessing"},
        {"single", json::array({{{"SpecialToken", {{"id", "<s>"}, {"type_id", 0}}}}, {{"Sequence", {{"id", "A"}, {"type_id", 0}}}}})},
        {"pair", json::array()},
        {"special_tokens", {{"<s>", {{"id", "<s>"}, {"ids", json::array({2})}, {"tokens", json::array({"<s>"})}}}}}}}});
    doc["added_tokens"] = json::array({{{"id", 2}, {"content", "<s>"}, {"special", true}, {"normalized", false}},
                                       {{"id", 3}, {"content", "<s><s>"}, {"special", false}, {"normalized", false}}});
    const auto t = load(doc);
    EXPECT_EQ(t->encode("<s><s>x<s>"), (Ids{2, 3, 0, 2}));
    EXPECT_EQ(t->encode("x", false), (Ids{0}));
    EXPECT_EQ(t->specialTokens().bos, 2);
    EXPECT_EQ(t->decode(Ids{2, 3, 0}, true), "<s><s> x"); // no decoder: tokens joined by spaces
    EXPECT_TRUE(t->isSpecial(2));
    EXPECT_FALSE(t->isSpecial(3));
    EXPECT_EQ(t->tokenToId("<s><s>"), 3);
    EXPECT_EQ(t->vocabSize(), 4u);
}

TEST(Decode, InvalidIdsAreErrorsNamingIdAndPosition)
{
    const auto t = load(tokenizerDoc(bpeModel(kAbc, json::array())));
    try {
        t->decode(Ids{0, 1, 6});
        FAIL() << "expected an error";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
        EXPECT_EQ(e.where(), "token ids[2]");
        EXPECT_NE(e.detail().find("token id 6 is outside the vocabulary"), std::string::npos) << e.what();
    }
    EXPECT_THROW(t->decode(Ids{-1}), Error);
    EXPECT_THROW(t->idToToken(100), Error);
    EXPECT_EQ(t->idToToken(3), "ab");
}

TEST(Utf8, InvalidInputBecomesReplacementCharacters)
{
    // maximal subparts: a truncated sequence is one U+FFFD, bytes that can never start
    // or continue a sequence one each.
    const std::string fffd = "\xEF\xBF\xBD";
    EXPECT_EQ(utf8::sanitize("a\xE2\x82" "b"), "a" + fffd + "b");
    EXPECT_EQ(utf8::sanitize("\xF0\x80\x80"), fffd + fffd + fffd);
    EXPECT_EQ(utf8::sanitize("\xED\xA0\x80"), fffd + fffd + fffd); // a UTF-8 encoded surrogate
    EXPECT_EQ(utf8::sanitize("\xC0\xAF"), fffd + fffd);
    EXPECT_EQ(utf8::sanitize("\xF4\x90\x80\x80"), fffd + fffd + fffd + fffd);
    EXPECT_EQ(utf8::sanitize(std::string("a\0b", 3)), std::string("a\0b", 3));

    const auto t = load(tokenizerDoc(wordLevelModel({"a", fffd, "b"}), {{"pre_tokenizer", {{"type", "WhitespaceSplit"}}}}));
    EXPECT_EQ(t->encode("a \xFF b"), (Ids{0, 1, 2}));
    EXPECT_EQ(t->encode("a\xFF" "b"), t->encode("a" + fffd + "b"));
    EXPECT_NO_THROW(t->encode("\xFF\xFE\xC3"));
}

TEST(PreTokenizers, WhitespaceDigitsPunctuation)
{
    auto encode = [](const json &pre, const std::vector<std::string> &words, const std::string &text) {
        return load(tokenizerDoc(wordLevelModel(words), {{"pre_tokenizer", pre}}))->encode(text);
    };
    EXPECT_EQ(encode({{"type", "Whitespace"}}, {"hello", "world", "!?"}, "hello  world!?"), (Ids{0, 1, 2}));
    EXPECT_EQ(encode({{"type", "WhitespaceSplit"}}, {"a!", "b"}, " a!\tb "), (Ids{0, 1}));
    EXPECT_EQ(encode({{"type", "Digits"}, {"individual_digits", true}}, {"a", "1", "2"}, "a12"), (Ids{0, 1, 2}));
    EXPECT_EQ(encode({{"type", "Digits"}, {"individual_digits", false}}, {"a", "12"}, "a12"), (Ids{0, 1}));
    EXPECT_EQ(encode({{"type", "Punctuation"}}, {"a", ",", "b"}, "a,b"), (Ids{0, 1, 2}));
    const json seq = {{"type", "Sequence"}, {"pretokenizers", json::array({{{"type", "WhitespaceSplit"}}, {{"type", "Digits"}, {"individual_digits", true}}})}};
    EXPECT_EQ(encode(seq, {"x", "1", "2"}, "x 12"), (Ids{0, 1, 2}));
}

TEST(Decoders, MetaspaceStripReplace)
{
    const json metaspace = {{"type", "Metaspace"}, {"replacement", "\xE2\x96\x81"}, {"prepend_scheme", "always"}, {"split", true}};
    const auto t = load(tokenizerDoc(wordLevelModel({"\xE2\x96\x81hi", "\xE2\x96\x81there"}),
                                     {{"pre_tokenizer", metaspace}, {"decoder", metaspace}}));
    EXPECT_EQ(t->decode(t->encode("hi there")), "hi there");
    const json llama2 = {{"type", "Sequence"},
                         {"decoders", json::array({{{"type", "Replace"}, {"pattern", {{"String", "\xE2\x96\x81"}}}, {"content", " "}},
                                                   {{"type", "Fuse"}}, {{"type", "Strip"}, {"content", " "}, {"start", 1}, {"stop", 0}}})}};
    const auto u = load(tokenizerDoc(wordLevelModel({"\xE2\x96\x81hi", "\xE2\x96\x81there"}), {{"decoder", llama2}}));
    EXPECT_EQ(u->decode(Ids{0, 1}), "hi there");
}
