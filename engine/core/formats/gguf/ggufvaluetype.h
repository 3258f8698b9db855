#pragma once

#include <cstdint>
#include <string_view>

namespace llmos {

// Metadata value types with the ids GGUF stores. The order is also the order of the
// alternatives of GgufValue::Storage and GgufArray::Storage, so that a variant's index()
// is its type id.
enum class GgufValueType : std::uint32_t {
    U8 = 0,
    I8 = 1,
    U16 = 2,
    I16 = 3,
    U32 = 4,
    I32 = 5,
    F32 = 6,
    Bool = 7,
    String = 8,
    Array = 9,
    U64 = 10,
    I64 = 11,
    F64 = 12,
};

constexpr std::uint32_t kGgufValueTypeCount = 13;

// "u32", "string", "array", ... as gguf-py spells them, for messages.
std::string_view ggufValueTypeName(GgufValueType type) noexcept;

} // namespace llmos
