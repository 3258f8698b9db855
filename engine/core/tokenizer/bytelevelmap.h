#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace llmos {

// GPT-2's reversible map from the 256 byte values to printable code points
// (bytes_to_unicode): printable Latin-1 maps to itself, the rest to U+0100 and up.
// ByteLevel pre-tokenizer, normalizer and decoder share it.
class ByteLevelMap {
public:
    static const ByteLevelMap &instance();

    // Each byte of text replaced by its code point, as UTF-8.
    std::string encode(std::string_view text) const;
    // The byte a code point stands for, if it is one of the 256.
    std::optional<unsigned char> byteOf(char32_t cp) const;

private:
    ByteLevelMap();

    std::array<char32_t, 256> m_byteToChar{};
    std::array<std::string, 256> m_byteToUtf8;
    std::array<short, 324> m_charToByte{}; // code points stay below 256 + 68
};

} // namespace llmos
