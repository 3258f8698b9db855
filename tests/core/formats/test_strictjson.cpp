#include "formats/strictjson.h"
#include "util/error.h"

#include <gtest/gtest.h>

using namespace llmos;

namespace {
std::string errorOf(const std::string &text)
{
    try {
        parseJsonStrict(text, "doc.json");
    } catch (const Error &e) {
        return e.what();
    }
    return "(no error)";
}
} // namespace

TEST(StrictJson, ParsesOrdinaryDocuments)
{
    const auto doc = parseJsonStrict(R"({"a":[1,{"b":2}],"c":{"a":1}})", "doc.json");
    EXPECT_EQ(doc["a"][1]["b"], 2);
}

TEST(StrictJson, DuplicateKeysAreErrorsWithTheirPath)
{
    const auto message = errorOf(R"({"outer":{"k":1,"k":2}})");
    EXPECT_NE(message.find("duplicate key \"k\""), std::string::npos) << message;
    EXPECT_NE(message.find("/outer"), std::string::npos) << message;
}

TEST(StrictJson, SyntaxErrorsGiveLineAndColumn)
{
    const auto message = errorOf("{\n  \"a\": 1,\n  \"b\": ]\n}");
    EXPECT_NE(message.find("doc.json: line 3"), std::string::npos) << message;
}

TEST(StrictJson, DeepNestingIsBounded)
{
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    EXPECT_NE(errorOf(deep).find("nested deeper"), std::string::npos);
}

TEST(StrictJson, InvalidUtf8IsRejected)
{
    EXPECT_NE(errorOf("{\"a\":\"\xc3\x28\"}").find("invalid JSON"), std::string::npos);
}

TEST(StrictJson, NumbersBeyondDoubleAreErrorsNotCrashes)
{
    // Found by fuzz_config: nlohmann throws out_of_range, not parse_error, for these.
    EXPECT_NE(errorOf(R"({"n": 1e400})").find("invalid JSON"), std::string::npos);
    EXPECT_NE(errorOf("-1e999").find("number overflow"), std::string::npos);
}

TEST(StrictJson, DuplicatePathsNameTheEnclosingObjects)
{
    // At the top level the path is "/"; arrays add nothing to it.
    EXPECT_NE(errorOf(R"({"a":1,"a":2})").find("doc.json: /: duplicate key \"a\""), std::string::npos) << errorOf(R"({"a":1,"a":2})");
    const auto nested = errorOf(R"({"o":{"p":[{"q":{"x":1,"x":1}}]}})");
    EXPECT_NE(nested.find("/o/p/q"), std::string::npos) << nested;
}

TEST(StrictJson, KeysAreOnlyDuplicatesWithinOneObject)
{
    const auto doc = parseJsonStrict(R"({"list":[{"k":1},{"k":2}],"x":{"k":3},"k":4})", "doc.json");
    EXPECT_EQ(doc["list"][1]["k"], 2);
    EXPECT_EQ(doc["k"], 4);
    EXPECT_NE(errorOf(R"({"list":[{"k":1},{"k":1,"k":2}]})").find("duplicate key \"k\""), std::string::npos);
}

TEST(StrictJson, DepthLimitCountsOpenContainers)
{
    // maxDepth 2: a value may sit inside two containers, not three.
    auto parse = [](const std::string &text) {
        try {
            parseJsonStrict(text, "doc.json", JsonLimits{2});
        } catch (const Error &e) {
            return std::string(e.what());
        }
        return std::string("ok");
    };
    EXPECT_EQ(parse("[[1]]"), "ok");
    EXPECT_EQ(parse("[[[]]]"), "ok");
    EXPECT_EQ(parse(R"({"a":{"b":{}}})"), "ok");
    EXPECT_NE(parse("[[[1]]]").find("nested deeper than 2"), std::string::npos);
    EXPECT_NE(parse("[[[[]]]]").find("nested deeper than 2"), std::string::npos);
    EXPECT_NE(parse(R"({"a":{"b":{"c":1}}})").find("nested deeper than 2"), std::string::npos);
}

TEST(StrictJson, ValuesKeepTheirTypes)
{
    const auto doc = parseJsonStrict(R"({"u":7,"i":-3,"f":1.5,"s":"\u0120x","b":false,"n":null,"a":[],"o":{}})", "doc.json");
    EXPECT_TRUE(doc["u"].is_number_unsigned());
    EXPECT_TRUE(doc["i"].is_number_integer() && !doc["i"].is_number_unsigned());
    EXPECT_TRUE(doc["f"].is_number_float());
    EXPECT_EQ(doc["s"], "\xC4\xA0x");
    EXPECT_TRUE(doc["b"].is_boolean());
    EXPECT_TRUE(doc["n"].is_null());
    EXPECT_TRUE(doc["a"].is_array() && doc["a"].empty());
    EXPECT_TRUE(doc["o"].is_object() && doc["o"].empty());
}
