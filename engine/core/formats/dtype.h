#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace llmos {

// Element types of tensors in files (safetensors spelling). Not every type can become a
// torch tensor in libtorch 1.13; see tensorload.h.
enum class DType : std::uint8_t {
    Bool, U8, I8, I16, U16, F16, BF16, I32, U32, F32, F64, I64, U64, C64,
    F8_E4M3, F8_E5M2, F8_E8M0, F8_E4M3FNUZ, F8_E5M2FNUZ,
    F4, F6_E2M3, F6_E3M2,
};

std::string_view dtypeName(DType type) noexcept;
std::optional<DType> dtypeFromName(std::string_view name) noexcept;
// Size of one element in bits (4 and 6 for the sub-byte float types).
unsigned dtypeBits(DType type) noexcept;

} // namespace llmos
