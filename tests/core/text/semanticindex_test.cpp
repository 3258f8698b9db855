// Semantic search's index (engine/core/text): passages cut where a reader would cut,
// cosine ranking with a hand-made embedder whose answers are known, "more like this"
// leaving out the passage's own document, updates that embed only new text, and saved
// indexes that load back or say they are damaged.
#include "text/passagesplitter.h"
#include "text/semanticindex.h"

#include "errorof.h"
#include "tempdir.h"
#include "util/error.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

using namespace llmos;
using test::TempDir;

namespace {

std::vector<std::string> piecesOf(std::string_view text, std::size_t maxBytes)
{
    std::vector<std::string> out;
    for (const auto &span : splitIntoPassages(text, maxBytes))
        out.emplace_back(text.substr(span.offset, span.length));
    return out;
}

// Three "topics" as the three axes: a text's vector counts its words about each, so the
// expected ranking is known by hand. Counts the texts it was asked to embed.
struct TopicEmbedder {
    std::shared_ptr<std::size_t> calls = std::make_shared<std::size_t>(0);

    std::vector<std::vector<float>> operator()(const std::vector<std::string> &texts) const
    {
        std::vector<std::vector<float>> out;
        for (const auto &text : texts) {
            const auto count = [&](std::initializer_list<const char *> words) {
                float n = 0;
                for (const auto *w : words)
                    for (auto at = text.find(w); at != std::string::npos; at = text.find(w, at + 1))
                        ++n;
                return n;
            };
            out.push_back({count({"cat", "dog", "pet"}), count({"rain", "sun", "wind"}), count({"code", "bug"})});
        }
        *calls += texts.size();
        return out;
    }
};

} // namespace

TEST(PassageSplitter, KeepsParagraphsWholeAndCutsLongOnesAtSentences)
{
    EXPECT_EQ(piecesOf("  \n\n \t\n", 100), std::vector<std::string>{});
    // Short paragraphs are joined while they fit; a blank line of spaces separates too.
    EXPECT_EQ(piecesOf("First one.\n\nSecond one.\n   \nThird paragraph here.", 30),
              (std::vector<std::string>{"First one.\n\nSecond one.", "Third paragraph here."}));
    // A long paragraph is cut after a sentence end, then at whitespace.
    EXPECT_EQ(piecesOf("The cat sat down. The dog ran off quickly today.", 30),
              (std::vector<std::string>{"The cat sat down.", "The dog ran off quickly today."}));
    EXPECT_EQ(piecesOf("aaaa bbbb cccc dddd eeee ffff gggg", 16),
              (std::vector<std::string>{"aaaa bbbb cccc", "dddd eeee ffff", "gggg"}));
    // Chinese sentence ends, and never inside a character (each is 3 bytes).
    EXPECT_EQ(piecesOf("床前明月光。疑是地上霜。举头望明月。", 20),
              (std::vector<std::string>{"床前明月光。", "疑是地上霜。", "举头望明月。"}));
    for (const auto &piece : piecesOf("一二三四五六七八九十一二三四五六七八九十", 16))
        EXPECT_EQ(piece.size() % 3, 0u) << piece;
    // Offsets point into the document.
    const std::string text = "first paragraph\n\n  second one";
    const auto spans = splitIntoPassages(text, 16);
    ASSERT_EQ(spans.size(), 2u);
    EXPECT_EQ(spans[1].offset, 19u);
    EXPECT_EQ(text.substr(spans[1].offset, spans[1].length), "second one");
}

