// BAD_INPUTS 22: long inputs without whitespace, of only whitespace, or of one
// repeated character finish in bounded time with the right number of tokens. No
// timing asserts; a quadratic merge loop or a recursive regex would make these time
// out instead.

#include "tokenizerdocs.h"

#include "tokenizer/utf8.h"

#include <gtest/gtest.h>

using namespace llmos;
using namespace llmos::test;
using nlohmann::json;

namespace {

constexpr std::size_t kMegabyte = 1 << 20;

// GPT-2 style: byte-level alphabet plus merges for runs of 'a' and of 'Ġ' (space).
json byteLevelDoc(const json &preTokenizer)
{
    std::vector<std::string> tokens;
    char32_t extra = 256;
    for (int b = 0; b < 256; ++b) {
        const bool printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
        std::string t;
        utf8::append(t, printable ? static_cast<char32_t>(b) : extra++);
        tokens.push_back(t);
    }
    const std::string g = "\xC4\xA0"; // Ġ, the byte-level space
    for (const std::string &t : std::vector<std::string>{"aa", "aaaa", g + g, g + g + g + g}) tokens.push_back(t);
    const json merges = json::array({"a a", "aa aa", g + " " + g, g + g + " " + g + g});
    return tokenizerDoc(bpeModel(tokens, merges), {{"pre_tokenizer", preTokenizer}, {"decoder", {{"type", "ByteLevel"}}}});
}

const json kGpt2 = {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"use_regex", true}};
const json kLlama3 = {{"type", "Sequence"},
                      {"pretokenizers",
                       json::array({{{"type", "Split"},
                                     {"pattern", {{"Regex", "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| "
                                                            "?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+"}}},
                                     {"behavior", "Isolated"},
                                     {"invert", false}},
                                    {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"use_regex", false}}})}};

} // namespace

TEST(TokenizerLimits, MegabyteWithoutWhitespace)
{
    for (const json &pre : {kGpt2, kLlama3}) {
        const auto t = load(byteLevelDoc(pre));
        const std::vector<std::int32_t> ids = t->encode(std::string(kMegabyte, 'a'), false);
        EXPECT_EQ(ids.size(), kMegabyte / 4); // one word, merged down to "aaaa" tokens
    }
}

TEST(TokenizerLimits, MegabyteOfWhitespace)
{
    for (const json &pre : {kGpt2, kLlama3}) {
        const auto t = load(byteLevelDoc(pre));
        const std::vector<std::int32_t> ids = t->encode(std::string(kMegabyte, ' '), false);
        EXPECT_EQ(ids.size(), kMegabyte / 4);
        EXPECT_EQ(t->decode(ids), std::string(kMegabyte, ' '));
    }
}

TEST(TokenizerLimits, MegabyteOfNewlinesAndDigits)
{
    const auto t = load(byteLevelDoc(kLlama3));
    EXPECT_EQ(t->encode(std::string(kMegabyte, '\n'), false).size(), kMegabyte); // no merges for newlines
    const std::size_t digits = 999'999;
    EXPECT_EQ(t->encode(std::string(digits, '7'), false).size(), digits); // \p{N}{1,3} words of single bytes
}

TEST(TokenizerLimits, MegabyteOfCjkThroughMetaspaceWithByteFallback)
{
    json model = byteFallbackBpeModel({"<unk>", "\xE2\x96\x81"});
    const json pre = {{"type", "Metaspace"}, {"replacement", "\xE2\x96\x81"}, {"prepend_scheme", "first"}, {"split", false}};
    const auto t = load(tokenizerDoc(model, {{"pre_tokenizer", pre}}));
    std::string text;
    for (std::size_t i = 0; i < kMegabyte / 3; ++i) text += "\xE4\xB8\xAD";
    EXPECT_EQ(t->encode(text, false).size(), 1 + text.size()); // ▁ then three byte tokens per character
}

TEST(TokenizerLimits, LongWordPieceWordIsOneUnk)
{
    const json doc = tokenizerDoc({{"type", "WordPiece"}, {"vocab", vocabOf({"[UNK]", "a", "##a"})}, {"max_input_chars_per_word", 2000000}});
    const auto t = load(doc);
    EXPECT_EQ(t->encode(std::string(kMegabyte, 'a'), false).size(), kMegabyte);
    EXPECT_EQ(t->encode(std::string(kMegabyte, 'b'), false), (Ids{0}));
}
