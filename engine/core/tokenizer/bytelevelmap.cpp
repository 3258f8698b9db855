#include "tokenizer/bytelevelmap.h"

#include "tokenizer/utf8.h"

namespace llmos {

const ByteLevelMap &ByteLevelMap::instance()
{
    static const ByteLevelMap map;
    return map;
}

ByteLevelMap::ByteLevelMap()
{
    m_charToByte.fill(-1);
    auto printable = [](int b) { return (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255); };
    int extra = 0;
    for (int b = 0; b < 256; ++b) {
        const char32_t cp = printable(b) ? static_cast<char32_t>(b) : static_cast<char32_t>(256 + extra++);
        m_byteToChar[b] = cp;
        utf8::append(m_byteToUtf8[b], cp);
        m_charToByte[cp] = static_cast<short>(b);
    }
}

std::string ByteLevelMap::encode(std::string_view text) const
{
    std::string out;
    out.reserve(text.size() * 2);
    for (const char c : text) out += m_byteToUtf8[static_cast<unsigned char>(c)];
    return out;
}

std::optional<unsigned char> ByteLevelMap::byteOf(char32_t cp) const
{
    if (cp >= m_charToByte.size() || m_charToByte[cp] < 0) return std::nullopt;
    return static_cast<unsigned char>(m_charToByte[cp]);
}

} // namespace llmos
