// Streaming text: deltas that add up to the decoded output, never half a character,
// never part of a stop string; and generation_config.json.
#include "bytetokenizer.h"
#include "generation/generationconfig.h"
#include "generation/textstream.h"
#include "tokenizer/loadtokenizer.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"

#include <gtest/gtest.h>

using namespace llmos;

namespace {

const Tokenizer &byteTokenizer()
{
    static const auto tokenizer = loadTokenizerJson(test::byteTokenizerJson(), "byte tokenizer");
    return *tokenizer;
}

} // namespace

TEST(IncrementalDecoder, DeltasAddUpToTheTextAndHoldBackPartialCharacters)
{
    const std::string text = "héllo 世界 🙂 ok";
    const auto ids = byteTokenizer().encode(text, false);
    ASSERT_EQ(ids.size(), text.size()); // one token per byte
    IncrementalDecoder decoder(byteTokenizer(), std::vector<std::int32_t>{'a', 'b'});
    std::string joined;
    for (const auto id : ids) {
        const auto delta = decoder.push(id);
        EXPECT_FALSE(endsWithIncompleteCharacter(delta)) << "delta '" << delta << "'";
        joined += delta;
    }
    joined += decoder.flush();
    EXPECT_EQ(joined, text);
}

TEST(IncrementalDecoder, FlushReleasesAnUnfinishedCharacterAtTheEnd)
{
    IncrementalDecoder decoder(byteTokenizer(), {});
    EXPECT_EQ(decoder.push('o'), "o");
    EXPECT_EQ(decoder.push(0xE4), ""); // the first byte of 世
    EXPECT_FALSE(decoder.flush().empty());
}

TEST(IncompleteCharacter, RecognisesTruncatedUtf8)
{
    EXPECT_FALSE(endsWithIncompleteCharacter("abc"));
    EXPECT_FALSE(endsWithIncompleteCharacter("世"));
    EXPECT_TRUE(endsWithIncompleteCharacter("a\xE4\xB8"));
    EXPECT_TRUE(endsWithIncompleteCharacter("a\xF0\x9F\x99"));
    EXPECT_TRUE(endsWithIncompleteCharacter("a\xEF\xBF\xBD"));
    EXPECT_FALSE(endsWithIncompleteCharacter(""));
}

TEST(StopStringMatcher, CutsBeforeTheFirstMatchAcrossDeltas)
{
    StopStringMatcher stops({"\nUser:", "###"});
    std::string shown;
    for (const std::string delta : {"The answer", " is 4.\nUs", "er: and", " more"}) {
        shown += stops.push(delta);
        if (stops.stopped())
            break;
    }
    EXPECT_TRUE(stops.stopped());
    EXPECT_EQ(shown, "The answer is 4.");
}

TEST(StopStringMatcher, HoldsBackOnlyWhatMightStartAStopString)
{
    StopStringMatcher stops({"###"});
    EXPECT_EQ(stops.push("ab#"), "ab");
    EXPECT_EQ(stops.push("#c"), "##c"); // "##c" cannot become "###"
    EXPECT_EQ(stops.push("x#"), "x");
    EXPECT_EQ(stops.flush(), "#");
    EXPECT_FALSE(stops.stopped());
}

TEST(StopStringMatcher, TheEarliestMatchWinsWhicheverStringItIs)
{
    StopStringMatcher stops({"world", "lo"});
    EXPECT_EQ(stops.push("hello world"), "hel");
    EXPECT_TRUE(stops.stopped());
    EXPECT_EQ(stops.push("more"), "");
}

TEST(GenerationConfig, ReadsEosListsAndSamplingDefaults)
{
    const auto d = parseGenerationConfig(
        R"({"eos_token_id": [128001, 128009], "do_sample": true, "temperature": 0.6, "top_p": 0.9,
            "transformers_version": "4.45.0"})",
        "generation_config.json");
    EXPECT_EQ(d.eosTokenIds, (std::vector<std::int64_t>{128001, 128009}));
    const auto sampling = d.sampling();
    EXPECT_DOUBLE_EQ(sampling.temperature, 0.6);
    EXPECT_DOUBLE_EQ(sampling.topP, 0.9);

    // transformers is greedy unless do_sample is true, whatever temperature says.
    const auto greedy = parseGenerationConfig(R"({"eos_token_id": 2, "temperature": 0.7})", "g.json");
    EXPECT_EQ(greedy.eosTokenIds, std::vector<std::int64_t>{2});
    EXPECT_TRUE(greedy.sampling().greedy());
}

TEST(GenerationConfig, WrongTypesNameTheField)
{
    try {
        parseGenerationConfig(R"({"eos_token_id": ["</s>"]})", "generation_config.json");
        FAIL() << "accepted a string id";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::Format);
        EXPECT_EQ(e.where(), "generation_config.json: eos_token_id");
    }
    EXPECT_THROW(parseGenerationConfig(R"({"temperature": "hot"})", "g.json"), Error);
    EXPECT_THROW(parseGenerationConfig("{", "g.json"), Error);
    EXPECT_THROW(parseGenerationConfig("[]", "g.json"), Error);
}
