#pragma once

#include "formats/gguf/ggufvaluetype.h"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace llmos {

// A GGUF metadata array: elements of one type, kept in a typed vector (a 150k-entry
// vocabulary is a std::vector<std::string>, its scores a std::vector<float>). Arrays of
// arrays are vectors of GgufArray.
class GgufArray {
public:
    using Storage = std::variant<std::vector<std::uint8_t>, std::vector<std::int8_t>,
                                 std::vector<std::uint16_t>, std::vector<std::int16_t>,
                                 std::vector<std::uint32_t>, std::vector<std::int32_t>,
                                 std::vector<float>, std::vector<bool>, std::vector<std::string>,
                                 std::vector<GgufArray>, std::vector<std::uint64_t>,
                                 std::vector<std::int64_t>, std::vector<double>>;

    GgufArray() = default; // an empty array of u8
    explicit GgufArray(Storage values)
        : m_values(std::move(values))
    {
    }
    template<typename T>
    explicit GgufArray(std::vector<T> values)
        : m_values(std::move(values))
    {
    }

    GgufValueType elementType() const noexcept { return static_cast<GgufValueType>(m_values.index()); }
    std::size_t size() const noexcept
    {
        return std::visit([](const auto &v) { return v.size(); }, m_values);
    }
    bool empty() const noexcept { return size() == 0; }

    // The elements if they are of type T (exactly), else nullptr.
    template<typename T>
    const std::vector<T> *getIf() const noexcept
    {
        return std::get_if<std::vector<T>>(&m_values);
    }
    const Storage &storage() const noexcept { return m_values; }

    bool operator==(const GgufArray &other) const = default;

private:
    Storage m_values;
};

} // namespace llmos
