#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace llmos {

// "[2, 3, 4]": a tensor shape as error messages print it.
inline std::string shapeText(std::span<const std::int64_t> shape)
{
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

} // namespace llmos
