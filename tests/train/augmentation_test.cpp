// Text augmentation (EDA): synonym files and their errors, the word operations and their
// guarantees, and the loader adding variants to the training split only.

#include "datasets/datasetloader.h"
#include "datasets/datasetsplit.h"
#include "datasets/synonymtable.h"
#include "datasets/textaugmenter.h"
#include "datasettestutil.h"
#include "errorof.h"
#include "tempdir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace llmos;
using namespace llmos::test;

namespace {

const char *const kSentence = "the quick brown fox jumps over the lazy dog near the river bank";

AugmentationSettings onlyDeletion(double p)
{
    AugmentationSettings settings;
    settings.deletion = p;
    settings.swaps = 0;
    return settings;
}

AugmentationSettings onlySwaps(std::int64_t swaps)
{
    AugmentationSettings settings;
    settings.deletion = 0;
    settings.swaps = swaps;
    return settings;
}

std::vector<std::string> sortedWords(std::string_view text)
{
    std::vector<std::string> words;
    for (const auto word : splitWords(text))
        words.emplace_back(word);
    std::sort(words.begin(), words.end());
    return words;
}

SynonymTable animals(const TempDir &dir)
{
    return SynonymTable::load(dir.write("synonyms.txt", "# animals\nfox, wolf\ndog\tcanine\thound\n\nquick,fast\n"));
}

} // namespace

TEST(SynonymTable, ReadsGroupsSeparatedByCommasOrTabs)
{
    TempDir dir;
    const auto table = SynonymTable::load(dir.write("s.txt", "\xEF\xBB\xBF" "big, large ,huge\r\nsmall\tlittle\r\n"));
    EXPECT_EQ(table.groupCount(), 2u);
    EXPECT_EQ(table.alternatives("big"), (std::vector<std::string_view>{"large", "huge"}));
    EXPECT_EQ(table.alternatives("little"), (std::vector<std::string_view>{"small"}));
    EXPECT_TRUE(table.alternatives("Big").empty()); // exact matching
}

TEST(SynonymTable, MissingOrMalformedFilesNameTheFileAndLine)
{
    TempDir dir;
    EXPECT_EQ(errorOf([&] { SynonymTable::load(dir.file("absent.txt")); }).kind(), ErrorKind::NotFound);
    struct Case {
        const char *text;
        const char *where;
        const char *detailPart;
    };
    const std::vector<Case> cases = {
        {"big, large\nlonely\n", ": line 2", "one word"},
        {"big,,large\n", ": line 1", "empty entry"},
        {"a, b\n\n# c\nbig, very large\n", ": line 4", "space inside"},
        {"big, large\nhuge, big\n", ": line 2", "already in the group of"},
        {"big, large, big\n", ": line 1", "listed twice"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.text);
        const auto path = dir.write("bad.txt", c.text);
        const auto e = errorOf([&] { SynonymTable::load(path); });
        EXPECT_EQ(e.kind(), ErrorKind::Format);
        EXPECT_EQ(e.where(), path + c.where);
        EXPECT_NE(e.detail().find(c.detailPart), std::string::npos) << e.detail();
    }
    const auto empty = dir.write("empty.txt", "# nothing\n\n");
    const auto e = errorOf([&] { SynonymTable::load(empty); });
    EXPECT_EQ(e.where(), empty);
    EXPECT_NE(e.detail().find("no synonym group"), std::string::npos);
}

TEST(TextAugmenter, SameSeedGivesTheSameVariants)
{
    TempDir dir;
    AugmentationSettings settings;
    settings.copies = 4;
    settings.synonymRate = 0.5;
    const TextAugmenter augmenter(settings, animals(dir));
    SplitMix64 first(11);
    SplitMix64 second(11);
    SplitMix64 other(12);
    const auto a = augmenter.variants(kSentence, first);
    EXPECT_EQ(a, augmenter.variants(kSentence, second));
    EXPECT_NE(a, augmenter.variants(kSentence, other));
    EXPECT_EQ(a.size(), 4u);
    // Fixed here so a change of algorithm or platform that changes the data is caught.
    SplitMix64 fixed(1);
    EXPECT_EQ(TextAugmenter(onlySwaps(1), {}).variant("a b c d", fixed), "a b d c");
}

