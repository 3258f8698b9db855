#include "chat/templatestrings.h"

#include "tokenizer/utf8.h"

#include <unicode/uchar.h>

namespace llmos::templatestrings {

std::u32string decode(std::string_view text)
{
    std::u32string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) out.push_back(utf8::next(text, pos));
    return out;
}

std::string encode(std::u32string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char32_t cp : text) utf8::append(out, cp);
    return out;
}

std::size_t length(std::string_view text)
{
    return utf8::countCodePoints(text);
}

bool isSpace(char32_t cp)
{
    // Python's str.isspace(): the Unicode White_Space characters plus the ASCII
    // information separators 0x1C-0x1F.
    return (cp >= 0x1C && cp <= 0x1F) || u_isUWhiteSpace(static_cast<UChar32>(cp));
}

namespace {

template <typename Map>
std::string mapCodePoints(std::string_view text, Map map)
{
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) utf8::append(out, static_cast<char32_t>(map(static_cast<UChar32>(utf8::next(text, pos)))));
    return out;
}

bool isCased(char32_t cp)
{
    return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_CASED);
}

} // namespace

std::string upper(std::string_view text) { return mapCodePoints(text, u_toupper); }
std::string lower(std::string_view text) { return mapCodePoints(text, u_tolower); }

std::string title(std::string_view text)
{
    std::string out;
    bool previousCased = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t cp = utf8::next(text, pos);
        const UChar32 mapped = previousCased ? u_tolower(static_cast<UChar32>(cp)) : u_totitle(static_cast<UChar32>(cp));
        utf8::append(out, static_cast<char32_t>(mapped));
        previousCased = isCased(cp);
    }
    return out;
}

std::string capitalize(std::string_view text)
{
    std::string out;
    std::size_t pos = 0;
    bool first = true;
    while (pos < text.size()) {
        const auto cp = static_cast<UChar32>(utf8::next(text, pos));
        utf8::append(out, static_cast<char32_t>(first ? u_totitle(cp) : u_tolower(cp)));
        first = false;
    }
    return out;
}

std::string strip(std::string_view text, const std::string *chars, bool left, bool right)
{
    const std::u32string cps = decode(text);
    const std::u32string set = chars ? decode(*chars) : std::u32string();
    auto strippable = [&](char32_t cp) { return chars ? set.find(cp) != std::u32string::npos : isSpace(cp); };
    std::size_t begin = 0, end = cps.size();
    if (left)
        while (begin < end && strippable(cps[begin])) ++begin;
    if (right)
        while (end > begin && strippable(cps[end - 1])) --end;
    return encode(std::u32string_view(cps).substr(begin, end - begin));
}

std::vector<std::string> split(std::string_view text, const std::string *sep, long long maxSplit)
{
    std::vector<std::string> parts;
    if (sep) {
        std::size_t start = 0;
        while (maxSplit < 0 || static_cast<long long>(parts.size()) < maxSplit) {
            const std::size_t at = text.find(*sep, start);
            if (at == std::string_view::npos) break;
            parts.emplace_back(text.substr(start, at - start));
            start = at + sep->size();
        }
        parts.emplace_back(text.substr(start));
        return parts;
    }
    const std::u32string cps = decode(text);
    std::size_t i = 0;
    while (i < cps.size()) {
        while (i < cps.size() && isSpace(cps[i])) ++i;
        if (i >= cps.size()) break;
        if (maxSplit >= 0 && static_cast<long long>(parts.size()) >= maxSplit) {
            // The rest, without its trailing whitespace, is the last part.
            std::size_t end = cps.size();
            while (end > i && isSpace(cps[end - 1])) --end;
            parts.push_back(encode(std::u32string_view(cps).substr(i, end - i)));
            break;
        }
        const std::size_t start = i;
        while (i < cps.size() && !isSpace(cps[i])) ++i;
        parts.push_back(encode(std::u32string_view(cps).substr(start, i - start)));
    }
    return parts;
}

std::string replace(std::string_view text, std::string_view from, std::string_view to, long long count)
{
    std::string out;
    if (from.empty()) {
        // Python inserts `to` before every code point and at the end.
        std::size_t pos = 0;
        long long done = 0;
        while (pos < text.size()) {
            if (count < 0 || done < count) {
                out += to;
                ++done;
            }
            const std::size_t start = pos;
            utf8::next(text, pos);
            out += text.substr(start, pos - start);
        }
        if (count < 0 || done < count) out += to;
        return out;
    }
    std::size_t start = 0;
    long long done = 0;
    while (count < 0 || done < count) {
        const std::size_t at = text.find(from, start);
        if (at == std::string_view::npos) break;
        out += text.substr(start, at - start);
        out += to;
        start = at + from.size();
        ++done;
    }
    out += text.substr(start);
    return out;
}

std::size_t wordCount(std::string_view text)
{
    // Jinja's wordcount counts matches of \w+.
    std::size_t count = 0;
    bool inWord = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto cp = static_cast<UChar32>(utf8::next(text, pos));
        const bool word = cp == '_' || u_isalnum(cp) || u_hasBinaryProperty(cp, UCHAR_ALPHABETIC);
        if (word && !inWord) ++count;
        inWord = word;
    }
    return count;
}

} // namespace llmos::templatestrings
