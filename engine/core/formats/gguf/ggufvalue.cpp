#include "formats/gguf/ggufvalue.h"

#include <fmt/format.h>

#include <limits>

namespace llmos {

std::optional<std::uint64_t> GgufValue::toUInt() const noexcept
{
    return std::visit(
        [](const auto &v) -> std::optional<std::uint64_t> {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
                if constexpr (std::is_signed_v<T>) {
                    if (v < 0)
                        return std::nullopt;
                }
                return static_cast<std::uint64_t>(v);
            } else {
                return std::nullopt;
            }
        },
        m_value);
}

std::optional<std::int64_t> GgufValue::toInt() const noexcept
{
    return std::visit(
        [](const auto &v) -> std::optional<std::int64_t> {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
                if constexpr (std::is_same_v<T, std::uint64_t>) {
                    if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                        return std::nullopt;
                }
                return static_cast<std::int64_t>(v);
            } else {
                return std::nullopt;
            }
        },
        m_value);
}

std::optional<double> GgufValue::toFloat() const noexcept
{
    if (const float *f = getIf<float>())
        return *f;
    if (const double *d = getIf<double>())
        return *d;
    return std::nullopt;
}

std::string GgufValue::describe() const
{
    const std::string_view typeName = ggufValueTypeName(type());
    return std::visit(
        [&](const auto &v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::string>) {
                constexpr std::size_t kShown = 60;
                return v.size() <= kShown ? fmt::format("string \"{}\"", v)
                                          : fmt::format("string \"{}...\" ({} bytes)", v.substr(0, kShown), v.size());
            } else if constexpr (std::is_same_v<T, GgufArray>) {
                return fmt::format("array[{}] of {}", v.size(), ggufValueTypeName(v.elementType()));
            } else if constexpr (std::is_same_v<T, bool>) {
                return v ? "bool true" : "bool false";
            } else if constexpr (std::is_same_v<T, std::uint8_t> || std::is_same_v<T, std::int8_t>) {
                return fmt::format("{} {}", typeName, static_cast<int>(v));
            } else {
                return fmt::format("{} {}", typeName, v);
            }
        },
        m_value);
}

} // namespace llmos
