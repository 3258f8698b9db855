#include "tokenizer/vocabulary.h"

#include "tokenizer/jsonfields.h"
#include "util/error.h"

#include <fmt/format.h>

namespace llmos {

Vocabulary Vocabulary::fromJson(const nlohmann::json &object, const std::string &where, std::size_t idBound)
{
    if (!object.is_object())
        throw Error(ErrorKind::Format, where, fmt::format("expected an object of token: id, found {}", object.type_name()));
    Vocabulary vocab;
    vocab.m_ids.reserve(object.size());
    for (const auto &[token, value] : object.items()) {
        const std::string at = jsonfields::path(where, token);
        const std::int32_t id = jsonfields::asTokenId(value, at);
        if (static_cast<std::size_t>(id) >= idBound)
            throw Error(ErrorKind::Format, at,
                        fmt::format("token id {} is far beyond the vocabulary: the file lists {} tokens, so ids must "
                                    "be below {}",
                                    id, object.size(), idBound));
        vocab.add(token, id, where);
    }
    return vocab;
}

void Vocabulary::add(std::string token, std::int32_t id, const std::string &where)
{
    const auto index = static_cast<std::size_t>(id);
    if (index >= m_tokens.size()) {
        m_tokens.resize(index + 1);
        m_present.resize(index + 1, false);
    }
    if (m_present[index])
        throw Error(ErrorKind::Format, where,
                    fmt::format("id {} is given to two tokens, '{}' and '{}'", id, m_tokens[index], token));
    const auto [it, inserted] = m_ids.emplace(token, id);
    if (!inserted)
        throw Error(ErrorKind::Format, where, fmt::format("token '{}' appears twice (ids {} and {})", token, it->second, id));
    m_tokens[index] = std::move(token);
    m_present[index] = true;
}

std::optional<std::int32_t> Vocabulary::find(std::string_view token) const
{
    const auto it = m_ids.find(token);
    if (it == m_ids.end()) return std::nullopt;
    return it->second;
}

const std::string *Vocabulary::token(std::int32_t id) const
{
    if (id < 0 || static_cast<std::size_t>(id) >= m_tokens.size() || !m_present[static_cast<std::size_t>(id)])
        return nullptr;
    return &m_tokens[static_cast<std::size_t>(id)];
}

} // namespace llmos
