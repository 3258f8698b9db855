#include "formats/gguf/gguffile.h"

#include "formats/gguf/ggmlconvert.h"
#include "util/bytereader.h"
#include "util/checkedmath.h"
#include "util/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace llmos {

namespace {

constexpr std::uint64_t kInt64Max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
// The smallest encodings, used to bound counts by the bytes that remain before anything
// sized by a count is allocated: a key-value is a key length, a type and a 1-byte value;
// a tensor info a name length, n_dims, one dim, a type and an offset.
constexpr std::uint64_t kMinKeyValueBytes = 8 + 4 + 1;
constexpr std::uint64_t kMinTensorInfoBytes = 8 + 4 + 8 + 4 + 8;

// Bytes one array element takes at least: its size for numbers, the length prefix for
// strings, the element type and count for nested arrays.
std::uint64_t minEncodedSize(GgufValueType type)
{
    switch (type) {
    case GgufValueType::U8:
    case GgufValueType::I8:
    case GgufValueType::Bool: return 1;
    case GgufValueType::U16:
    case GgufValueType::I16: return 2;
    case GgufValueType::U32:
    case GgufValueType::I32:
    case GgufValueType::F32: return 4;
    case GgufValueType::U64:
    case GgufValueType::I64:
    case GgufValueType::F64:
    case GgufValueType::String: return 8;
    case GgufValueType::Array: return 4 + 8;
    }
    return 1;
}

// Reads keys, values and names; `m_context` ("key 'x'") goes into every message so the
// user learns which entry is broken, not only where.
class GgufMetadataReader {
public:
    GgufMetadataReader(ByteReader &reader, std::string context)
        : m_r(reader)
        , m_context(std::move(context))
    {
    }

    GgufValue value(std::uint32_t typeId) { return readValue(checkedType(typeId, m_r.offset() - 4), 0); }

    static std::string string(ByteReader &r, std::uint64_t cap, std::string_view what)
    {
        const std::uint64_t at = r.offset();
        const std::uint64_t length = r.u64();
        if (length > cap)
            r.failAt(at, fmt::format("{} is {} bytes long, more than the limit of {} bytes", what, length, cap));
        return std::string(r.takeString(length, what));
    }

private:
    GgufValueType checkedType(std::uint32_t id, std::uint64_t at) const
    {
        if (id >= kGgufValueTypeCount)
            m_r.failAt(at, fmt::format("{} has unknown value type {}", m_context, id));
        return static_cast<GgufValueType>(id);
    }

    GgufValue readValue(GgufValueType type, std::uint32_t depth)
    {
        switch (type) {
        case GgufValueType::U8: return m_r.u8();
        case GgufValueType::I8: return static_cast<std::int8_t>(m_r.u8());
        case GgufValueType::U16: return m_r.u16();
        case GgufValueType::I16: return static_cast<std::int16_t>(m_r.u16());
        case GgufValueType::U32: return m_r.u32();
        case GgufValueType::I32: return static_cast<std::int32_t>(m_r.u32());
        case GgufValueType::F32: return m_r.f32();
        case GgufValueType::Bool: return m_r.u8() != 0;
        case GgufValueType::String:
            return string(m_r, GgufFile::kMaxStringValueLength, "string value of " + m_context);
        case GgufValueType::Array: return readArray(depth + 1);
        case GgufValueType::U64: return m_r.u64();
        case GgufValueType::I64: return static_cast<std::int64_t>(m_r.u64());
        case GgufValueType::F64: return m_r.f64();
        }
        return std::uint8_t{0}; // unreachable: checkedType admits only the cases above
    }

