#include "datasettestutil.h"
#include "chat/chattemplate.h"
#include "datasets/datasetloader.h"
#include "tempdir.h"

#include <gtest/gtest.h>

using namespace llmos;
using namespace llmos::test;

namespace {

// Loads with the skip policy and returns the report.
DatasetReport skipping(const std::string &path, DatasetKind kind = DatasetKind::Auto)
{
    static const auto tokenizer = byteTokenizer();
    static const ChatTemplate plain("{% for m in messages %}<{{ m.role }}>{{ m.content }}{% endfor %}"
                                    "{% if add_generation_prompt %}<assistant>{% endif %}");
    DatasetSpec spec;
    spec.path = path;
    spec.kind = kind;
    spec.policy = BadRowPolicy::Skip;
    DatasetOptions options;
    options.chatTemplate = &plain;
    return loadDataset(spec, *tokenizer, options).report;
}

void expectBadRow(const DatasetReport &report, std::uint64_t line, const std::string &words)
{
    for (const auto &bad : report.badRows)
        if (bad.line == line) {
            EXPECT_NE(bad.reason.find(words), std::string::npos) << "line " << line << ": " << bad.reason;
            return;
        }
    ADD_FAILURE() << "no bad row on line " << line << " (expected: " << words << ")";
}

} // namespace

TEST(DatasetBadRows, EachKindOfBadRowIsReportedWithItsLine)
{
    TempDir dir;
    const std::string path = dir.write("mixed.jsonl",
            "{\"text\":\"good\",\"label\":\"a\"}\n"  // 1
            "{\"text\":\"broken\",\n"                 // 2 invalid JSON
            "{\"label\":\"a\"}\n"                     // 3 missing field
            "{\"text\":7,\"label\":\"a\"}\n"          // 4 wrong type (and drift)
            "{\"text\":\"ok\",\"label\":3}\n"         // 5 drift: label was a string
            "[1,2]\n"                                 // 6 not an object
            "{\"text\":\"fine\",\"label\":\"b\"}\n"); // 7
    const DatasetReport report = skipping(path);
    EXPECT_EQ(report.kind, DatasetKind::Classification);
    EXPECT_EQ(report.rowsRead, 7u);
    EXPECT_EQ(report.badRowCount, 5u);
    EXPECT_EQ(report.rowsSkipped, 5u);
    EXPECT_EQ(report.rowsUsed, 2u);
    expectBadRow(report, 2, "invalid JSON");
    expectBadRow(report, 3, "missing field \"text\"");
    expectBadRow(report, 4, "\"text\" is number here but was string on line 1");
    expectBadRow(report, 5, "type drifting");
    expectBadRow(report, 6, "expected a JSON object");
    for (const auto &bad : report.badRows) {
        if (bad.line == 2) {
            EXPECT_GT(bad.column, 0u);
        }
    }
}

TEST(DatasetBadRows, ChatRowsWithEmptyAssistantOrUnknownRole)
{
    TempDir dir;
    const std::string path = dir.write("chat.jsonl",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"yo\"}]}\n"
            "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"  \"}]}\n"
            "{\"messages\":[{\"role\":\"wizard\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"yo\"}]}\n"
            "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n"
            "{\"messages\":[]}\n"
            "{\"messages\":[{\"role\":\"user\"},{\"role\":\"assistant\",\"content\":\"yo\"}]}\n");
    DatasetSpec spec;
    spec.path = path;
    spec.policy = BadRowPolicy::Skip;
    const auto tokenizer = byteTokenizer();
    // Reading and checking rows needs no template; only tokenizing does, so use one.
    const ChatTemplate chatml("{% for m in messages %}{{ m.role + ': ' + m.content + '\\n' }}{% endfor %}"
                              "{% if add_generation_prompt %}assistant: {% endif %}");
    DatasetOptions options;
    options.chatTemplate = &chatml;
    const DatasetReport report = loadDataset(spec, *tokenizer, options).report;
    EXPECT_EQ(report.kind, DatasetKind::OpenAiChat);
    EXPECT_EQ(report.badRowCount, 5u);
    expectBadRow(report, 2, "empty assistant turn (messages[1])");
    expectBadRow(report, 3, "unknown role \"wizard\"");
    expectBadRow(report, 4, "no assistant turn");
    expectBadRow(report, 5, "non-empty list");
    expectBadRow(report, 6, "missing field \"messages[0].content\"");
}

