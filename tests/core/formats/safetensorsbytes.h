#pragma once

#include <cstdint>
#include <string>

namespace llmos::test {

// A .safetensors file from a header text and a data section of `dataBytes` bytes
// (filled with a counting pattern), so tests can write hostile headers by hand.
inline std::string safetensorsBytes(const std::string &header, std::size_t dataBytes, std::uint64_t declaredLength = 0)
{
    const std::uint64_t n = declaredLength ? declaredLength : header.size();
    std::string out;
    for (int i = 0; i < 8; ++i)
        out.push_back(static_cast<char>((n >> (8 * i)) & 0xff));
    out += header;
    for (std::size_t i = 0; i < dataBytes; ++i)
        out.push_back(static_cast<char>(i & 0xff));
    return out;
}

} // namespace llmos::test
