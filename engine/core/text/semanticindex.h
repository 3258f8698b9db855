#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace llmos {

// A text to index: a file of a folder (key: its path relative to the folder) or a row of
// a table (key: the table's file name, row: its data row, 1 = the first after a header).
struct SourceDocument {
    std::string key;
    std::int64_t row = -1;
    std::string text;
};

struct IndexedPassage {
    std::string document; // SourceDocument::key
    std::int64_t row = -1;
    std::size_t offset = 0; // the passage's bytes in its document's text
    std::string text;
};

struct SemanticSearchHit {
    std::size_t passage = 0; // index into passages()
    float score = 0;         // cosine similarity
};

// A semantic search index: documents split into passages (passagesplitter.h), each
// embedded by a model into a unit vector, searched by cosine similarity (a brute-force
// scan: a few hundred thousand passages take milliseconds, and no approximate index is
// at hand here). Model-independent: the caller embeds (TextEmbedder, or the apps'
// inference service), so this stays free of torch and of threads.
class SemanticIndex {
public:
    // texts -> one vector per text, all of one dimension.
    using Embedder = std::function<std::vector<std::vector<float>>(const std::vector<std::string> &texts)>;
    // Passages embedded so far of those to embed; false cancels.
    using Progress = std::function<bool(std::size_t done, std::size_t total)>;

    struct Update {
        std::size_t documents = 0;
        std::size_t passages = 0;
        std::size_t embedded = 0; // new or changed text
        std::size_t reused = 0;   // text the index held already, with the same model
    };

    // Makes the index hold exactly `documents`, embedded with `modelId`: passages whose
    // text the index already holds for that model keep their vectors (an update after a
    // few files changed embeds only those), the rest are embedded in batches of 32.
    // Cancelled (progress false) -> Error(Cancelled) and the index as it was; an embedder
    // answering the wrong count or dimension -> Error(Internal).
    Update update(const std::vector<SourceDocument> &documents, const std::string &modelId, const Embedder &embed,
                  const Progress &progress = {});

    // The k passages closest to `query` (any length; normalized here), best first.
    std::vector<SemanticSearchHit> search(std::span<const float> query, std::size_t k) const;
    // "More like this": the k passages closest to passage `passage`, none from its own
    // document.
    std::vector<SemanticSearchHit> similarTo(std::size_t passage, std::size_t k) const;

    const std::vector<IndexedPassage> &passages() const noexcept { return m_passages; }
    const std::string &modelId() const noexcept { return m_modelId; }
    std::size_t dimension() const noexcept { return m_dimension; }
    bool empty() const noexcept { return m_passages.empty(); }

    // index.json and vectors.f32 in `folder` (created), each written atomically.
    void save(const std::string &folder) const;
    // An index saved by save(); an empty index when the folder has none. A damaged or
    // inconsistent one -> Error(Format) naming the file and saying to index again.
    static SemanticIndex load(const std::string &folder);

private:
    // Scores of every passage against a unit vector, best k first, skipping `skip`.
    std::vector<SemanticSearchHit> nearest(std::span<const float> unit, std::size_t k,
                                           const std::function<bool(std::size_t)> &skip) const;

    std::string m_modelId;
    std::size_t m_dimension = 0;
    std::vector<IndexedPassage> m_passages;
    std::vector<float> m_vectors; // passages x dimension, each row of unit length
};

// The .txt and .md files under `folder` (recursively, links not followed, sorted by
// path), each at most maxFileBytes (longer ones are read up to there); invalid UTF-8 is
// kept as it is. Error(NotFound) when the folder does not exist.
std::vector<SourceDocument> readTextFolder(const std::string &folder, std::size_t maxFiles = 100000,
                                           std::size_t maxFileBytes = 4u << 20);

} // namespace llmos