    GgufArray readArray(std::uint32_t depth)
    {
        const std::uint64_t at = m_r.offset();
        if (depth > GgufFile::kMaxArrayDepth)
            m_r.failAt(at, fmt::format("{} nests arrays deeper than {} levels", m_context, GgufFile::kMaxArrayDepth));
        const GgufValueType elementType = checkedType(m_r.u32(), at);
        const std::uint64_t countAt = m_r.offset();
        const std::uint64_t count = m_r.u64();
        const std::uint64_t room = m_r.remaining() / minEncodedSize(elementType);
        if (count > room)
            m_r.failAt(countAt, fmt::format("{} claims {} elements of type {}, but the {} bytes left hold at most {}",
                                            m_context, count, ggufValueTypeName(elementType), m_r.remaining(),
                                            room));
        switch (elementType) {
        case GgufValueType::U8: return readElements<std::uint8_t>(count, [this] { return m_r.u8(); });
        case GgufValueType::I8:
            return readElements<std::int8_t>(count, [this] { return static_cast<std::int8_t>(m_r.u8()); });
        case GgufValueType::U16: return readElements<std::uint16_t>(count, [this] { return m_r.u16(); });
        case GgufValueType::I16:
            return readElements<std::int16_t>(count, [this] { return static_cast<std::int16_t>(m_r.u16()); });
        case GgufValueType::U32: return readElements<std::uint32_t>(count, [this] { return m_r.u32(); });
        case GgufValueType::I32:
            return readElements<std::int32_t>(count, [this] { return static_cast<std::int32_t>(m_r.u32()); });
        case GgufValueType::F32: return readElements<float>(count, [this] { return m_r.f32(); });
        case GgufValueType::Bool: return readElements<bool>(count, [this] { return m_r.u8() != 0; });
        case GgufValueType::String: {
            const std::string what = "string element of " + m_context; // once, not per element
            return readElements<std::string>(
                count, [this, &what] { return string(m_r, GgufFile::kMaxStringValueLength, what); });
        }
        case GgufValueType::Array:
            return readElements<GgufArray>(count, [this, depth] { return readArray(depth + 1); });
        case GgufValueType::U64: return readElements<std::uint64_t>(count, [this] { return m_r.u64(); });
        case GgufValueType::I64:
            return readElements<std::int64_t>(count, [this] { return static_cast<std::int64_t>(m_r.u64()); });
        case GgufValueType::F64: return readElements<double>(count, [this] { return m_r.f64(); });
        }
        return {};
    }

    // `count` is already known to fit in the remaining bytes, so reserving it is bounded
    // by the file's size.
    template<typename T, typename ReadOne>
    GgufArray readElements(std::uint64_t count, ReadOne readOne)
    {
        std::vector<T> values;
        values.reserve(count);
        for (std::uint64_t i = 0; i < count; ++i)
            values.push_back(readOne());
        return GgufArray(std::move(values));
    }

    ByteReader &m_r;
    std::string m_context;
};

std::string quoted(std::string_view s)
{
    return fmt::format("'{}'", s);
}

} // namespace

GgufFile GgufFile::open(const std::string &path)
{
    GgufFile file;
    file.m_source = path;
    file.m_map.emplace(path);
    file.m_bytes = file.m_map->bytes();
    file.parse();
    return file;
}

GgufFile GgufFile::fromBytes(std::span<const std::uint8_t> bytes, std::string sourceName)
{
    GgufFile file;
    file.m_source = std::move(sourceName);
    file.m_bytes = bytes;
    file.parse();
    return file;
}