TEST(TextAugmenter, DeletionNeverEmptiesAText)
{
    const TextAugmenter augmenter(onlyDeletion(0.9), {});
    for (std::uint64_t seed = 0; seed < 200; ++seed) {
        SplitMix64 random(seed);
        for (const char *text : {"one", "two words", kSentence}) {
            const auto variant = augmenter.variant(text, random);
            ASSERT_FALSE(splitWords(variant).empty()) << text << " seed " << seed;
            for (const auto word : splitWords(variant))
                EXPECT_NE(std::string_view(text).find(word), std::string_view::npos);
        }
    }
    SplitMix64 random(3);
    EXPECT_LT(splitWords(augmenter.variant(kSentence, random)).size(), splitWords(kSentence).size());
}

TEST(TextAugmenter, SwapsKeepTheMultisetOfWords)
{
    const TextAugmenter augmenter(onlySwaps(3), {});
    for (std::uint64_t seed = 0; seed < 50; ++seed) {
        SplitMix64 random(seed);
        const auto variant = augmenter.variant(kSentence, random);
        EXPECT_EQ(sortedWords(variant), sortedWords(kSentence)) << variant;
    }
    SplitMix64 random(5);
    EXPECT_NE(augmenter.variant(kSentence, random), kSentence);
}

TEST(TextAugmenter, SynonymsReplaceOnlyListedWordsByTheirGroup)
{
    TempDir dir;
    AugmentationSettings settings;
    settings.deletion = 0;
    settings.swaps = 0;
    settings.synonymRate = 1.0;
    const TextAugmenter augmenter(settings, animals(dir));
    const auto source = splitWords(kSentence);
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
        SplitMix64 random(seed);
        const auto variant = augmenter.variant(kSentence, random);
        const auto words = splitWords(variant);
        ASSERT_EQ(words.size(), source.size());
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (source[i] == "fox")
                EXPECT_EQ(words[i], "wolf");
            else if (source[i] == "quick")
                EXPECT_EQ(words[i], "fast");
            else if (source[i] == "dog")
                EXPECT_TRUE(words[i] == "canine" || words[i] == "hound") << words[i];
            else
                EXPECT_EQ(words[i], source[i]);
        }
    }
}

TEST(TextAugmenter, TextWithoutSpacesIsLeftToSynonymsAlone)
{
    AugmentationSettings settings;
    settings.copies = 8;
    settings.deletion = 0.5;
    settings.swaps = 4;
    const TextAugmenter augmenter(settings, {});
    SplitMix64 random(9);
    EXPECT_TRUE(augmenter.variants("床前明月光疑是地上霜", random).empty()); // nothing new to add
    EXPECT_EQ(augmenter.variant("床前明月光疑是地上霜", random), "床前明月光疑是地上霜");
}

namespace {

DatasetSpec topicsSpec(const TempDir &dir)
{
    std::string csv = "text,label\n";
    for (int i = 0; i < 20; ++i)
        csv += "row " + std::to_string(i) + " has several plain words in it," + (i % 2 ? "odd" : "even") + "\n";
    DatasetSpec spec;
    spec.path = dir.write("topics.csv", csv);
    spec.kind = DatasetKind::Classification;
    spec.validationFraction = 0.25;
    return spec;
}

} // namespace

