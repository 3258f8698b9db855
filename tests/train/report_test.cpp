#include "datasets/datasetfingerprint.h"
#include "datasets/datasetloader.h"
#include "datasets/sha256.h"
#include "datasettestutil.h"
#include "tempdir.h"

#include <gtest/gtest.h>

using namespace llmos;
using namespace llmos::test;

TEST(DatasetReport, Sha256KnownAnswers)
{
    Sha256 empty;
    EXPECT_EQ(empty.finishHex(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    Sha256 abc;
    abc.update("a");
    abc.update("bc");
    EXPECT_EQ(abc.finishHex(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    Sha256 million;
    const std::string block(1000, 'a');
    for (int i = 0; i < 1000; ++i) million.update(block);
    EXPECT_EQ(million.finishHex(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(DatasetReport, ChangedFileIsNoticedBeforeTraining)
{
    TempDir dir;
    const std::string path = dir.write("d.jsonl", "{\"text\":\"a\"}\n");
    const DatasetFingerprint print = fingerprintDataset(path);
    EXPECT_EQ(print.sizeBytes, 13u);
    EXPECT_NO_THROW(checkDatasetUnchanged(path, print));
    dir.write("d.jsonl", "{\"text\":\"b\"}\n"); // same size, other bytes
    EXPECT_THROW(checkDatasetUnchanged(path, print), Error);
    dir.write("d.jsonl", "{\"text\":\"bb\"}\n");
    try {
        checkDatasetUnchanged(path, print);
        FAIL();
    } catch (const Error &e) {
        EXPECT_NE(e.detail().find("changed on disk"), std::string::npos);
    }
}

TEST(DatasetReport, ReportCountsAndJson)
{
    TempDir dir;
    DatasetSpec spec;
    spec.path = dir.write("d.jsonl",
            "{\"text\":\"one\",\"label\":\"x\"}\n"
            "{\"text\":\"one\",\"label\":\"x\"}\n"
            "oops\n"
            "{\"text\":\"" + std::string(100, 'l') + "\",\"label\":\"y\"}\n");
    spec.policy = BadRowPolicy::Skip;
    spec.validationFraction = 0.0;
    const auto tokenizer = byteTokenizer();
    DatasetOptions options;
    options.maxSeqLen = 50;
    const DatasetReport report = validateDataset(spec, *tokenizer, options);
    EXPECT_EQ(report.rowsRead, 4u);
    EXPECT_EQ(report.rowsUsed, 3u);
    EXPECT_EQ(report.rowsSkipped, 1u);
    EXPECT_EQ(report.duplicates, 1u);
    EXPECT_EQ(report.truncated, 1u);
    EXPECT_EQ(report.trainExamples, 3u);
    EXPECT_EQ(report.fingerprint, fingerprintDataset(spec.path));

    const auto json = report.toJson();
    EXPECT_EQ(json["kind"], "classification");
    EXPECT_EQ(json["format"], "jsonl");
    EXPECT_EQ(json["sha256"], report.fingerprint.sha256);
    EXPECT_EQ(json["bad_rows"][0]["line"], 3);
    EXPECT_EQ(json["bad_rows"][0]["column"], 1);
    EXPECT_EQ(json["labels"]["x"], 2);
    EXPECT_EQ(json["token_lengths"][0]["up_to"], 32);
    EXPECT_EQ(json["token_lengths"][0]["count"], 2);  // "one" twice
    EXPECT_EQ(json["token_lengths"][2]["up_to"], 128);
    EXPECT_EQ(json["token_lengths"][2]["count"], 1);  // 100 bytes
    EXPECT_EQ(json["token_lengths"].back()["over"], 8192);
    // Untruncated: the 100-byte row counts whole although max_seq_len is 50.
    EXPECT_GE(report.tokens, 100u + 3u + 3u);
    EXPECT_LT(report.tokens, 100u + 3u + 3u + 3u * 4u) << "a few special tokens per row at most";
    EXPECT_EQ(json["tokens"], report.tokens);
}