void GgufFile::parse()
{
    ByteReader r(m_bytes, m_source);

    // ---- header -------------------------------------------------------------------
    const auto magic = r.takeString(4, "magic");
    if (magic != "GGUF")
        r.failAt(0, fmt::format("not a GGUF file: it starts with {:02x} {:02x} {:02x} {:02x} instead of \"GGUF\"",
                                static_cast<std::uint8_t>(magic[0]), static_cast<std::uint8_t>(magic[1]),
                                static_cast<std::uint8_t>(magic[2]), static_cast<std::uint8_t>(magic[3])));
    m_version = r.u32();
    // A big-endian file stores its (small) version number swapped, which puts the
    // significant bytes in the high half.
    if ((m_version & 0xffffu) == 0 && m_version != 0) {
        m_byteSwapped = true;
        m_version = __builtin_bswap32(m_version);
        r.setByteSwapped(true);
    }
    if (m_version == 1)
        throw Error(ErrorKind::Unsupported, atByte(m_source, 4),
                    "GGUF version 1 (the 2023 draft with 32-bit lengths) is not supported; "
                    "convert the model again with a current llama.cpp");
    if (m_version != 2 && m_version != 3)
        throw Error(ErrorKind::Unsupported, atByte(m_source, 4),
                    fmt::format("GGUF version {} is not supported (versions 2 and 3 are)", m_version));

    const std::uint64_t tensorCount = r.u64();
    const std::uint64_t kvCount = r.u64();
    {
        const std::uint64_t roomForTensors = r.remaining() / kMinTensorInfoBytes;
        const std::uint64_t roomForKvs = r.remaining() / kMinKeyValueBytes;
        if (tensorCount > roomForTensors)
            r.failAt(8, fmt::format("tensor count {} is impossible: the file is truncated or corrupt "
                                    "(the {} bytes left hold at most {} tensor infos)",
                                    tensorCount, r.remaining(), roomForTensors));
        if (kvCount > roomForKvs)
            r.failAt(16, fmt::format("metadata count {} is impossible: the file is truncated or corrupt "
                                     "(the {} bytes left hold at most {} entries)",
                                     kvCount, r.remaining(), roomForKvs));
        // Both products are below the remaining size, so neither overflows.
        if (kvCount * kMinKeyValueBytes + tensorCount * kMinTensorInfoBytes > r.remaining())
            r.failAt(8, fmt::format("{} tensor infos and {} metadata entries cannot fit in the {} bytes left: "
                                    "the file is truncated or corrupt",
                                    tensorCount, kvCount, r.remaining()));
    }

    // ---- metadata -----------------------------------------------------------------
    // Counts were bounded above, but entries are still appended as they are read (no
    // reserve) so memory follows the bytes actually present.
    std::vector<std::uint64_t> keyOffsets;
    for (std::uint64_t i = 0; i < kvCount; ++i) {
        const std::uint64_t at = r.offset();
        std::string key = GgufMetadataReader::string(r, kMaxNameLength, fmt::format("key of metadata entry {}", i));
        if (const auto it = m_keyIndex.find(key); it != m_keyIndex.end())
            r.failAt(at, fmt::format("duplicate metadata key {} (first at byte {})", quoted(key),
                                     keyOffsets[it->second]));
        const std::uint32_t typeId = r.u32();
        GgufValue value = GgufMetadataReader(r, "key " + quoted(key)).value(typeId);
        m_keyIndex.emplace(key, m_metadata.size());
        keyOffsets.push_back(at);
        m_metadata.push_back({std::move(key), std::move(value)});
    }

    if (const auto it = m_keyIndex.find(std::string_view("general.alignment")); it != m_keyIndex.end()) {
        const GgufValue &value = m_metadata[it->second].value;
        const std::string where = atByte(m_source, keyOffsets[it->second]);
        const std::uint32_t *alignment = value.getIf<std::uint32_t>();
        if (!alignment)
            throw Error(ErrorKind::Format, where,
                        fmt::format("general.alignment must be a u32, not {}", ggufValueTypeName(value.type())));
        if (*alignment == 0 || (*alignment & (*alignment - 1)) != 0 || *alignment > kMaxAlignment)
            throw Error(ErrorKind::Format, where,
                        fmt::format("general.alignment {} is not a power of two between 1 and {}", *alignment,
                                    kMaxAlignment));
        m_alignment = *alignment;
    }

    // ---- tensor infos -------------------------------------------------------------
    std::vector<std::uint64_t> offsetFieldAt; // where each tensor's offset is stored, for messages
    for (std::uint64_t i = 0; i < tensorCount; ++i) {
        GgufTensorInfo t;
        const std::uint64_t at = r.offset();
        t.name = GgufMetadataReader::string(r, kMaxNameLength, fmt::format("name of tensor {}", i));
        const std::string name = "tensor " + quoted(t.name);
        if (const auto it = m_tensorIndex.find(t.name); it != m_tensorIndex.end())
            r.failAt(at, fmt::format("duplicate tensor name {} (also tensor {})", quoted(t.name), it->second));

        const std::uint64_t dimsAt = r.offset();
        const std::uint32_t nDims = r.u32();
        if (nDims == 0 || nDims > kMaxDims)
            r.failAt(dimsAt, fmt::format("{} has {} dimensions; 1 to {} are allowed", name, nDims, kMaxDims));
        r.require(std::uint64_t{nDims} * 8, "tensor dimensions");
        t.ggufDims.reserve(nDims);
        for (std::uint32_t d = 0; d < nDims; ++d) {
            const std::uint64_t dimAt = r.offset();
            const std::uint64_t dim = r.u64();
            if (dim == 0)
                r.failAt(dimAt, fmt::format("{} has a dimension of 0", name));
            if (dim > kInt64Max)
                r.failAt(dimAt, fmt::format("{} has dimension {} = {}, which is negative as a signed number", name,
                                            d, dim));
            t.ggufDims.push_back(dim);
        }
        const auto elements = checkedProduct(t.ggufDims);
        if (!elements || *elements > kInt64Max)
            r.failAt(dimsAt, fmt::format("{}: the product of its dimensions overflows 64 bits", name));
        t.elementCount = *elements;
        t.shape.assign(t.ggufDims.rbegin(), t.ggufDims.rend());

        const std::uint64_t typeAt = r.offset();
        const std::uint32_t typeId = r.u32();
        const GgmlTypeTraits *traits = findGgmlType(typeId);
        if (!traits)
            throw Error(ErrorKind::Unsupported, atByte(m_source, typeAt),
                        fmt::format("{} has ggml type id {}, which is unknown or was removed from ggml", name,
                                    typeId));
        t.type = traits->type;
        if (t.ggufDims[0] % traits->blockSize != 0)
            r.failAt(typeAt, fmt::format("{}: its innermost dimension {} is not a multiple of the {} block size {}",
                                         name, t.ggufDims[0], traits->name, traits->blockSize));
        const auto bytes = ggmlByteSize(t.type, t.elementCount);
        if (!bytes)
            r.failAt(typeAt, fmt::format("{}: {} elements of {} take more than 2^64 bytes", name, t.elementCount,
                                         traits->name));
        t.byteSize = *bytes;

        offsetFieldAt.push_back(r.offset());
        t.offset = r.u64();
        m_tensorIndex.emplace(t.name, m_tensors.size());
        m_tensors.push_back(std::move(t));
    }

    // ---- data section -------------------------------------------------------------
    // It starts at the first multiple of the alignment after the tensor infos (gguf.c).
    const auto padded = checkedAdd(r.offset(), m_alignment - 1);
    m_dataOffset = padded ? *padded / m_alignment * m_alignment : std::numeric_limits<std::uint64_t>::max();

    struct Extent {
        std::uint64_t begin, end;
        std::size_t index;
    };
    std::vector<Extent> extents;
    extents.reserve(m_tensors.size());
    for (std::size_t i = 0; i < m_tensors.size(); ++i) {
        const GgufTensorInfo &t = m_tensors[i];
        const std::string where = atByte(m_source, offsetFieldAt[i]);
        if (t.offset % m_alignment != 0)
            throw Error(ErrorKind::Format, where,
                        fmt::format("tensor {} has offset {}, which is not a multiple of the alignment {}",
                                    quoted(t.name), t.offset, m_alignment));
        const auto begin = checkedAdd(m_dataOffset, t.offset);
        const auto end = begin ? checkedAdd(*begin, t.byteSize) : std::nullopt;
        if (!end || *end > m_bytes.size())
            throw Error(ErrorKind::Format, where,
                        fmt::format("tensor {} ({} bytes at data offset {}) ends past the end of the file ({} bytes)",
                                    quoted(t.name), t.byteSize, t.offset, m_bytes.size()));
        extents.push_back({t.offset, t.offset + t.byteSize, i});
    }
    std::sort(extents.begin(), extents.end(), [](const Extent &a, const Extent &b) { return a.begin < b.begin; });
    for (std::size_t i = 1; i < extents.size(); ++i) {
        const Extent &prev = extents[i - 1];
        const Extent &cur = extents[i];
        if (cur.begin < prev.end)
            throw Error(ErrorKind::Format, atByte(m_source, offsetFieldAt[cur.index]),
                        fmt::format("tensor {} (data bytes {}..{}) overlaps tensor {} (data bytes {}..{})",
                                    quoted(m_tensors[cur.index].name), cur.begin, cur.end,
                                    quoted(m_tensors[prev.index].name), prev.begin, prev.end));
    }
}

