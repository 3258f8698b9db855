#include "bytetokenizer.h"
#include "chat/chattemplate.h"
#include "datasets/datasetloader.h"
#include "datasets/textpacker.h"
#include "datasettestutil.h"
#include "tempdir.h"

#include <gtest/gtest.h>

using namespace llmos;
using namespace llmos::test;

TEST(DatasetTokenization, PackingPutsEosBetweenDocumentsAndCutsBlocks)
{
    const auto tokenizer = byteTokenizer();
    TextPacker packer(*tokenizer, 3);
    EXPECT_EQ(packer.add("abc", 1), 4u);
    EXPECT_EQ(packer.add("de", 2), 3u);
    const auto blocks = packer.finish();
    const std::vector<std::vector<std::int32_t>> expected = {{'a', 'b', 'c'}, {kEndOfText, 'd', 'e'}, {kEndOfText}};
    ASSERT_EQ(blocks.size(), expected.size());
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        EXPECT_EQ(blocks[i].inputIds, expected[i]);
        EXPECT_EQ(blocks[i].labels, expected[i]);
    }
}

TEST(DatasetTokenization, PretrainingTextIsPackedPerSplit)
{
    TempDir dir;
    DatasetSpec spec;
    spec.path = dir.write("corpus.txt", "aaaa\n\nbbbb\n\ncccc\n\ndddd\n");
    spec.validationFraction = 0.25;
    const auto tokenizer = byteTokenizer();
    DatasetOptions options;
    options.maxSeqLen = 5;
    const LoadedDataset data = loadDataset(spec, *tokenizer, options);
    EXPECT_EQ(data.report.kind, DatasetKind::PretrainText);
    EXPECT_EQ(data.report.rowsUsed, 4u);
    // Three documents of 5 tokens (4 bytes + EOS) train, one validates.
    ASSERT_EQ(data.train.size(), 3u);
    ASSERT_EQ(data.validation.size(), 1u);
    for (const auto &block : data.train) {
        EXPECT_EQ(block.inputIds.size(), 5u);
        EXPECT_EQ(block.inputIds.back(), kEndOfText);
    }
    EXPECT_EQ(data.report.tokenLengths[0].count, 4u); // all in (0, 32]
}

TEST(DatasetTokenization, ClassificationLabelsAreSortedAndStable)
{
    TempDir dir;
    DatasetSpec spec;
    spec.path = dir.write("d.csv", "sentence,topic\nbuy now,spam\nhello mum,ham\nfree eggs,spam\nlunch?,ham\nscrambled,eggs\n");
    spec.fields.text = "sentence";
    spec.fields.label = "topic";
    spec.validationFraction = 0.0;
    const auto tokenizer = byteTokenizer();
    const LoadedDataset data = loadDataset(spec, *tokenizer, {});
    EXPECT_EQ(data.report.kind, DatasetKind::Classification);
    EXPECT_EQ(data.labelNames, (std::vector<std::string>{"eggs", "ham", "spam"}));
    EXPECT_EQ(data.report.labels.at("spam"), 2u);
    EXPECT_EQ(data.report.labels.at("eggs"), 1u);
    ASSERT_EQ(data.train.size(), 5u);
    EXPECT_EQ(data.train[0].classLabel, 2); // buy now: spam
    EXPECT_EQ(data.train[1].classLabel, 1); // hello mum: ham
    EXPECT_EQ(data.train[4].classLabel, 0); // scrambled: eggs
    EXPECT_EQ(tokenizer->decode(data.train[0].inputIds), "buy now");
    EXPECT_TRUE(data.train[0].labels.empty());
}

TEST(DatasetTokenization, AValidationFileValidatesAndEveryTrainingRowTrains)
{
    TempDir dir;
    DatasetSpec spec;
    spec.path = dir.write("train.csv", "text,label\nbuy now,spam\nhello mum,ham\nfree eggs,spam\n");
    spec.validationPath = dir.write("valid.csv", "text,label\nlunch?,ham\ncheap pills,spam\n");
    const auto tokenizer = byteTokenizer();
    const LoadedDataset data = loadDataset(spec, *tokenizer, {});
    ASSERT_EQ(data.train.size(), 3u);
    ASSERT_EQ(data.validation.size(), 2u);
    EXPECT_EQ(tokenizer->decode(data.train[2].inputIds), "free eggs");
    EXPECT_EQ(tokenizer->decode(data.validation[0].inputIds), "lunch?");
    EXPECT_EQ(data.report.trainExamples, 3u);
    EXPECT_EQ(data.report.validationExamples, 2u);

    // A bad row of the validation file names that file.
    spec.validationPath = dir.write("bad.csv", "text,label\nlunch?,ham\nno label here\n");
    try {
        loadDataset(spec, *tokenizer, {});
        FAIL() << "a bad validation row was accepted";
    } catch (const DatasetRejected &error) {
        ASSERT_FALSE(error.report().badRows.empty());
        EXPECT_EQ(error.report().badRows[0].file, spec.validationPath);
        EXPECT_EQ(error.report().badRows[0].line, 3u);
    }
}

