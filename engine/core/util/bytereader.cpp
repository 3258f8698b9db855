#include "util/bytereader.h"

#include "util/error.h"

namespace llmos {

ByteReader::ByteReader(std::span<const std::uint8_t> bytes, std::string sourceName)
    : m_bytes(bytes)
    , m_source(std::move(sourceName))
{
}

std::uint8_t ByteReader::u8()
{
    require(1, "byte");
    return m_bytes[m_offset++];
}

float ByteReader::f32()
{
    const std::uint32_t bits = u32();
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

double ByteReader::f64()
{
    const std::uint64_t bits = u64();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

std::span<const std::uint8_t> ByteReader::take(std::uint64_t n, std::string_view what)
{
    require(n, what);
    auto out = m_bytes.subspan(m_offset, n);
    m_offset += n;
    return out;
}

std::string_view ByteReader::takeString(std::uint64_t n, std::string_view what)
{
    auto b = take(n, what);
    return {reinterpret_cast<const char *>(b.data()), b.size()};
}

void ByteReader::seek(std::uint64_t offset, std::string_view what)
{
    if (offset > m_bytes.size())
        fail(std::string(what) + " at byte " + std::to_string(offset) + " is past the end of the file ("
             + std::to_string(m_bytes.size()) + " bytes)");
    m_offset = offset;
}

void ByteReader::require(std::uint64_t n, std::string_view what) const
{
    if (n > remaining())
        fail("truncated: " + std::string(what) + " needs " + std::to_string(n) + " bytes but only "
             + std::to_string(remaining()) + " remain");
}

void ByteReader::fail(std::string detail) const
{
    failAt(m_offset, std::move(detail));
}

void ByteReader::failAt(std::uint64_t offset, std::string detail) const
{
    throw Error(ErrorKind::Format, atByte(m_source, offset), std::move(detail));
}

} // namespace llmos
