#pragma once

#include "formats/safetensorsheader.h"
#include "util/mappedfile.h"

#include <memory>
#include <span>
#include <string>

namespace llmos {

// A .safetensors file mapped into memory with its validated header. Shared, because
// tensors made from it without copying keep the mapping alive.
class SafetensorsFile {
public:
    static std::shared_ptr<const SafetensorsFile> open(const std::string &path);

    const std::string &path() const noexcept { return m_file.path(); }
    const SafetensorsHeader &header() const noexcept { return m_header; }
    const std::vector<SafetensorsTensorInfo> &tensors() const noexcept { return m_header.tensors; }
    const SafetensorsTensorInfo *find(std::string_view name) const { return m_header.find(name); }
    // Throws Error(NotFound) naming the tensor and the file.
    const SafetensorsTensorInfo &at(std::string_view name) const;
    std::span<const std::uint8_t> bytes(const SafetensorsTensorInfo &tensor) const;

private:
    explicit SafetensorsFile(MappedFile file);

    MappedFile m_file;
    SafetensorsHeader m_header;
};

} // namespace llmos
