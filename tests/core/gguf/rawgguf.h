#pragma once

// Builds GGUF bytes field by field, so tests can make files GgufWriter would never
// write: wrong magic, impossible counts, huge lengths, big-endian.

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <span>
#include <string_view>
#include <vector>

namespace llmos::test {

class RawGguf {
public:
    explicit RawGguf(bool bigEndian = false)
        : m_bigEndian(bigEndian)
    {
    }

    RawGguf &raw(std::string_view s)
    {
        m_bytes.insert(m_bytes.end(), s.begin(), s.end());
        return *this;
    }
    RawGguf &raw(std::span<const std::uint8_t> b)
    {
        m_bytes.insert(m_bytes.end(), b.begin(), b.end());
        return *this;
    }
    RawGguf &u8(std::uint8_t v) { return number(v); }
    RawGguf &u16(std::uint16_t v) { return number(v); }
    RawGguf &u32(std::uint32_t v) { return number(v); }
    RawGguf &u64(std::uint64_t v) { return number(v); }
    RawGguf &f32(float v)
    {
        std::uint32_t bits;
        std::memcpy(&bits, &v, 4);
        return number(bits);
    }
    RawGguf &f64(double v)
    {
        std::uint64_t bits;
        std::memcpy(&bits, &v, 8);
        return number(bits);
    }
    RawGguf &str(std::string_view s) { return u64(s.size()).raw(s); }

    RawGguf &header(std::uint32_t version, std::uint64_t tensors, std::uint64_t kvs)
    {
        return raw("GGUF").u32(version).u64(tensors).u64(kvs);
    }
    RawGguf &kvU32(std::string_view key, std::uint32_t v) { return str(key).u32(4).u32(v); }
    RawGguf &kvString(std::string_view key, std::string_view v) { return str(key).u32(8).str(v); }
    // dims in GGUF order (innermost first)
    RawGguf &tensorInfo(std::string_view name, std::initializer_list<std::uint64_t> dims, std::uint32_t type,
                        std::uint64_t offset)
    {
        str(name).u32(static_cast<std::uint32_t>(dims.size()));
        for (std::uint64_t d : dims)
            u64(d);
        return u32(type).u64(offset);
    }
    RawGguf &padTo(std::size_t alignment)
    {
        while (m_bytes.size() % alignment != 0)
            m_bytes.push_back(0);
        return *this;
    }
    RawGguf &zeros(std::size_t n)
    {
        m_bytes.insert(m_bytes.end(), n, 0);
        return *this;
    }

    std::size_t size() const { return m_bytes.size(); }
    const std::vector<std::uint8_t> &bytes() const { return m_bytes; }

private:
    template<typename T>
    RawGguf &number(T v)
    {
        std::uint8_t b[sizeof(T)];
        std::memcpy(b, &v, sizeof(T));
        if (m_bigEndian)
            for (std::size_t i = 0; i < sizeof(T) / 2; ++i)
                std::swap(b[i], b[sizeof(T) - 1 - i]);
        m_bytes.insert(m_bytes.end(), b, b + sizeof(T));
        return *this;
    }

    bool m_bigEndian;
    std::vector<std::uint8_t> m_bytes;
};

} // namespace llmos::test
