#include "formats/safetensorsfile.h"

#include "util/error.h"

namespace llmos {

std::shared_ptr<const SafetensorsFile> SafetensorsFile::open(const std::string &path)
{
    return std::shared_ptr<const SafetensorsFile>(new SafetensorsFile(MappedFile(path)));
}

SafetensorsFile::SafetensorsFile(MappedFile file)
    : m_file(std::move(file))
    , m_header(parseSafetensorsHeader(m_file.bytes(), m_file.path()))
{
}

const SafetensorsTensorInfo &SafetensorsFile::at(std::string_view name) const
{
    if (const auto *t = find(name))
        return *t;
    throw Error(ErrorKind::NotFound, path(), "has no tensor \"" + std::string(name) + "\"");
}

std::span<const std::uint8_t> SafetensorsFile::bytes(const SafetensorsTensorInfo &tensor) const
{
    return m_file.bytes().subspan(m_header.dataStart + tensor.dataBegin, tensor.byteSize());
}

} // namespace llmos
