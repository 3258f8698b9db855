#include "formats/gguf/ggufwriter.h"

#include "formats/gguf/ggmlconvert.h"
#include "util/atomicfile.h"
#include "util/checkedmath.h"
#include "util/error.h"

#include <fmt/format.h>

#include <cstring>

namespace llmos {

namespace {

constexpr std::string_view kAlignmentKey = "general.alignment";

// Accumulates little-endian encodings and hands them to the sink in chunks, so that
// writing a file does not need a second copy of the tensors in memory.
class ByteSink {
public:
    explicit ByteSink(const std::function<void(std::span<const std::uint8_t>)> &sink)
        : m_sink(sink)
    {
    }

    template<typename T>
    void number(T v)
    {
        std::uint8_t b[sizeof(T)];
        std::memcpy(b, &v, sizeof(T)); // the host is little-endian (checked in ggmlconvert.cpp)
        m_buffer.insert(m_buffer.end(), b, b + sizeof(T));
        m_written += sizeof(T);
    }
    void string(std::string_view s)
    {
        number<std::uint64_t>(s.size());
        raw({reinterpret_cast<const std::uint8_t *>(s.data()), s.size()});
    }
    void raw(std::span<const std::uint8_t> bytes)
    {
        if (bytes.size() > 64 * 1024) {
            flush();
            m_sink(bytes);
        } else {
            m_buffer.insert(m_buffer.end(), bytes.begin(), bytes.end());
        }
        m_written += bytes.size();
    }
    void padTo(std::uint64_t alignment)
    {
        while (m_written % alignment != 0)
            number<std::uint8_t>(0);
    }
    void flush()
    {
        if (!m_buffer.empty())
            m_sink(m_buffer);
        m_buffer.clear();
    }

private:
    const std::function<void(std::span<const std::uint8_t>)> &m_sink;
    std::vector<std::uint8_t> m_buffer;
    std::uint64_t m_written = 0;
};

void writeArray(ByteSink &out, const GgufArray &array);

// One value of any GGUF type: a metadata value or an array element.
template<typename T>
void writeOne(ByteSink &out, const T &v)
{
    if constexpr (std::is_same_v<T, std::string>)
        out.string(v);
    else if constexpr (std::is_same_v<T, GgufArray>)
        writeArray(out, v);
    else if constexpr (std::is_same_v<T, bool>)
        out.number<std::uint8_t>(v ? 1 : 0);
    else
        out.number<T>(v);
}

void writeValue(ByteSink &out, const GgufValue::Storage &value)
{
    std::visit([&](const auto &v) { writeOne(out, v); }, value);
}

void writeArray(ByteSink &out, const GgufArray &array)
{
    out.number(static_cast<std::uint32_t>(array.elementType()));
    out.number<std::uint64_t>(array.size());
    std::visit(
        [&](const auto &values) {
            for (const auto &v : values)
                writeOne(out, v);
        },
        array.storage());
}

std::uint64_t alignUp(std::uint64_t n, std::uint64_t alignment)
{
    return (n + alignment - 1) / alignment * alignment;
}

void checkAlignment(std::uint32_t alignment)
{
    if (alignment == 0 || (alignment & (alignment - 1)) != 0 || alignment > GgufFile::kMaxAlignment)
        throw Error(ErrorKind::InvalidInput, std::string(kAlignmentKey),
                    fmt::format("{} is not a power of two between 1 and {}", alignment, GgufFile::kMaxAlignment));
}

} // namespace

void GgufWriter::addMetadata(std::string key, GgufValue value)
{
    if (m_keyIndex.contains(key))
        throw Error(ErrorKind::InvalidInput, key, "this metadata key was already added");
    if (key == kAlignmentKey) {
        const std::uint32_t *alignment = value.getIf<std::uint32_t>();
        if (!alignment)
            throw Error(ErrorKind::InvalidInput, key,
                        fmt::format("must be a u32, not {}", ggufValueTypeName(value.type())));
        checkAlignment(*alignment);
        m_alignment = *alignment;
    }
    m_keyIndex.emplace(key, m_metadata.size());
    m_metadata.push_back({std::move(key), std::move(value)});
}

void GgufWriter::setAlignment(std::uint32_t alignment)
{
    checkAlignment(alignment);
    if (const auto it = m_keyIndex.find(kAlignmentKey); it != m_keyIndex.end())
        m_metadata[it->second].value = alignment;
    else
        addMetadata(std::string(kAlignmentKey), alignment);
    m_alignment = alignment;
}

GgufWriter::PendingTensor GgufWriter::makeTensor(std::string name, const std::vector<std::int64_t> &shape,
                                                 GgmlType type) const
{
    if (name.size() > kMaxTensorNameLength)
        throw Error(ErrorKind::InvalidInput, name,
                    fmt::format("tensor name is {} bytes long; llama.cpp accepts at most {}", name.size(),
                                kMaxTensorNameLength));
    if (m_tensorIndex.contains(name))
        throw Error(ErrorKind::InvalidInput, name, "a tensor of this name was already added");
    if (shape.empty() || shape.size() > kMaxTensorDims)
        throw Error(ErrorKind::InvalidInput, name,
                    fmt::format("tensor has {} dimensions; GGUF tensors for llama.cpp have 1 to {}", shape.size(),
                                kMaxTensorDims));
    PendingTensor t{std::move(name), {}, type, 0, {}};
    for (auto it = shape.rbegin(); it != shape.rend(); ++it) {
        if (*it <= 0)
            throw Error(ErrorKind::InvalidInput, t.name,
                        fmt::format("tensor shape has a dimension of {}; dimensions must be positive", *it));
        t.ggufDims.push_back(static_cast<std::uint64_t>(*it));
    }
    const GgmlTypeTraits &traits = ggmlTypeTraits(type);
    if (t.ggufDims[0] % traits.blockSize != 0)
        throw Error(ErrorKind::InvalidInput, t.name,
                    fmt::format("the last dimension {} is not a multiple of the {} block size {}", t.ggufDims[0],
                                traits.name, traits.blockSize));
    const auto elements = checkedProduct(t.ggufDims);
    const auto bytes = elements ? ggmlByteSize(type, *elements) : std::nullopt;
    if (!bytes)
        throw Error(ErrorKind::InvalidInput, t.name, "tensor size overflows 64 bits");
    t.elementCount = *elements;
    t.bytes.resize(*bytes);
    return t;
}

void GgufWriter::addTensor(std::string name, std::vector<std::int64_t> shape, std::span<const float> data,
                           GgmlType storeAs)
{
    if (!canQuantize(storeAs))
        throw Error(ErrorKind::Unsupported, name,
                    fmt::format("cannot write tensors as {} (F32, F16, BF16 and Q8_0 are supported)",
                                ggmlTypeName(storeAs)));
    PendingTensor t = makeTensor(std::move(name), shape, storeAs);
    if (t.elementCount != data.size())
        throw Error(ErrorKind::InvalidInput, t.name,
                    fmt::format("the shape holds {} elements but {} values were given", t.elementCount, data.size()));
    quantizeGgml(storeAs, data, t.bytes);
    m_tensorIndex.emplace(t.name, m_tensors.size());
    m_tensors.push_back(std::move(t));
}

void GgufWriter::addEncodedTensor(std::string name, std::vector<std::int64_t> shape, GgmlType type,
                                  std::span<const std::uint8_t> bytes)
{
    PendingTensor t = makeTensor(std::move(name), shape, type);
    if (t.bytes.size() != bytes.size())
        throw Error(ErrorKind::InvalidInput, t.name,
                    fmt::format("shape and type need {} bytes but {} were given", t.bytes.size(), bytes.size()));
    std::memcpy(t.bytes.data(), bytes.data(), bytes.size());
    m_tensorIndex.emplace(t.name, m_tensors.size());
    m_tensors.push_back(std::move(t));
}

void GgufWriter::emit(const std::function<void(std::span<const std::uint8_t>)> &sink) const
{
    ByteSink out(sink);
    out.raw({reinterpret_cast<const std::uint8_t *>("GGUF"), 4});
    out.number<std::uint32_t>(3);
    out.number<std::uint64_t>(m_tensors.size());
    out.number<std::uint64_t>(m_metadata.size());
    for (const GgufKeyValue &kv : m_metadata) {
        out.string(kv.key);
        out.number(static_cast<std::uint32_t>(kv.value.type()));
        writeValue(out, kv.value.storage());
    }
    std::uint64_t offset = 0;
    for (const PendingTensor &t : m_tensors) {
        out.string(t.name);
        out.number<std::uint32_t>(static_cast<std::uint32_t>(t.ggufDims.size()));
        for (std::uint64_t d : t.ggufDims)
            out.number(d);
        out.number(static_cast<std::uint32_t>(t.type));
        out.number(offset);
        offset += alignUp(t.bytes.size(), m_alignment);
    }
    out.padTo(m_alignment);
    for (const PendingTensor &t : m_tensors) {
        out.raw(t.bytes);
        out.padTo(m_alignment);
    }
    out.flush();
}

void GgufWriter::write(const std::string &path) const
{
    AtomicFileWriter file(path);
    emit([&](std::span<const std::uint8_t> bytes) { file.write(bytes); });
    file.commit();
}

std::vector<std::uint8_t> GgufWriter::toBytes() const
{
    std::vector<std::uint8_t> bytes;
    emit([&](std::span<const std::uint8_t> chunk) { bytes.insert(bytes.end(), chunk.begin(), chunk.end()); });
    return bytes;
}

} // namespace llmos
