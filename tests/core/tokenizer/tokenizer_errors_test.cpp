// Malformed or hostile tokenizer.json documents: each is refused at load with an
// Error that says what and where (BAD_INPUTS 20, 21, 24), or bounded at encode.

#include "tokenizerdocs.h"

#include "util/error.h"

#include <gtest/gtest.h>

using namespace llmos;
using namespace llmos::test;
using nlohmann::json;

namespace {

// Loads text and returns the Error it raises (fails the test when none is raised).
Error loadError(const std::string &text)
{
    try {
        loadTokenizerJson(text);
    } catch (const Error &e) {
        return e;
    }
    ADD_FAILURE() << "the document loaded without an error: " << text.substr(0, 200);
    return Error(ErrorKind::Internal, "", "");
}

void expectError(const json &doc, ErrorKind kind, const std::string &where, const std::string &detailPart)
{
    const Error e = loadError(doc.dump());
    EXPECT_EQ(e.kind(), kind) << e.what();
    EXPECT_EQ(e.where(), where) << e.what();
    EXPECT_NE(e.detail().find(detailPart), std::string::npos) << e.what();
}

const std::vector<std::string> kAbc = {"a", "b", "c", "ab"};

} // namespace

TEST(TokenizerJsonErrors, NotJson)
{
    EXPECT_EQ(loadError("{\"model\": ").kind(), ErrorKind::Format);
    EXPECT_EQ(loadError("[1, 2]").kind(), ErrorKind::Format);
    EXPECT_EQ(loadError("").kind(), ErrorKind::Format);
}

TEST(TokenizerJsonErrors, DuplicateKeysAreRefused)
{
    EXPECT_EQ(loadError(R"({"model": {"type": "BPE", "vocab": {"a": 0, "a": 1}, "merges": []}})").kind(), ErrorKind::Format);
}

// The fast reader (tokenizerjson.h) takes model.vocab and model.merges apart from the
// DOM; whatever it cannot take goes the DOM way, and the errors must read as before.
TEST(TokenizerJsonErrors, VocabAndMergeProblemsReadAsBeforeTheFastReader)
{
    // A repeated vocab token is a duplicate key, reported before any later problem
    // (here an unsupported normalizer) as the strict parser always did.
    const Error dup = loadError(
        R"({"normalizer": {"type": "Precompiled"}, "model": {"type": "BPE", "vocab": {"a": 0, "b": 1, "a": 2}, "merges": []}})");
    EXPECT_EQ(dup.kind(), ErrorKind::Format) << dup.what();
    EXPECT_EQ(dup.where(), "tokenizer.json: /model/vocab") << dup.what();
    EXPECT_NE(dup.detail().find("duplicate key \"a\""), std::string::npos) << dup.what();
    EXPECT_EQ(loadError(R"({"model": {"type": "BPE", "vocab": {"a": 0}, "merges": [], "vocab": {}}})").where(),
              "tokenizer.json: /model");

    expectError(tokenizerDoc({{"type", "BPE"}, {"vocab", {{"a", 0}, {"b", 1.5}}}, {"merges", json::array()}}),
                ErrorKind::Format, "tokenizer.json: model.vocab.b", "expected a token id");
    expectError(tokenizerDoc({{"type", "BPE"}, {"vocab", {{"a", 0}, {"b", {{"x", 1}}}}}, {"merges", json::array()}}),
                ErrorKind::Format, "tokenizer.json: model.vocab.b", "expected a token id");
    expectError(tokenizerDoc({{"type", "BPE"}, {"vocab", {{"a", 0}, {"b", 4294967296}}}, {"merges", json::array()}}),
                ErrorKind::Format, "tokenizer.json: model.vocab.b", "too large");
    expectError(tokenizerDoc({{"type", "BPE"}, {"vocab", json::array()}, {"merges", json::array()}}), ErrorKind::Format,
                "tokenizer.json: model.vocab", "expected an object");
    expectError(tokenizerDoc(bpeModel(kAbc, json::array({"a b", 7}))), ErrorKind::Format, "tokenizer.json: model.merges[1]",
                "a merge must be");
    expectError(tokenizerDoc(bpeModel(kAbc, json::array({json::array({"a", "b", "c"})}))), ErrorKind::Format,
                "tokenizer.json: model.merges[0]", "a merge must be");
    expectError(tokenizerDoc(bpeModel(kAbc, json::array({json::array({"a", json::array()})}))), ErrorKind::Format,
                "tokenizer.json: model.merges[0]", "a merge must be");
    expectError(tokenizerDoc(bpeModel(kAbc, "a b")), ErrorKind::Format, "tokenizer.json: model.merges", "expected a list of merges");
    expectError(tokenizerDoc(bpeModel(kAbc, json::array({json::array({"a", "x"})}))), ErrorKind::Format,
                "tokenizer.json: model.merges[0]", "'x', which is not in model.vocab");
}

