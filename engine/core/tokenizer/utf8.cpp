#include "tokenizer/utf8.h"

namespace llmos::utf8 {

namespace {

// Length of the longest valid prefix of a sequence starting at text[i], and the
// full length the lead byte announces. A valid sequence has prefix == full.
struct Scan {
    std::size_t prefix;
    std::size_t full;
};

Scan scan(std::string_view text, std::size_t i)
{
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) return {1, 1};
    std::size_t full = 0;
    unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte (Unicode table 3-7)
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        full = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        full = 3;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F; // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        full = 4;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F; // nothing above U+10FFFF
    } else {
        return {0, 1};
    }
    std::size_t k = 1;
    for (; k < full && i + k < text.size(); ++k) {
        const auto b = static_cast<unsigned char>(text[i + k]);
        const unsigned char l = k == 1 ? lo : 0x80;
        const unsigned char h = k == 1 ? hi : 0xBF;
        if (b < l || b > h) break;
    }
    return {k, full};
}

} // namespace

std::string sanitize(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size());
    std::size_t i = 0;
    while (i < bytes.size()) {
        const Scan s = scan(bytes, i);
        if (s.prefix == s.full) {
            out.append(bytes.substr(i, s.full));
            i += s.full;
        } else {
            out.append("\xEF\xBF\xBD");
            i += s.prefix == 0 ? 1 : s.prefix;
        }
    }
    return out;
}

bool isValid(std::string_view bytes)
{
    std::size_t i = 0;
    while (i < bytes.size()) {
        const Scan s = scan(bytes, i);
        if (s.prefix != s.full) return false;
        i += s.full;
    }
    return true;
}

char32_t next(std::string_view text, std::size_t &pos)
{
    const auto b0 = static_cast<unsigned char>(text[pos]);
    const std::size_t len = sequenceLength(b0);
    if (len == 1 || pos + len > text.size()) {
        ++pos;
        return b0;
    }
    char32_t cp = len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[pos + k]) & 0x3F);
    pos += len;
    return cp;
}

char32_t previous(std::string_view text, std::size_t &pos)
{
    std::size_t start = pos - 1;
    while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    std::size_t p = start;
    const char32_t cp = next(text, p);
    pos = start;
    return cp;
}

void append(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::size_t countCodePoints(std::string_view text)
{
    std::size_t n = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

} // namespace llmos::utf8
