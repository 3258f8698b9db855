#pragma once

#include "formats/gguf/ggufarray.h"
#include "formats/gguf/ggufvaluetype.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

namespace llmos {

// One GGUF metadata value. Construct it from the exact C++ type of the GGUF type you
// mean (std::uint32_t for u32, float for f32, std::string or a literal for string, a
// GgufArray for array), so that a writer never stores a type by accident.
class GgufValue {
public:
    using Storage = std::variant<std::uint8_t, std::int8_t, std::uint16_t, std::int16_t, std::uint32_t,
                                 std::int32_t, float, bool, std::string, GgufArray, std::uint64_t,
                                 std::int64_t, double>;

    template<typename T>
        requires(!std::is_same_v<std::remove_cvref_t<T>, GgufValue>
                 && (std::is_same_v<std::remove_cvref_t<T>, std::uint8_t>
                     || std::is_same_v<std::remove_cvref_t<T>, std::int8_t>
                     || std::is_same_v<std::remove_cvref_t<T>, std::uint16_t>
                     || std::is_same_v<std::remove_cvref_t<T>, std::int16_t>
                     || std::is_same_v<std::remove_cvref_t<T>, std::uint32_t>
                     || std::is_same_v<std::remove_cvref_t<T>, std::int32_t>
                     || std::is_same_v<std::remove_cvref_t<T>, float>
                     || std::is_same_v<std::remove_cvref_t<T>, bool>
                     || std::is_same_v<std::remove_cvref_t<T>, std::string>
                     || std::is_same_v<std::remove_cvref_t<T>, GgufArray>
                     || std::is_same_v<std::remove_cvref_t<T>, std::uint64_t>
                     || std::is_same_v<std::remove_cvref_t<T>, std::int64_t>
                     || std::is_same_v<std::remove_cvref_t<T>, double>))
    GgufValue(T &&value)
        : m_value(std::forward<T>(value))
    {
    }
    GgufValue(const char *text)
        : m_value(std::string(text))
    {
    }
    GgufValue(std::string_view text)
        : m_value(std::string(text))
    {
    }

    GgufValueType type() const noexcept { return static_cast<GgufValueType>(m_value.index()); }

    // The value if it is stored as exactly T, else nullptr.
    template<typename T>
    const T *getIf() const noexcept
    {
        return std::get_if<T>(&m_value);
    }
    const GgufArray *array() const noexcept { return getIf<GgufArray>(); }
    const std::string *string() const noexcept { return getIf<std::string>(); }

    // Integer readings that do not care about the stored width: files disagree on
    // whether a count is u32, u64 or i32. Empty when the value is not an integer of any
    // width or does not fit (a negative number as unsigned, a u64 above INT64_MAX as signed).
    std::optional<std::uint64_t> toUInt() const noexcept;
    std::optional<std::int64_t> toInt() const noexcept;
    // f32 or f64; empty for anything else.
    std::optional<double> toFloat() const noexcept;

    // A short human-readable form for logs and the model browser: `u32 32`,
    // `string "llama"`, `array[151936] of string`.
    std::string describe() const;

    const Storage &storage() const noexcept { return m_value; }
    bool operator==(const GgufValue &other) const = default;

private:
    Storage m_value;
};

} // namespace llmos
