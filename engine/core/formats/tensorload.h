#pragma once

#include "formats/safetensorsweights.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace at {
class Tensor;
}

namespace llmos {

// Safetensors <-> torch. Kept out of the parsers so that only code that really makes
// tensors pays for torch headers.

// A tensor with the file's dtype and shape. It shares the file's memory (a private,
// copy-on-write mapping, so in-place changes never reach the file) when the data is
// aligned for its dtype, and is a copy otherwise. Types libtorch 1.13 has no dtype for
// (U16, U32, U64, the F8/F6/F4 families) are refused with Error(Unsupported).
at::Tensor toTorch(const std::shared_ptr<const SafetensorsFile> &file, const SafetensorsTensorInfo &info);
at::Tensor toTorch(const SafetensorsWeights::Entry &entry);

// Writes CPU tensors (made contiguous if needed) as a .safetensors file, atomically.
void writeSafetensors(const std::string &path, const std::vector<std::pair<std::string, at::Tensor>> &tensors,
                      const std::map<std::string, std::string> &metadata = {});

} // namespace llmos
