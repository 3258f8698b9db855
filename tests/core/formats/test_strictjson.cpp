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