TEST(SemanticIndex, RanksByCosineAndFindsMoreLikeThis)
{
    TopicEmbedder embed;
    SemanticIndex index;
    const auto update = index.update({{"pets.txt", -1, "My cat and my dog are good pets."},
                                      {"weather.md", -1, "Rain today, sun tomorrow, wind all week."},
                                      {"notes/code.txt", -1, "A bug in the code, another bug."},
                                      {"more-pets.txt", -1, "The dog chased the cat."}},
                                     "m-topics", embed);
    EXPECT_EQ(update.documents, 4u);
    EXPECT_EQ(update.passages, 4u);
    EXPECT_EQ(update.embedded, 4u);
    EXPECT_EQ(index.dimension(), 3u);

    const auto hits = index.search(embed({"dog"}).front(), 2);
    ASSERT_EQ(hits.size(), 2u);
    // Both pet texts point exactly along the pet axis: cosine 1 each.
    EXPECT_EQ(index.passages()[hits[0].passage].document, "pets.txt");
    EXPECT_EQ(index.passages()[hits[1].passage].document, "more-pets.txt");
    EXPECT_NEAR(hits[0].score, 1.0f, 1e-6);

    // A mixed query (0, 1, 1): the weather text is (0, 2, 0) and the code text (0, 0, 3),
    // both at cosine 1/√2 (the tie goes to the earlier passage); the pet texts at 0.
    const auto mixed = index.search(std::vector<float>{0, 1, 1}, 4);
    EXPECT_EQ(index.passages()[mixed[0].passage].document, "weather.md");
    EXPECT_NEAR(mixed[0].score, 1.0 / std::sqrt(2.0), 1e-6);
    EXPECT_NEAR(mixed[2].score, 0.0f, 1e-6);

    // More like this: the other pet text, never the passage's own document.
    const auto similar = index.similarTo(hits[0].passage, 3);
    ASSERT_EQ(similar.size(), 3u);
    EXPECT_EQ(index.passages()[similar[0].passage].document, "more-pets.txt");
    for (const auto &hit : similar)
        EXPECT_NE(index.passages()[hit.passage].document, "pets.txt");

    EXPECT_THROW(index.search(std::vector<float>{1, 0}, 1), Error);
}

TEST(SemanticIndex, UpdatesEmbedOnlyNewTextAndCancelLeavesTheIndex)
{
    TopicEmbedder embed;
    SemanticIndex index;
    std::vector<SourceDocument> documents{{"a.txt", -1, "cat"}, {"b.txt", -1, "rain"}, {"c.txt", -1, "bug"}};
    index.update(documents, "m-1", embed);
    EXPECT_EQ(*embed.calls, 3u);
    documents[1].text = "sun and wind";
    documents.push_back({"d.txt", -1, "dog"});
    const auto second = index.update(documents, "m-1", embed);
    EXPECT_EQ(second.embedded, 2u);
    EXPECT_EQ(second.reused, 2u);
    EXPECT_EQ(*embed.calls, 5u);
    // Another model: nothing can be reused.
    EXPECT_EQ(index.update(documents, "m-2", embed).embedded, 4u);

    const auto before = index.passages().size();
    documents.push_back({"e.txt", -1, "new pet"});
    EXPECT_THROW(index.update(documents, "m-2", embed, [](std::size_t, std::size_t) { return false; }), Error);
    EXPECT_EQ(index.passages().size(), before);
    EXPECT_EQ(index.modelId(), "m-2");
}

TEST(SemanticIndex, SavedIndexesLoadBackAndDamageIsReported)
{
    TopicEmbedder embed;
    SemanticIndex index;
    index.update({{"data.csv", 1, "cat and dog"}, {"data.csv", 2, "rain"}}, "m-1", embed);
    TempDir dir;
    index.save(dir.path());
    const auto loaded = SemanticIndex::load(dir.path());
    EXPECT_EQ(loaded.modelId(), "m-1");
    ASSERT_EQ(loaded.passages().size(), 2u);
    EXPECT_EQ(loaded.passages()[1].row, 2);
    EXPECT_EQ(loaded.search(std::vector<float>{0, 1, 0}, 1).front().passage, 1u);
    EXPECT_TRUE(SemanticIndex::load(dir.file("nothing-here")).empty());

    // Vectors cut short: the loader says which file and what to do.
    std::filesystem::resize_file(dir.file("vectors.f32"), 8);
    try {
        SemanticIndex::load(dir.path());
        ADD_FAILURE() << "a short vectors file loaded";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::Format);
        EXPECT_NE(std::string(e.what()).find("vectors.f32"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("index the documents again"), std::string::npos) << e.what();
    }
    dir.write("index.json", "{\"version\": 1, \"model\": 3}");
    EXPECT_THROW(SemanticIndex::load(dir.path()), Error);
}

TEST(SemanticIndex, ReadsTheTextFilesOfAFolder)
{
    TempDir dir;
    dir.write("b.md", "# Title\n\nbody");
    dir.write("sub/a.txt", "nested");
    dir.write("skip.bin", "binary");
    const auto documents = readTextFolder(dir.path());
    ASSERT_EQ(documents.size(), 2u);
    EXPECT_EQ(documents[0].key, "b.md");
    EXPECT_EQ(documents[1].key, "sub/a.txt");
    EXPECT_EQ(documents[1].text, "nested");
    EXPECT_EQ(test::errorOf([&] { readTextFolder(dir.file("missing")); }).kind(), ErrorKind::NotFound);
}
