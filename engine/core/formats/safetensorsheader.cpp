#include "formats/safetensorsheader.h"

#include "formats/strictjson.h"
#include "util/bytereader.h"
#include "util/checkedmath.h"
#include "util/error.h"

#include <algorithm>

namespace llmos {

namespace {

constexpr std::size_t kMaxDims = 64;

[[noreturn]] void failTensor(const std::string &source, const std::string &tensor, const std::string &detail)
{
    throw Error(ErrorKind::Format, source + ": tensor \"" + tensor + "\"", detail);
}

std::uint64_t readIndex(const nlohmann::json &value, const std::string &source, const std::string &tensor,
                        const char *field)
{
    if (!value.is_number_unsigned())
        failTensor(source, tensor, std::string(field) + " must hold non-negative integers");
    return value.get<std::uint64_t>();
}

SafetensorsTensorInfo parseEntry(const std::string &name, const nlohmann::json &entry, const std::string &source)
{
    if (!entry.is_object())
        failTensor(source, name, "entry must be an object with dtype, shape and data_offsets");
    for (const auto &[key, _] : entry.items())
        if (key != "dtype" && key != "shape" && key != "data_offsets")
            failTensor(source, name, "unexpected field \"" + key + "\"");

    SafetensorsTensorInfo info;
    info.name = name;

    const auto dtypeIt = entry.find("dtype");
    if (dtypeIt == entry.end() || !dtypeIt->is_string())
        failTensor(source, name, "missing dtype");
    const auto dtypeName = dtypeIt->get<std::string>();
    const auto dtype = dtypeFromName(dtypeName);
    if (!dtype)
        throw Error(ErrorKind::Unsupported, source + ": tensor \"" + name + "\"",
                    "unknown dtype \"" + dtypeName + "\"");
    info.dtype = *dtype;

    const auto shapeIt = entry.find("shape");
    if (shapeIt == entry.end() || !shapeIt->is_array())
        failTensor(source, name, "missing shape");
    if (shapeIt->size() > kMaxDims)
        failTensor(source, name, "shape has " + std::to_string(shapeIt->size()) + " dimensions (at most "
                                     + std::to_string(kMaxDims) + ")");
    for (const auto &d : *shapeIt)
        info.shape.push_back(readIndex(d, source, name, "shape"));

    const auto offsetsIt = entry.find("data_offsets");
    if (offsetsIt == entry.end() || !offsetsIt->is_array() || offsetsIt->size() != 2)
        failTensor(source, name, "data_offsets must be [begin, end]");
    info.dataBegin = readIndex((*offsetsIt)[0], source, name, "data_offsets");
    info.dataEnd = readIndex((*offsetsIt)[1], source, name, "data_offsets");
    if (info.dataEnd < info.dataBegin)
        failTensor(source, name, "data_offsets end " + std::to_string(info.dataEnd) + " is before begin "
                                     + std::to_string(info.dataBegin));

    const auto elements = checkedProduct(info.shape);
    const auto bits = elements ? checkedMul(*elements, dtypeBits(info.dtype)) : std::nullopt;
    if (!bits)
        failTensor(source, name, "shape element count overflows 64 bits");
    if (*bits % 8 != 0)
        failTensor(source, name, "shape does not fill whole bytes for dtype " + dtypeName);
    if (*bits / 8 != info.byteSize())
        failTensor(source, name, "holds " + std::to_string(info.byteSize()) + " bytes but dtype " + dtypeName
                                     + " and its shape need " + std::to_string(*bits / 8));
    return info;
}

} // namespace

std::uint64_t SafetensorsTensorInfo::elementCount() const noexcept
{
    return checkedProduct(shape).value_or(0);
}

const SafetensorsTensorInfo *SafetensorsHeader::find(std::string_view name) const
{
    for (const auto &t : tensors)
        if (t.name == name)
            return &t;
    return nullptr;
}

SafetensorsHeader parseSafetensorsHeader(std::span<const std::uint8_t> fileBytes, const std::string &sourceName)
{
    ByteReader reader(fileBytes, sourceName);
    if (fileBytes.size() < 8)
        reader.fail("not a safetensors file: " + std::to_string(fileBytes.size())
                    + " bytes is shorter than the 8-byte header length");
    SafetensorsHeader header;
    header.headerSize = reader.u64();
    if (header.headerSize < 2)
        reader.failAt(0, "header length " + std::to_string(header.headerSize) + " is too small for a JSON object");
    if (header.headerSize > SafetensorsHeader::kMaxHeaderSize)
        reader.failAt(0, "header length " + std::to_string(header.headerSize) + " exceeds the 100 MB limit");
    if (header.headerSize > reader.remaining())
        reader.failAt(0, "header length " + std::to_string(header.headerSize) + " is larger than the "
                             + std::to_string(reader.remaining()) + " bytes after it (file truncated?)");
    header.dataStart = 8 + header.headerSize;
    const std::string_view json = reader.takeString(header.headerSize, "header");
    if (json.front() != '{')
        reader.failAt(8, "header does not start with '{'");

    const nlohmann::json doc = parseJsonStrict(json, sourceName + " (header)");
    if (!doc.is_object())
        reader.failAt(8, "header is not a JSON object");

    for (const auto &[key, value] : doc.items()) {
        if (key == "__metadata__") {
            if (!value.is_object())
                throw Error(ErrorKind::Format, sourceName + ": __metadata__", "must be an object of strings");
            for (const auto &[mk, mv] : value.items()) {
                if (!mv.is_string())
                    throw Error(ErrorKind::Format, sourceName + ": __metadata__." + mk,
                                "metadata values must be strings");
                header.metadata.emplace(mk, mv.get<std::string>());
            }
            continue;
        }
        header.tensors.push_back(parseEntry(key, value, sourceName));
    }

    // Offsets must tile the data section exactly: sorted by begin, each starts where
    // the previous one ended, the last ends at the end of the file.
    std::sort(header.tensors.begin(), header.tensors.end(), [](const auto &a, const auto &b) {
        return a.dataBegin != b.dataBegin ? a.dataBegin < b.dataBegin : a.dataEnd < b.dataEnd;
    });
    const std::uint64_t dataSize = fileBytes.size() - header.dataStart;
    std::uint64_t expected = 0;
    for (const auto &t : header.tensors) {
        if (t.dataBegin < expected)
            failTensor(sourceName, t.name, "data overlaps the previous tensor (begins at "
                                               + std::to_string(t.dataBegin) + ", expected "
                                               + std::to_string(expected) + ")");
        if (t.dataBegin > expected)
            failTensor(sourceName, t.name, "leaves a hole of " + std::to_string(t.dataBegin - expected)
                                               + " bytes before it in the data section");
        if (t.dataEnd > dataSize)
            throw Error(ErrorKind::Format, atByte(sourceName, header.dataStart + t.dataBegin),
                        "tensor \"" + t.name + "\" ends at data offset " + std::to_string(t.dataEnd)
                            + ", past the end of the file (data section is " + std::to_string(dataSize)
                            + " bytes; file truncated?)");
        expected = t.dataEnd;
    }
    if (expected != dataSize)
        throw Error(ErrorKind::Format, atByte(sourceName, header.dataStart + expected),
                    std::to_string(dataSize - expected) + " bytes after the last tensor are not described by the header");
    return header;
}

} // namespace llmos
