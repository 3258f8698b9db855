#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

namespace llmos {

// A cursor over untrusted bytes. Every read checks what remains first and throws an
// Error of kind Format naming the source and the byte offset ("truncated at byte X").
// Multi-byte integers are little-endian unless setByteSwapped(true) (big-endian GGUF).
class ByteReader {
public:
    ByteReader(std::span<const std::uint8_t> bytes, std::string sourceName);

    std::uint64_t offset() const noexcept { return m_offset; }
    std::uint64_t remaining() const noexcept { return m_bytes.size() - m_offset; }
    std::uint64_t size() const noexcept { return m_bytes.size(); }
    const std::string &sourceName() const noexcept { return m_source; }
    void setByteSwapped(bool swapped) noexcept { m_swapped = swapped; }

    std::uint8_t u8();
    std::uint16_t u16() { return readInt<std::uint16_t>(); }
    std::uint32_t u32() { return readInt<std::uint32_t>(); }
    std::uint64_t u64() { return readInt<std::uint64_t>(); }
    float f32();
    double f64();

    // The next n bytes; throws if fewer remain.
    std::span<const std::uint8_t> take(std::uint64_t n, std::string_view what);
    std::string_view takeString(std::uint64_t n, std::string_view what);
    void skip(std::uint64_t n, std::string_view what) { take(n, what); }
    void seek(std::uint64_t offset, std::string_view what);

    // Throws unless at least n bytes remain; `what` names the thing being read.
    void require(std::uint64_t n, std::string_view what) const;
    [[noreturn]] void fail(std::string detail) const;
    [[noreturn]] void failAt(std::uint64_t offset, std::string detail) const;

private:
    template<typename T>
    T readInt()
    {
        require(sizeof(T), "integer");
        T v;
        std::memcpy(&v, m_bytes.data() + m_offset, sizeof(T));
        m_offset += sizeof(T);
        if (m_swapped)
            v = byteSwap(v);
        return v;
    }
    template<typename T>
    static T byteSwap(T v)
    {
        if constexpr (sizeof(T) == 2)
            return static_cast<T>(__builtin_bswap16(v));
        else if constexpr (sizeof(T) == 4)
            return static_cast<T>(__builtin_bswap32(v));
        else
            return static_cast<T>(__builtin_bswap64(v));
    }

    std::span<const std::uint8_t> m_bytes;
    std::string m_source;
    std::uint64_t m_offset = 0;
    bool m_swapped = false;
};

} // namespace llmos
