#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace llmos {

// Token strings and ids in both directions. Ids may have holes (some files skip ids),
// but never duplicates.
class Vocabulary {
public:
    // From a tokenizer.json "vocab" object {token: id}. Ids must be unique and below
    // idBound, which keeps a hostile file from making us allocate 2^31 slots.
    static Vocabulary fromJson(const nlohmann::json &object, const std::string &where, std::size_t idBound);

    void add(std::string token, std::int32_t id, const std::string &where);

    std::optional<std::int32_t> find(std::string_view token) const;
    // nullptr for ids that have no token.
    const std::string *token(std::int32_t id) const;
    // One past the largest id.
    std::int32_t idLimit() const noexcept { return static_cast<std::int32_t>(m_tokens.size()); }
    std::size_t size() const noexcept { return m_ids.size(); }

    template <class Fn>
    void forEach(Fn fn) const
    {
        for (std::size_t id = 0; id < m_tokens.size(); ++id)
            if (m_present[id]) fn(m_tokens[id], static_cast<std::int32_t>(id));
    }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::int32_t, Hash, std::equal_to<>> m_ids;
    std::vector<std::string> m_tokens;
    std::vector<bool> m_present;
};

} // namespace llmos
