#include "formats/gguf/ggufvaluetype.h"

#include <array>

namespace llmos {

std::string_view ggufValueTypeName(GgufValueType type) noexcept
{
    static constexpr std::array<std::string_view, kGgufValueTypeCount> kNames{
        "u8", "i8", "u16", "i16", "u32", "i32", "f32", "bool", "string", "array", "u64", "i64", "f64"};
    const auto id = static_cast<std::uint32_t>(type);
    return id < kNames.size() ? kNames[id] : std::string_view("unknown");
}

} // namespace llmos
