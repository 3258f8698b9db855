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
    BpeModel(const nlohmann::json &object, const std::string &where, std::size_t idBound);

    void tokenize(std::string_view word, std::vector<std::int32_t> &out) const override;

private:
    void merge(std::string_view word, std::vector<std::int32_t> &out) const;
    struct Merge {
        std::uint32_t rank;
        std::int32_t newId;
    };
    static std::uint64_t pairKey(std::int32_t a, std::int32_t b)
    {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) | static_cast<std::uint32_t>(b);
    }
    const Merge *findMerge(std::int32_t a, std::int32_t b) const;
    void loadMerges(const nlohmann::json &merges, const std::string &where);
    void checkByteTokens(const std::string &where);

    std::unordered_map<std::uint64_t, Merge> m_merges;
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
