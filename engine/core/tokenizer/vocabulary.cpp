#include "tokenizer/vocabulary.h"

#include "tokenizer/jsonfields.h"
#include "util/error.h"

#include <fmt/format.h>

#include <bit>
#include <limits>

namespace llmos {

Vocabulary Vocabulary::fromJson(const nlohmann::json &object, const std::string &where, std::size_t idBound)
{
    if (!object.is_object())
        throw Error(ErrorKind::Format, where, fmt::format("expected an object of token: id, found {}", object.type_name()));
    Vocabulary vocab;
    vocab.reserveIndex(object.size());
    for (const auto &[token, value] : object.items()) {
        if (!value.is_number_unsigned() || value.get<std::uint64_t>() >= idBound) {
            // The path is only worth building for the message.
            const std::string at = jsonfields::path(where, token);
            const std::int32_t id = jsonfields::asTokenId(value, at);
            throw Error(ErrorKind::Format, at,
                        fmt::format("token id {} is far beyond the vocabulary: the file lists {} tokens, so ids must "
                                    "be below {}",
                                    id, object.size(), idBound));
        }
        vocab.add(token, static_cast<std::int32_t>(value.get<std::uint64_t>()), where);
    }
    return vocab;
}

std::optional<Vocabulary> Vocabulary::fromEntries(const VocabEntries &entries, std::size_t idBound)
{
    const std::size_t bound = std::min<std::size_t>(idBound, static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()) + 1);
    std::uint64_t limit = 0;
    for (const auto &e : entries.entries) {
        if (e.id >= bound) return std::nullopt;
        limit = std::max(limit, e.id + 1);
    }
    Vocabulary vocab;
    vocab.m_tokens.resize(limit);
    vocab.m_present.resize(limit, false);
    vocab.reserveIndex(entries.entries.size());
    for (const auto &e : entries.entries) {
        const auto index = static_cast<std::size_t>(e.id);
        if (vocab.m_present[index]) return std::nullopt;
        std::int32_t existing = -1;
        const std::string_view token = entries.token(e);
        vocab.setToken(index, std::string(token));
        if (!vocab.insertIndex(vocab.m_tokens[index], static_cast<std::int32_t>(index), existing)) return std::nullopt;
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
    if (const auto other = find(token))
        throw Error(ErrorKind::Format, where, fmt::format("token '{}' appears twice (ids {} and {})", token, *other, id));
    setToken(index, std::move(token));
    std::int32_t existing = -1;
    insertIndex(m_tokens[index], id, existing);
}

void Vocabulary::setToken(std::size_t index, std::string token)
{
    m_tokens[index] = std::move(token);
    m_present[index] = true;
}

std::uint64_t Vocabulary::hashOf(std::string_view token) noexcept
{
    return std::hash<std::string_view>{}(token);
}

std::size_t Vocabulary::slotOf(std::string_view token, std::uint64_t hash) const noexcept
{
    const std::size_t mask = m_slots.size() - 1;
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
        const Slot &slot = m_slots[i];
        if (slot.id < 0) return i;
        if (slot.tag == tag && m_tokens[static_cast<std::size_t>(slot.id)] == token) return i;
    }
}

void Vocabulary::reserveIndex(std::size_t count)
{
    // At most half full, so probes stay short.
    const std::size_t wanted = std::bit_ceil(std::max<std::size_t>(16, 2 * count));
    if (wanted <= m_slots.size()) return;
    std::vector<Slot> old(wanted);
    old.swap(m_slots);
    for (const Slot &slot : old) {
        if (slot.id < 0) continue;
        const std::uint64_t hash = hashOf(m_tokens[static_cast<std::size_t>(slot.id)]);
        m_slots[slotOf(m_tokens[static_cast<std::size_t>(slot.id)], hash)] = slot;
    }
}

bool Vocabulary::insertIndex(std::string_view token, std::int32_t id, std::int32_t &existing)
{
    if (2 * (m_count + 1) > m_slots.size()) reserveIndex(m_count + 1);
    const std::uint64_t hash = hashOf(token);
    Slot &slot = m_slots[slotOf(token, hash)];
    if (slot.id >= 0) {
        existing = slot.id;
        return false;
    }
    slot = {static_cast<std::uint32_t>(hash >> 32), id};
    ++m_count;
    return true;
}

std::optional<std::int32_t> Vocabulary::find(std::string_view token) const
{
    if (m_slots.empty()) return std::nullopt;
    const Slot &slot = m_slots[slotOf(token, hashOf(token))];
    if (slot.id < 0) return std::nullopt;
    return slot.id;
}

const std::string *Vocabulary::token(std::int32_t id) const
{
    if (id < 0 || static_cast<std::size_t>(id) >= m_tokens.size() || !m_present[static_cast<std::size_t>(id)])
        return nullptr;
    return &m_tokens[static_cast<std::size_t>(id)];
}

} // namespace llmos