// ---- metadata access ------------------------------------------------------------------

std::string GgufFile::keyWhere(std::string_view key) const
{
    return fmt::format("{}: {}", m_source, key);
}

void GgufFile::throwTypeMismatch(std::string_view key, const GgufValue &value, std::string_view expected) const
{
    throw Error(ErrorKind::Format, keyWhere(key),
                fmt::format("expected {}, but the file stores {}", expected, value.describe()));
}

void GgufFile::throwArrayTypeMismatch(std::string_view key, const GgufArray &array, GgufValueType expected) const
{
    throw Error(ErrorKind::Format, keyWhere(key),
                fmt::format("expected an array of {}, but the file stores an array of {}", ggufValueTypeName(expected),
                            ggufValueTypeName(array.elementType())));
}

const GgufValue *GgufFile::find(std::string_view key) const noexcept
{
    const auto it = m_keyIndex.find(key);
    return it == m_keyIndex.end() ? nullptr : &m_metadata[it->second].value;
}

const GgufValue &GgufFile::get(std::string_view key) const
{
    if (const GgufValue *value = find(key))
        return *value;
    throw Error(ErrorKind::NotFound, m_source, fmt::format("metadata key {} is missing", quoted(key)));
}

std::uint64_t GgufFile::getUInt(std::string_view key) const
{
    const GgufValue &value = get(key);
    if (const auto v = value.toUInt())
        return *v;
    throwTypeMismatch(key, value, "a non-negative integer");
}

