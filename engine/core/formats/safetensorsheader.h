#pragma once

#include "formats/dtype.h"

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace llmos {

struct SafetensorsTensorInfo {
    std::string name;
    DType dtype = DType::F32;
    std::vector<std::uint64_t> shape;
    // Offsets relative to the start of the data section, as stored in the file.
    std::uint64_t dataBegin = 0;
    std::uint64_t dataEnd = 0;

    std::uint64_t byteSize() const noexcept { return dataEnd - dataBegin; }
    std::uint64_t elementCount() const noexcept;
};

// The validated header of a .safetensors file.
struct SafetensorsHeader {
    // The hard cap of the reference implementation: a larger header is refused.
    static constexpr std::uint64_t kMaxHeaderSize = 100'000'000;

    std::uint64_t headerSize = 0; // N, the JSON length after the 8-byte prefix
    std::uint64_t dataStart = 0;  // 8 + N: absolute offset of the data section
    std::vector<SafetensorsTensorInfo> tensors; // in data order
    std::map<std::string, std::string> metadata; // "__metadata__"

    const SafetensorsTensorInfo *find(std::string_view name) const;
};

// Parses and checks the header against the whole file: header length bounds, JSON
// (UTF-8, no duplicate keys), every entry's dtype/shape/offsets, size = elements × dtype,
// and offsets contiguous without holes or overlaps, covering the data section exactly.
// Throws Error(Format/Unsupported) naming the file and the byte offset or tensor.
SafetensorsHeader parseSafetensorsHeader(std::span<const std::uint8_t> fileBytes, const std::string &sourceName);

} // namespace llmos