TEST(TokenizerJsonErrors, UnknownOrUnsupportedModel)
{
    expectError(tokenizerDoc({{"type", "Foo"}, {"vocab", vocabOf(kAbc)}}), ErrorKind::Unsupported,
                "tokenizer.json: model.type", "model type 'Foo' is not supported");
    expectError(tokenizerDoc({{"type", "Unigram"}, {"vocab", json::array()}}), ErrorKind::Unsupported,
                "tokenizer.json: model.type", "'Unigram'");
    expectError(tokenizerDoc({{"vocab", vocabOf(kAbc)}}), ErrorKind::Format, "tokenizer.json: model", "no 'type'");
    json noModel = tokenizerDoc(json::object());
    noModel.erase("model");
    expectError(noModel, ErrorKind::Format, "tokenizer.json", "'model' is missing");
}

TEST(TokenizerJsonErrors, UnsupportedComponentsAreNamed)
{
    expectError(tokenizerDoc(bpeModel(kAbc, json::array()), {{"pre_tokenizer", {{"type", "Foo"}}}}), ErrorKind::Unsupported,
                "tokenizer.json: pre_tokenizer.type", "pre_tokenizer type 'Foo' is not supported");
    expectError(tokenizerDoc(bpeModel(kAbc, json::array()), {{"normalizer", {{"type", "Precompiled"}, {"precompiled_charsmap", ""}}}}),
                ErrorKind::Unsupported, "tokenizer.json: normalizer.type", "normalizer type 'Precompiled' is not supported");
    expectError(tokenizerDoc(bpeModel(kAbc, json::array()), {{"decoder", {{"type", "CTC"}}}}), ErrorKind::Unsupported,
                "tokenizer.json: decoder.type", "decoder type 'CTC'");
}

TEST(TokenizerJsonErrors, MergeReferencingMissingToken)
{
    expectError(tokenizerDoc(bpeModel(kAbc, json::array({"a b", "ab x"}))), ErrorKind::Format,
                "tokenizer.json: model.merges[1]", "'x', which is not in model.vocab");
    expectError(tokenizerDoc(bpeModel(kAbc, json::array({"b c"}))), ErrorKind::Format, "tokenizer.json: model.merges[0]",
                "gives 'bc', which is not in model.vocab");
    expectError(tokenizerDoc(bpeModel(kAbc, json::array({"a b c"}))), ErrorKind::Format, "tokenizer.json: model.merges[0]",
                "two tokens separated by one space");
    expectError(tokenizerDoc(bpeModel(kAbc, json::array({json::array({"a"})}))), ErrorKind::Format,
                "tokenizer.json: model.merges[0]", "a merge must be");
}

TEST(TokenizerJsonErrors, DuplicateIdsInVocab)
{
    expectError(tokenizerDoc({{"type", "BPE"}, {"vocab", {{"a", 0}, {"b", 0}}}, {"merges", json::array()}}), ErrorKind::Format,
                "tokenizer.json: model.vocab", "id 0 is given to two tokens");
}

