#pragma once

#include "tokenizer/vocabulary.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace llmos {

// model.merges as the fast loader reads it straight from the text (tokenizerjson.h):
// each merge is a "a b" line (left only) or an ["a", "b"] pair, its strings in `text`.
struct MergeEntries {
    struct Entry {
        std::uint32_t leftOffset;
        std::uint32_t leftLength;
        std::uint32_t rightOffset;
        std::uint32_t rightLength;
        bool pair;
    };
    std::string text;
    std::vector<Entry> entries;

    std::string_view left(const Entry &e) const { return std::string_view(text).substr(e.leftOffset, e.leftLength); }
    std::string_view right(const Entry &e) const { return std::string_view(text).substr(e.rightOffset, e.rightLength); }
};

// The big parts of "model" when the fast loader read them without a DOM; the DOM then
// holds empty placeholders for them. Each model takes what it uses.
struct ModelTables {
    std::optional<Vocabulary> vocab;    // model.vocab, already checked as Vocabulary::fromJson checks
    std::optional<MergeEntries> merges; // model.merges
};

// A tokenizer.json "model": turns one pre-tokenized word into ids.
class TokenModel {
public:
    virtual ~TokenModel() = default;

    // Appends the ids of word (valid UTF-8, non-empty) to out.
    virtual void tokenize(std::string_view word, std::vector<std::int32_t> &out) const = 0;

    const Vocabulary &vocabulary() const noexcept { return m_vocab; }
    std::optional<std::int32_t> unkId() const noexcept { return m_unkId; }

    // BPE or WordPiece; others are Error(Unsupported). idBound limits ids (see Vocabulary).
    // tables (may be null) supplies what the fast loader read; it is moved from.
    static std::unique_ptr<TokenModel> fromJson(const nlohmann::json &object, const std::string &where,
                                                std::size_t idBound, ModelTables *tables = nullptr);

protected:
    // The id of the unknown token named by the file; Error(Format) when the vocab lacks it.
    // model.vocab from tables when the fast loader read it, else from the DOM.
    static Vocabulary loadVocabulary(const nlohmann::json &object, const std::string &where, std::size_t idBound,
                                     ModelTables *tables);
    static std::int32_t requireUnkToken(const Vocabulary &vocab, const std::string &unk, const std::string &where);

    Vocabulary m_vocab;
    std::optional<std::int32_t> m_unkId;
};

} // namespace llmos
