#pragma once

#include "formats/dtype.h"

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace llmos {

struct SafetensorsWriteEntry {
    std::string name;
    DType dtype = DType::F32;
    std::vector<std::uint64_t> shape;
    std::span<const std::uint8_t> bytes; // row-major, little-endian
};

// Writes a .safetensors file atomically (temp file in the destination folder, fsync,
// rename, fsync the folder). Tensors are stored in the order given; header keys are
// sorted and the header is padded with spaces to a multiple of 8 bytes so the data
// section is aligned. Writing what was read gives the same bytes.
void writeSafetensors(const std::string &path, const std::vector<SafetensorsWriteEntry> &tensors,
                      const std::map<std::string, std::string> &metadata = {});

} // namespace llmos