TEST(DatasetBadRows, ShareGptRolesAreMappedAndChecked)
{
    TempDir dir;
    const DatasetReport sharegpt = skipping(dir.write("s.jsonl",
            "{\"conversations\":[{\"from\":\"human\",\"value\":\"q\"},{\"from\":\"gpt\",\"value\":\"a\"}]}\n"
            "{\"conversations\":[{\"from\":\"bot\",\"value\":\"q\"},{\"from\":\"gpt\",\"value\":\"a\"}]}\n"));
    EXPECT_EQ(sharegpt.kind, DatasetKind::ShareGpt);
    ASSERT_EQ(sharegpt.badRowCount, 1u);
    expectBadRow(sharegpt, 2, "unknown role \"bot\"");
    const DatasetReport alpaca = skipping(dir.write("a.jsonl",
            "{\"instruction\":\"q\",\"output\":\"a\"}\n"
            "{\"instruction\":\"q\",\"output\":\"\"}\n"
            "{\"instruction\":\"q\",\"output\":\"a\",\"history\":[[\"x\"]]}\n"));
    EXPECT_EQ(alpaca.kind, DatasetKind::Alpaca);
    expectBadRow(alpaca, 2, "empty assistant turn");
    expectBadRow(alpaca, 3, "history[0] must be a pair");
}

TEST(DatasetBadRows, AbortIsTheDefaultAndListsTheRows)
{
    TempDir dir;
    DatasetSpec spec;
    spec.path = dir.write("d.jsonl", "{\"text\":\"a\"}\n{\"text\":\n{\"text\":\"b\"}\n{\"text\":[]}\n");
    const auto tokenizer = byteTokenizer();
    try {
        loadDataset(spec, *tokenizer, {});
        FAIL() << "bad rows were accepted";
    } catch (const DatasetRejected &e) {
        EXPECT_EQ(e.kind(), ErrorKind::Format);
        EXPECT_NE(e.detail().find("2 bad row(s) of 4"), std::string::npos) << e.detail();
        EXPECT_NE(e.detail().find("line 2"), std::string::npos);
        EXPECT_NE(e.detail().find("line 4"), std::string::npos);
        ASSERT_EQ(e.report().badRows.size(), 2u);
        EXPECT_EQ(e.report().badRows[1].line, 4u);
    }
}

TEST(DatasetBadRows, SkipPolicyCountsAndKeepsTheRest)
{
    TempDir dir;
    const DatasetReport report =
            skipping(dir.write("d.jsonl", "{\"text\":\"a\"}\nnot json\n{\"text\":\"b\"}\n{\"text\":\"\"}\n{\"text\":\"c\"}\n"));
    EXPECT_EQ(report.rowsRead, 5u);
    EXPECT_EQ(report.rowsSkipped, 2u);
    EXPECT_EQ(report.rowsUsed, 3u);
    expectBadRow(report, 2, "invalid JSON");
    expectBadRow(report, 4, "empty");
}

TEST(DatasetBadRows, EmptyEffectiveDatasetIsRefused)
{
    TempDir dir;
    DatasetSpec spec;
    spec.path = dir.write("d.jsonl", "nope\n\n");
    spec.policy = BadRowPolicy::Skip;
    const auto tokenizer = byteTokenizer();
    try {
        loadDataset(spec, *tokenizer, {});
        FAIL() << "an empty dataset was accepted";
    } catch (const DatasetRejected &e) {
        EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
        EXPECT_NE(e.detail().find("no usable training examples"), std::string::npos);
        EXPECT_EQ(e.report().badRowCount, 1u);
    }
}
