#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace llmos {

// model.vocab as the fast loader reads it straight from the text (tokenizerjson.h):
// the token strings one after another in `text`, and each token's place and id.
struct VocabEntries {
    struct Entry {
        std::uint32_t offset;
        std::uint32_t length;
        std::uint64_t id; // as written: not yet checked against any bound
    };
    std::string text;
    std::vector<Entry> entries;

    std::string_view token(const Entry &e) const { return std::string_view(text).substr(e.offset, e.length); }
};

// Token strings and ids in both directions. Ids may have holes (some files skip ids),
// but never duplicates.
class Vocabulary {
public:
    // From a tokenizer.json "vocab" object {token: id}. Ids must be unique and below
    // idBound, which keeps a hostile file from making us allocate 2^31 slots.
    static Vocabulary fromJson(const nlohmann::json &object, const std::string &where, std::size_t idBound);
    // The same from entries the fast loader collected. Returns nothing when anything is
    // wrong with them (a repeated token or id, an id out of bounds): the caller then
    // loads the document the slow way, which reports the problem as fromJson does.
    static std::optional<Vocabulary> fromEntries(const VocabEntries &entries, std::size_t idBound);

    void add(std::string token, std::int32_t id, const std::string &where);

    std::optional<std::int32_t> find(std::string_view token) const;
    // nullptr for ids that have no token.
    const std::string *token(std::int32_t id) const;
    // One past the largest id.
    std::int32_t idLimit() const noexcept { return static_cast<std::int32_t>(m_tokens.size()); }
    std::size_t size() const noexcept { return m_count; }

    template <class Fn>
    void forEach(Fn fn) const
    {
        for (std::size_t id = 0; id < m_tokens.size(); ++id)
            if (m_present[id]) fn(m_tokens[id], static_cast<std::int32_t>(id));
    }

private:
    // The index from token to id is an open-addressing table of ids (the strings live
    // once, in m_tokens): one allocation instead of one per token, and lookups that
    // usually touch one slot. Each slot keeps 32 bits of the hash to skip most string
    // comparisons.
    struct Slot {
        std::uint32_t tag = 0;
        std::int32_t id = -1; // -1: empty
    };
    static std::uint64_t hashOf(std::string_view token) noexcept;
    // The slot holding token, or the empty slot where it would go.
    std::size_t slotOf(std::string_view token, std::uint64_t hash) const noexcept;
    void reserveIndex(std::size_t count);
    // False when the token is already there (its id is then in `existing`).
    bool insertIndex(std::string_view token, std::int32_t id, std::int32_t &existing);
    void setToken(std::size_t index, std::string token);

    std::vector<Slot> m_slots;
    std::size_t m_count = 0;
    std::vector<std::string> m_tokens;
    std::vector<bool> m_present;
};

} // namespace llmos
