#pragma once

#include "tokenizer/tokenmodel.h"

#include <array>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>

namespace llmos {

// Byte-pair encoding as the Hugging Face BPE model does it: split the word into
// characters (or <0xNN> byte tokens, or unk), then apply merges lowest rank first.
// The merge loop keeps a heap of candidate pairs over a linked list of symbols, so a
// word of n characters costs O(n log n), not O(n^2): 1 MB without a space is fine.
class BpeModel : public TokenModel {
public:
    BpeModel(const nlohmann::json &object, const std::string &where, std::size_t idBound, ModelTables *tables = nullptr);

    void tokenize(std::string_view word, std::vector<std::int32_t> &out) const override;

private:
    void merge(std::string_view word, std::vector<std::int32_t> &out) const;
    struct Merge {
        std::uint32_t rank;
        std::int32_t newId;
    };
    // Pair of ids → merge, open addressing: one allocation for all merges (an
    // unordered_map made one per merge) and a probe that is usually one slot.
    class MergeTable {
    public:
        void reserve(std::size_t count);
        void set(std::uint64_t key, Merge merge); // replaces an existing entry
        const Merge *find(std::uint64_t key) const noexcept
        {
            if (m_slots.empty()) return nullptr;
            const std::size_t mask = m_slots.size() - 1;
            for (std::size_t i = mix(key) & mask;; i = (i + 1) & mask) {
                if (m_slots[i].key == key) return &m_slots[i].merge;
                if (m_slots[i].key == kEmpty) return nullptr;
            }
        }

    private:
        static constexpr std::uint64_t kEmpty = ~std::uint64_t{0}; // pairKey(-1, -1): ids are never negative
        struct Slot {
            std::uint64_t key = kEmpty;
            Merge merge{};
        };
        static std::size_t mix(std::uint64_t key) noexcept
        {
            key ^= key >> 33;
            key *= 0xff51afd7ed558ccdULL;
            key ^= key >> 33;
            return static_cast<std::size_t>(key);
        }
        std::vector<Slot> m_slots;
        std::size_t m_count = 0;
    };
    static std::uint64_t pairKey(std::int32_t a, std::int32_t b)
    {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) | static_cast<std::uint32_t>(b);
    }
    const Merge *findMerge(std::int32_t a, std::int32_t b) const;
    // entryAt(i) gives merge i as a MergeText; the JSON list and the fast loader's
    // MergeEntries share the checks and the messages.
    struct MergeText {
        enum class Kind { Line, Pair, Invalid } kind;
        std::string_view left;  // the whole line for Kind::Line
        std::string_view right;
    };
    template <class EntryAt>
    void loadMerges(std::size_t count, EntryAt entryAt, const std::string &where);
    void checkByteTokens(const std::string &where);

    MergeTable m_merges;
    std::string m_prefix; // continuing_subword_prefix
    std::string m_suffix; // end_of_word_suffix
    bool m_fuseUnk = false;
    bool m_byteFallback = false;
    bool m_ignoreMerges = false;
    std::array<std::int32_t, 256> m_byteIds{}; // id of <0xNN>, or -1

    // Words repeat; remembering their ids doubles prose throughput. Bounded like the
    // Rust library's cache: once full it stops growing. Readers share the lock.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    mutable std::shared_mutex m_cacheMutex;
    mutable std::unordered_map<std::string, std::vector<std::int32_t>, Hash, std::equal_to<>> m_cache;
};

} // namespace llmos