TEST(DatasetTokenization, PrivateDataIsMaskedAsRowsAreReadWhenAsked)
{
    TempDir dir;
    DatasetSpec spec;
    spec.path = dir.write("notes.txt", "write to jane.doe@example.com or call +1 415 555 0132\n");
    spec.validationFraction = 0;
    const auto tokenizer = byteTokenizer();
    DatasetOptions options;
    options.maxSeqLen = 256;
    const auto plain = loadDataset(spec, *tokenizer, options);
    EXPECT_NE(tokenizer->decode(plain.train[0].inputIds).find("jane.doe@example.com"), std::string::npos);
    EXPECT_TRUE(plain.report.maskedPrivateData.empty());

    spec.maskPrivateData = true;
    const auto masked = loadDataset(spec, *tokenizer, options);
    const auto text = tokenizer->decode(masked.train[0].inputIds);
    EXPECT_NE(text.find("write to [EMAIL] or call [PHONE]"), std::string::npos) << text;
    EXPECT_EQ(text.find("jane"), std::string::npos) << text;
    EXPECT_EQ(masked.report.maskedPrivateData.at("email"), 1u);
    EXPECT_EQ(masked.report.maskedPrivateData.at("phone"), 1u);
    EXPECT_EQ(masked.report.fingerprint, plain.report.fingerprint) << "the file itself is not changed";
}

TEST(DatasetTokenization, AlpacaRowsLoseNoLabelSilentlyToTruncation)
{
    TempDir dir;
    DatasetSpec spec;
    const std::string longPrompt(200, 'p');
    spec.path = dir.write("a.jsonl",
            "{\"instruction\":\"Add\",\"input\":\"1+1\",\"output\":\"2\"}\n"
            "{\"instruction\":\"" + longPrompt + "\",\"input\":\"\",\"output\":\"ok\"}\n"
            "{\"instruction\":\"Say hi\",\"output\":\"hi\",\"system\":\"Be kind.\"}\n");
    spec.validationFraction = 0.0;
    const auto tokenizer = byteTokenizer();
    const ChatTemplate chatTemplate("{% for m in messages %}<{{ m.role }}>{{ m.content }}{% endfor %}"
                                    "{% if add_generation_prompt %}<assistant>{% endif %}");
    DatasetOptions options;
    options.chatTemplate = &chatTemplate;
    options.maxSeqLen = 64;
    const LoadedDataset data = loadDataset(spec, *tokenizer, options);
    EXPECT_EQ(data.report.kind, DatasetKind::Alpaca);
    EXPECT_EQ(data.report.truncated, 1u);
    EXPECT_EQ(data.report.examplesWithoutLabels, 1u);
    EXPECT_EQ(data.report.rowsSkipped, 1u);
    EXPECT_EQ(data.report.rowsUsed, 2u);
    ASSERT_EQ(data.train.size(), 2u);
    EXPECT_EQ(tokenizer->decode(data.train[0].inputIds), "<user>Add\n\n1+1<assistant>2");
    EXPECT_EQ(tokenizer->decode(data.train[1].inputIds), "<system>Be kind.<user>Say hi<assistant>hi");
    EXPECT_EQ(data.train[1].line, 3u);
}

TEST(DatasetTokenization, ChatDataWithoutATemplateIsRefused)
{
    TempDir dir;
    DatasetSpec spec;
    spec.path = dir.write("c.jsonl",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\",\"content\":\"a\"}]}\n");
    const auto tokenizer = byteTokenizer();
    try {
        loadDataset(spec, *tokenizer, {});
        FAIL();
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
        EXPECT_NE(e.detail().find("chat template"), std::string::npos);
    }
}
