#include "formats/safetensorswriter.h"

#include "util/checkedmath.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace llmos {

SafetensorsStreamWriter::SafetensorsStreamWriter(std::string path, std::vector<SafetensorsTensorSpec> tensors,
                                                 const std::map<std::string, std::string> &metadata)
    : m_path(std::move(path))
    , m_tensors(std::move(tensors))
    , m_out(m_path)
{
    nlohmann::json header = nlohmann::json::object();
    if (!metadata.empty())
        header["__metadata__"] = metadata;
    std::set<std::string_view> names;
    std::uint64_t offset = 0;
    for (const auto &t : m_tensors) {
        if (t.name == "__metadata__" || !names.insert(t.name).second)
            throw Error(ErrorKind::InvalidInput, m_path, "tensor name \"" + t.name + "\" is used twice or reserved");
        const auto elements = checkedProduct(t.shape);
        const auto bits = elements ? checkedMul(*elements, dtypeBits(t.dtype)) : std::nullopt;
        const auto end = bits && *bits % 8 == 0 ? checkedAdd(offset, *bits / 8) : std::nullopt;
        if (!end)
            throw Error(ErrorKind::InvalidInput, m_path + ": tensor \"" + t.name + "\"",
                        "has a shape whose size in " + std::string(dtypeName(t.dtype)) + " cannot be stored");
        header[t.name] = {{"dtype", dtypeName(t.dtype)}, {"shape", t.shape}, {"data_offsets", {offset, *end}}};
        m_sizes.push_back(*end - offset);
        offset = *end;
    }
    std::string json = header.dump();
    json.append((8 - json.size() % 8) % 8, ' ');
    const std::uint64_t headerSize = json.size();
    std::uint8_t prefix[8];
    for (int i = 0; i < 8; ++i)
        prefix[i] = static_cast<std::uint8_t>(headerSize >> (8 * i));
    m_out.write(prefix, sizeof prefix);
    m_out.write(json.data(), json.size());
}

const SafetensorsTensorSpec *SafetensorsStreamWriter::next() const
{
    return m_next < m_tensors.size() ? &m_tensors[m_next] : nullptr;
}

void SafetensorsStreamWriter::write(std::span<const std::uint8_t> bytes)
{
    if (m_next >= m_tensors.size())
        throw Error(ErrorKind::InvalidInput, m_path, "every tensor is written already");
    const auto &t = m_tensors[m_next];
    if (bytes.size() != m_sizes[m_next]) {
        m_next = m_tensors.size() + 1; // the file is wrong from here: refuse the rest and the commit
        throw Error(ErrorKind::InvalidInput, m_path + ": tensor \"" + t.name + "\"",
                    "has " + std::to_string(bytes.size()) + " bytes, which does not match its dtype "
                        + std::string(dtypeName(t.dtype)) + " and shape");
    }
    m_out.write(bytes);
    ++m_next;
}

void SafetensorsStreamWriter::commit()
{
    if (m_next != m_tensors.size())
        throw Error(ErrorKind::Internal, m_path,
                    "committed with " + std::to_string(m_tensors.size() - std::min(m_next, m_tensors.size()))
                        + " tensors unwritten");
    m_out.commit();
}

void writeSafetensors(const std::string &path, const std::vector<SafetensorsWriteEntry> &tensors,
                      const std::map<std::string, std::string> &metadata)
{
    std::vector<SafetensorsTensorSpec> specs;
    for (const auto &t : tensors)
        specs.push_back({t.name, t.dtype, t.shape});
    SafetensorsStreamWriter out(path, std::move(specs), metadata);
    for (const auto &t : tensors)
        out.write(t.bytes);
    out.commit();
}

} // namespace llmos
