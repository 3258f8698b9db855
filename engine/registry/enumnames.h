#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace llmos {

// An enum's names as stored in the database and JSON, as a table both directions read.
template<typename Enum, std::size_t N>
using EnumNames = std::array<std::pair<Enum, const char *>, N>;

template<typename Enum, std::size_t N>
const char *enumName(const EnumNames<Enum, N> &table, Enum value) noexcept
{
    for (const auto &[v, name] : table)
        if (v == value)
            return name;
    return "";
}

template<typename Enum, std::size_t N>
std::optional<Enum> parseEnumName(const EnumNames<Enum, N> &table, std::string_view text) noexcept
{
    for (const auto &[v, name] : table)
        if (text == name)
            return v;
    return std::nullopt;
}

} // namespace llmos
