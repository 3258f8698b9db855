#include "formats/safetensorswriter.h"

#include "util/atomicfile.h"
#include "util/checkedmath.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

#include <set>

namespace llmos {

void writeSafetensors(const std::string &path, const std::vector<SafetensorsWriteEntry> &tensors,
                      const std::map<std::string, std::string> &metadata)
{
    nlohmann::json header = nlohmann::json::object();
    if (!metadata.empty())
        header["__metadata__"] = metadata;

    std::set<std::string_view> names;
    std::uint64_t offset = 0;
    for (const auto &t : tensors) {
        if (t.name == "__metadata__" || !names.insert(t.name).second)
            throw Error(ErrorKind::InvalidInput, path, "tensor name \"" + t.name + "\" is used twice or reserved");
        const auto elements = checkedProduct(t.shape);
        const auto bits = elements ? checkedMul(*elements, dtypeBits(t.dtype)) : std::nullopt;
        if (!bits || *bits % 8 != 0 || *bits / 8 != t.bytes.size())
            throw Error(ErrorKind::InvalidInput, path + ": tensor \"" + t.name + "\"",
                        "has " + std::to_string(t.bytes.size()) + " bytes, which does not match its dtype "
                            + std::string(dtypeName(t.dtype)) + " and shape");
        header[t.name] = {{"dtype", dtypeName(t.dtype)},
                          {"shape", t.shape},
                          {"data_offsets", {offset, offset + t.bytes.size()}}};
        offset += t.bytes.size();
    }

    std::string json = header.dump();
    json.append((8 - json.size() % 8) % 8, ' ');
    const std::uint64_t headerSize = json.size();

    AtomicFileWriter out(path);
    std::uint8_t prefix[8];
    for (int i = 0; i < 8; ++i)
        prefix[i] = static_cast<std::uint8_t>(headerSize >> (8 * i));
    out.write(prefix, sizeof prefix);
    out.write(json.data(), json.size());
    for (const auto &t : tensors)
        out.write(t.bytes);
    out.commit();
}

} // namespace llmos