TEST(DatasetAugmentation, AddsVariantsToTrainingOnlyAndKeepsLabels)
{
    TempDir dir;
    const auto tokenizer = byteTokenizer();
    auto spec = topicsSpec(dir);
    const LoadedDataset plain = loadDataset(spec, *tokenizer, {});
    AugmentationSettings settings;
    settings.copies = 3;
    spec.augmentation = settings;
    const LoadedDataset augmented = loadDataset(spec, *tokenizer, {});

    EXPECT_EQ(plain.train.size(), 15u);
    EXPECT_GT(augmented.train.size(), plain.train.size());
    EXPECT_LE(augmented.train.size(), 4 * plain.train.size());
    EXPECT_EQ(augmented.report.augmentedExamples, augmented.train.size() - plain.train.size());
    EXPECT_EQ(augmented.report.trainExamples, augmented.train.size());
    EXPECT_EQ(augmented.report.toJson()["augmented_examples"], augmented.report.augmentedExamples);
    // The report describes the file: rows and labels as without augmentation.
    EXPECT_EQ(augmented.report.rowsUsed, plain.report.rowsUsed);
    EXPECT_EQ(augmented.report.labels, plain.report.labels);
    // Validation untouched.
    ASSERT_EQ(augmented.validation.size(), plain.validation.size());
    for (std::size_t i = 0; i < plain.validation.size(); ++i) {
        EXPECT_EQ(augmented.validation[i].inputIds, plain.validation[i].inputIds);
        EXPECT_EQ(augmented.validation[i].line, plain.validation[i].line);
    }
    // Each variant keeps the label of the row it came from (odd lines of the file: even rows).
    std::set<std::uint64_t> validationLines;
    for (const auto &example : plain.validation)
        validationLines.insert(example.line);
    for (const auto &example : augmented.train) {
        EXPECT_FALSE(validationLines.contains(example.line)) << "a variant of a validation row";
        const auto row = example.line - 2; // line 2 holds row 0
        EXPECT_EQ(augmented.labelNames[example.classLabel], row % 2 ? "odd" : "even") << example.line;
    }
    // Deterministic for a seed.
    const LoadedDataset again = loadDataset(spec, *tokenizer, {});
    ASSERT_EQ(again.train.size(), augmented.train.size());
    for (std::size_t i = 0; i < again.train.size(); ++i)
        EXPECT_EQ(again.train[i].inputIds, augmented.train[i].inputIds);
}

TEST(DatasetAugmentation, PretrainingTextGrowsAndChatDataIsRefused)
{
    TempDir dir;
    const auto tokenizer = byteTokenizer();
    DatasetSpec text;
    std::string body;
    for (int i = 0; i < 10; ++i)
        body += "paragraph " + std::to_string(i) + " tells a short story about a cat and a dog\n\n";
    text.path = dir.write("story.txt", body);
    text.kind = DatasetKind::PretrainText;
    DatasetOptions options;
    options.maxSeqLen = 32;
    const auto plain = loadDataset(text, *tokenizer, options);
    text.augmentation = AugmentationSettings{};
    text.augmentation->copies = 2;
    const auto augmented = loadDataset(text, *tokenizer, options);
    EXPECT_GT(augmented.train.size(), plain.train.size());
    EXPECT_GT(augmented.report.augmentedExamples, 0u);
    EXPECT_EQ(augmented.validation.size(), plain.validation.size());

    DatasetSpec chat;
    chat.path = dir.write("chat.jsonl", "{\"instruction\":\"say hi\",\"output\":\"hi\"}\n");
    chat.augmentation = AugmentationSettings{};
    const auto e = errorOf([&] { loadDataset(chat, *tokenizer, {}); });
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
    EXPECT_EQ(e.where(), "recipe: dataset.augmentation");
    EXPECT_NE(e.detail().find("alpaca"), std::string::npos) << e.detail();

    auto missing = topicsSpec(dir);
    missing.augmentation = AugmentationSettings{};
    missing.augmentation->synonyms = dir.file("absent.txt");
    EXPECT_EQ(errorOf([&] { loadDataset(missing, *tokenizer, {}); }).kind(), ErrorKind::NotFound);
}
