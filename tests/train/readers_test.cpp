#include "datasettestutil.h"
#include "datasets/linereader.h"
#include "datasets/rowreader.h"
#include "tempdir.h"
#include "util/error.h"

#include <gtest/gtest.h>

#include <stop_token>

using namespace llmos;
using namespace llmos::test;

namespace {

// The same rows written the clean way and the messy way (BAD_INPUTS 28).
std::string messy(std::string clean)
{
    std::string out = "\xEF\xBB\xBF\n";
    for (char c : clean) {
        if (c == '\n') out += "\r\n\r\n";
        else out += c;
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

void expectSameRows(const std::string &name, const std::string &clean)
{
    TempDir dir;
    const ReadResult a = readAll(dir.write("clean" + name, clean));
    const ReadResult b = readAll(dir.write("messy" + name, messy(clean)));
    EXPECT_TRUE(a.badRows.empty()) << name;
    EXPECT_TRUE(b.badRows.empty()) << name << ": " << (b.badRows.empty() ? "" : b.badRows[0].reason);
    ASSERT_FALSE(a.rows.empty()) << name;
    EXPECT_EQ(a.values(), b.values()) << name;
}

} // namespace

TEST(DatasetReaders, BomCrlfBlankLinesAndNoFinalNewlineReadLikeTheCleanFile)
{
    expectSameRows(".jsonl", "{\"text\":\"one\"}\n{\"text\":\"two\"}\n{\"text\":\"three\"}\n");
    expectSameRows(".json", "[\n{\"text\":\"one\"},\n{\"text\":\"two\"}\n]\n");
    expectSameRows(".csv", "text,label\nhello,a\n\"x, y\",b\n");
    expectSameRows(".tsv", "text\tlabel\nhello\ta\nworld\tb\n");
}

TEST(DatasetReaders, TextDocumentsAreSplitOnBlankLines)
{
    TempDir dir;
    const ReadResult clean = readAll(dir.write("a.txt", "first doc\nsecond line\n\nsecond doc\n"));
    ASSERT_EQ(clean.rows.size(), 2u);
    EXPECT_EQ(clean.rows[0].value["text"], "first doc\nsecond line");
    EXPECT_EQ(clean.rows[1].value["text"], "second doc");
    EXPECT_EQ(clean.rows[1].line, 4u);
    const ReadResult crlf = readAll(dir.write("b.txt", "\xEF\xBB\xBF" "first doc\r\nsecond line\r\n\r\n\r\nsecond doc"));
    EXPECT_EQ(clean.values(), crlf.values());
}

TEST(DatasetReaders, FolderOfTextFilesInNameOrderOneDocumentPerParagraph)
{
    TempDir dir;
    dir.write("corpus/b.txt", "bee\n");
    dir.write("corpus/a.txt", "ant\n\nape\n");
    dir.write("corpus/notes.md", "ignored\n");
    const ReadResult result = readAll(dir.file("corpus"));
    ASSERT_EQ(result.rows.size(), 3u);
    EXPECT_EQ(result.rows[0].value["text"], "ant");
    EXPECT_EQ(result.rows[1].value["text"], "ape");
    EXPECT_EQ(result.rows[2].value["text"], "bee");
}

TEST(DatasetReaders, CsvQuotingFollowsRfc4180)
{
    TempDir dir;
    const ReadResult result = readAll(dir.write("d.csv", "text,label\n\"a, \"\"quoted\"\"\nline\",x\nplain,y\n"));
    ASSERT_EQ(result.rows.size(), 2u);
    EXPECT_EQ(result.rows[0].value["text"], "a, \"quoted\"\nline");
    EXPECT_EQ(result.rows[0].line, 2u);
    EXPECT_EQ(result.rows[1].value["label"], "y");
    EXPECT_EQ(result.rows[1].line, 4u);
}

TEST(DatasetReaders, CsvBadRowsCarryTheirLine)
{
    TempDir dir;
    const ReadResult result = readAll(dir.write("d.csv", "text,label\nok,a\ntoo,many,fields\nbad\"quote,b\n\"open,c\n"));
    ASSERT_EQ(result.rows.size(), 1u);
    ASSERT_EQ(result.badRows.size(), 3u);
    EXPECT_EQ(result.badRows[0].line, 3u);
    EXPECT_NE(result.badRows[0].reason.find("3 fields"), std::string::npos);
    EXPECT_EQ(result.badRows[1].line, 4u);
    EXPECT_NE(result.badRows[1].reason.find("quote"), std::string::npos);
    EXPECT_EQ(result.badRows[2].line, 5u);
    EXPECT_NE(result.badRows[2].reason.find("not closed"), std::string::npos);
}

TEST(DatasetReaders, JsonArrayElementErrorsPointIntoTheFile)
{
    TempDir dir;
    const ReadResult result = readAll(dir.write("d.json", "[\n  {\"text\": \"a\"},\n  {\"text\": tru},\n  5\n]"));
    ASSERT_EQ(result.rows.size(), 1u);
    ASSERT_EQ(result.badRows.size(), 2u);
    EXPECT_EQ(result.badRows[0].line, 3u);
    EXPECT_GT(result.badRows[0].column, 3u);
    EXPECT_EQ(result.badRows[1].line, 4u);
    EXPECT_EQ(result.badRows[1].column, 3u);
    EXPECT_NE(result.badRows[1].reason.find("object"), std::string::npos);
}

TEST(DatasetReaders, BrokenJsonArrayIsRefused)
{
    TempDir dir;
    EXPECT_THROW(readAll(dir.write("a.json", "[{\"text\":\"a\"}")), Error);
    EXPECT_THROW(readAll(dir.write("b.json", "{\"text\":\"a\"}")), Error);
    EXPECT_THROW(readAll(dir.write("c.json", "[{\"text\":\"a\"}] x")), Error);
}

TEST(DatasetReaders, InvalidUtf8IsABadRow)
{
    TempDir dir;
    const ReadResult result = readAll(dir.write("d.jsonl", "{\"text\":\"ok\"}\n{\"text\":\"\xC3\x28\"}\n"));
    ASSERT_EQ(result.badRows.size(), 1u);
    EXPECT_EQ(result.badRows[0].line, 2u);
    EXPECT_NE(result.badRows[0].reason.find("UTF-8"), std::string::npos);
}

TEST(DatasetReaders, TwentyMegabyteLineIsRefusedWithoutBeingRead)
{
    TempDir dir;
    std::string big = "{\"text\":\"" + std::string(20u << 20, 'x') + "\"}\n{\"text\":\"after\"}\n";
    const std::string path = dir.write("big.jsonl", big);
    big.clear();
    big.shrink_to_fit();

    // The reader keeps at most the cap (plus a chunk) of a long line, then drops it.
    LineReader lines(path, 16u << 20);
    LineReader::Line line;
    ASSERT_TRUE(lines.next(line));
    EXPECT_TRUE(line.tooLong);
    EXPECT_TRUE(line.text.empty());
    EXPECT_LE(line.text.capacity(), (16u << 20) + (1u << 20));
    ASSERT_TRUE(lines.next(line));
    EXPECT_EQ(line.number, 2u);
    EXPECT_EQ(line.text, "{\"text\":\"after\"}");

    // Through the dataset readers it is a bad row on line 1, and line 2 still reads.
    const ReadResult result = readAll(path);
    ASSERT_EQ(result.badRows.size(), 1u);
    EXPECT_EQ(result.badRows[0].line, 1u);
    EXPECT_NE(result.badRows[0].reason.find("limit"), std::string::npos);
    ASSERT_EQ(result.rows.size(), 1u);
    EXPECT_EQ(result.rows[0].value["text"], "after");
}

TEST(DatasetReaders, CancelStopsMidFile)
{
    TempDir dir;
    std::string many;
    for (int i = 0; i < 200000; ++i) many += "{\"text\":\"row " + std::to_string(i) + "\"}\n";
    DatasetSpec spec;
    spec.path = dir.write("many.jsonl", many);
    std::stop_source stop;
    std::uint64_t rows = 0;
    std::uint64_t lastDone = 0, lastTotal = 0;
    RowSink sink;
    sink.onRow = [&](SourceRow &&) {
        if (++rows == 1000) stop.request_stop();
    };
    sink.onBadRow = [](BadRow &&) {};
    sink.onProgress = [&](std::uint64_t done, std::uint64_t total) {
        lastDone = done;
        lastTotal = total;
    };
    try {
        readDatasetRows(spec, sink, stop.get_token());
        FAIL() << "reading was not cancelled";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::Cancelled);
    }
    EXPECT_EQ(rows, 1000u);
    EXPECT_EQ(lastTotal, many.size());
    EXPECT_LT(lastDone, lastTotal);
}

TEST(DatasetReaders, UnknownExtensionNamesTheFormats)
{
    TempDir dir;
    try {
        readAll(dir.write("data.parquet", "PAR1"));
        FAIL();
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::Unsupported);
        EXPECT_NE(e.detail().find(".jsonl"), std::string::npos);
    }
}