std::int64_t GgufFile::getInt(std::string_view key) const
{
    const GgufValue &value = get(key);
    if (const auto v = value.toInt())
        return *v;
    throwTypeMismatch(key, value, "an integer");
}

double GgufFile::getFloat(std::string_view key) const
{
    const GgufValue &value = get(key);
    if (const auto v = value.toFloat())
        return *v;
    throwTypeMismatch(key, value, "a floating-point number");
}

bool GgufFile::getBool(std::string_view key) const
{
    const GgufValue &value = get(key);
    if (const bool *v = value.getIf<bool>())
        return *v;
    throwTypeMismatch(key, value, "a bool");
}

const std::string &GgufFile::getString(std::string_view key) const
{
    const GgufValue &value = get(key);
    if (const std::string *v = value.string())
        return *v;
    throwTypeMismatch(key, value, "a string");
}

const GgufArray &GgufFile::getArray(std::string_view key) const
{
    const GgufValue &value = get(key);
    if (const GgufArray *v = value.array())
        return *v;
    throwTypeMismatch(key, value, "an array");
}

std::optional<std::uint64_t> GgufFile::findUInt(std::string_view key) const
{
    if (!find(key))
        return std::nullopt;
    return getUInt(key);
}

std::optional<std::string> GgufFile::findString(std::string_view key) const
{
    if (!find(key))
        return std::nullopt;
    return getString(key);
}

// ---- tensor access --------------------------------------------------------------------

const GgufTensorInfo *GgufFile::findTensor(std::string_view name) const noexcept
{
    const auto it = m_tensorIndex.find(name);
    return it == m_tensorIndex.end() ? nullptr : &m_tensors[it->second];
}

const GgufTensorInfo &GgufFile::tensor(std::string_view name) const
{
    if (const GgufTensorInfo *t = findTensor(name))
        return *t;
    throw Error(ErrorKind::NotFound, m_source, fmt::format("no tensor named {}", quoted(name)));
}

std::span<const std::uint8_t> GgufFile::tensorData(const GgufTensorInfo &tensor) const
{
    // Bounds were checked while parsing; the info must come from this file.
    return m_bytes.subspan(m_dataOffset + tensor.offset, tensor.byteSize);
}

std::vector<float> GgufFile::dequantize(const GgufTensorInfo &tensor) const
{
    if (!canDequantize(tensor.type))
        throw Error(ErrorKind::Unsupported, m_source,
                    fmt::format("tensor {} is stored as {}, which cannot be converted to float yet",
                                quoted(tensor.name), ggmlTypeName(tensor.type)));
    std::vector<float> out(tensor.elementCount);
    dequantizeGgml(tensor.type, tensorData(tensor), out, m_byteSwapped);
    return out;
}

} // namespace llmos
