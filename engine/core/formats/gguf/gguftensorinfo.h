#pragma once

#include "formats/gguf/ggmltype.h"

#include <cstdint>
#include <string>
#include <vector>

namespace llmos {

// One entry of a GGUF file's tensor table, validated by GgufFile: dims are non-zero,
// the element count and byte size fit in 64 bits, the data lies inside the file.
struct GgufTensorInfo {
    std::string name;
    // As GGUF stores them: innermost (fastest-varying) dimension first, like ggml's ne[].
    std::vector<std::uint64_t> ggufDims;
    // The same dimensions in row-major (torch/numpy) order, i.e. ggufDims reversed.
    std::vector<std::int64_t> shape;
    GgmlType type = GgmlType::F32;
    // Offset of the data from the start of the file's data section (as stored).
    std::uint64_t offset = 0;
    std::uint64_t elementCount = 0;
    std::uint64_t byteSize = 0;
};

} // namespace llmos