TEST(TokenizerJsonErrors, IdsBeyondTheVocabulary)
{
    expectError(tokenizerDoc({{"type", "BPE"}, {"vocab", {{"a", 0}, {"b", 2147483647}}}, {"merges", json::array()}}),
                ErrorKind::Format, "tokenizer.json: model.vocab.b", "beyond the vocabulary");
    expectError(tokenizerDoc({{"type", "BPE"}, {"vocab", {{"a", -1}}}, {"merges", json::array()}}), ErrorKind::Format,
                "tokenizer.json: model.vocab.a", "negative");
    json doc = tokenizerDoc(bpeModel(kAbc, json::array()));
    doc["added_tokens"] = json::array({{{"id", 100000}, {"content", "<s>"}, {"special", true}}});
    expectError(doc, ErrorKind::Format, "tokenizer.json: added_tokens[0].id", "beyond the vocabulary");
    doc["added_tokens"] = json::array({{{"id", 1}, {"content", "<s>"}, {"special", true}}});
    expectError(doc, ErrorKind::Format, "tokenizer.json: added_tokens[0].id", "which model.vocab gives to 'b'");
    doc["added_tokens"] = json::array({{{"id", 4}, {"content", "a"}}});
    expectError(doc, ErrorKind::Format, "tokenizer.json: added_tokens[0].id", "model.vocab gives it id 0");
    doc["added_tokens"] = json::array({{{"id", 4}, {"content", "<x>"}}, {{"id", 4}, {"content", "<y>"}}});
    expectError(doc, ErrorKind::Format, "tokenizer.json: added_tokens[1].id", "both have id 4");
}

TEST(TokenizerJsonErrors, MalformedByteTokens)
{
    for (const std::string bad : {"<0x-1>", "<0xZZ>", "<0x100>", "<0x1>"}) {
        json model = bpeModel({"<unk>", "<0x41>", bad}, json::array());
        model["byte_fallback"] = true;
        expectError(tokenizerDoc(model), ErrorKind::Format, "tokenizer.json: model.vocab." + bad, "looks like a byte token");
    }
}

TEST(TokenizerJsonErrors, UnknownTokenMissingFromVocab)
{
    json model = bpeModel(kAbc, json::array());
    model["unk_token"] = "<unk>";
    expectError(tokenizerDoc(model), ErrorKind::Format, "tokenizer.json: model.unk_token", "'<unk>' is not in model.vocab");
}

TEST(TokenizerJsonErrors, BadRegexIsRefusedAtLoad)
{
    const json pre = {{"type", "Split"}, {"pattern", {{"Regex", "(a"}}}, {"behavior", "Isolated"}};
    expectError(tokenizerDoc(bpeModel(kAbc, json::array()), {{"pre_tokenizer", pre}}), ErrorKind::Format,
                "tokenizer.json: pre_tokenizer.pattern.Regex", "does not compile");
    const json behavior = {{"type", "Split"}, {"pattern", {{"String", " "}}}, {"behavior", "Sideways"}};
    expectError(tokenizerDoc(bpeModel(kAbc, json::array()), {{"pre_tokenizer", behavior}}), ErrorKind::Format,
                "tokenizer.json: pre_tokenizer.behavior", "unknown split behavior 'Sideways'");
}

TEST(TokenizerJsonErrors, TemplateWithUndefinedSpecialToken)
{
    const json post = {{"type", "TemplateProcessing"},
                       {"single", json::array({{{"SpecialToken", {{"id", "<s>"}, {"type_id", 0}}}}, {{"Sequence", {{"id", "A"}, {"type_id", 0}}}}})},
                       {"special_tokens", json::object()}};
    expectError(tokenizerDoc(bpeModel(kAbc, json::array()), {{"post_processor", post}}), ErrorKind::Format,
                "tokenizer.json: post_processor.single[0]", "special_tokens does not define");
    const json outside = {{"type", "BertProcessing"}, {"sep", json::array({"[SEP]", 99})}, {"cls", json::array({"[CLS]", 0})}};
    expectError(tokenizerDoc(bpeModel(kAbc, json::array()), {{"post_processor", outside}}), ErrorKind::Format,
                "tokenizer.json: post_processor", "token id 99");
}

// BAD_INPUTS 21: a nested quantifier on a hostile input hits the match limit and
// comes back as an Error in bounded time.
TEST(TokenizerRegexLimits, NestedQuantifierHitsTheLimit)
{
    const json pre = {{"type", "Split"}, {"pattern", {{"Regex", "(a+)+$"}}}, {"behavior", "Isolated"}};
    const auto t = load(tokenizerDoc(wordLevelModel({"a"}), {{"pre_tokenizer", pre}}));
    EXPECT_EQ(t->encode("aaaa"), (Ids{1})); // fine on friendly input ("aaaa" is unknown: id 1)
    try {
        t->encode(std::string(64, 'a') + "!");
        FAIL() << "expected the match limit";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
        EXPECT_NE(e.detail().find("too much backtracking"), std::string::npos) << e.what();
    }
}
