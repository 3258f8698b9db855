#include "tokenizer/unicodeprops.h"

#include "tokenizer/utf8.h"
#include "util/error.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include <vector>

namespace llmos::unicode {

namespace {

std::u16string toUtf16(std::string_view text)
{
    std::u16string out;
    out.resize(text.size() + 1);
    int32_t length = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strFromUTF8(reinterpret_cast<UChar *>(out.data()), static_cast<int32_t>(out.size()), &length, text.data(),
                  static_cast<int32_t>(text.size()), &status);
    if (U_FAILURE(status))
        throw Error(ErrorKind::Internal, "unicode", std::string("UTF-8 to UTF-16 failed: ") + u_errorName(status));
    out.resize(static_cast<std::size_t>(length));
    return out;
}

std::string toUtf8(const UChar *text, int32_t length)
{
    std::string out;
    out.resize(static_cast<std::size_t>(length) * 3 + 1);
    int32_t written = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &written, text, length, &status);
    if (U_FAILURE(status))
        throw Error(ErrorKind::Internal, "unicode", std::string("UTF-16 to UTF-8 failed: ") + u_errorName(status));
    out.resize(static_cast<std::size_t>(written));
    return out;
}

const UNormalizer2 *instance(NormalForm form)
{
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = nullptr;
    switch (form) {
    case NormalForm::Nfc: n = unorm2_getNFCInstance(&status); break;
    case NormalForm::Nfd: n = unorm2_getNFDInstance(&status); break;
    case NormalForm::Nfkc: n = unorm2_getNFKCInstance(&status); break;
    case NormalForm::Nfkd: n = unorm2_getNFKDInstance(&status); break;
    }
    if (U_FAILURE(status) || !n)
        throw Error(ErrorKind::Internal, "unicode", std::string("ICU normalizer unavailable: ") + u_errorName(status));
    return n;
}

bool isAscii(std::string_view text)
{
    for (const char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

} // namespace

std::string normalize(std::string_view text, NormalForm form)
{
    // ASCII is invariant under every normal form; most prompts take this path.
    if (isAscii(text)) return std::string(text);
    const UNormalizer2 *n = instance(form);
    const std::u16string source = toUtf16(text);
    UErrorCode status = U_ZERO_ERROR;
    const auto srcLen = static_cast<int32_t>(source.size());
    // Decomposition grows text at most ~18x per character (U+FDFA); retry once with the size ICU asks for.
    std::vector<UChar> dest(source.size() * 4 + 16);
    int32_t length = unorm2_normalize(n, reinterpret_cast<const UChar *>(source.data()), srcLen, dest.data(),
                                      static_cast<int32_t>(dest.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        status = U_ZERO_ERROR;
        dest.resize(static_cast<std::size_t>(length) + 1);
        length = unorm2_normalize(n, reinterpret_cast<const UChar *>(source.data()), srcLen, dest.data(),
                                  static_cast<int32_t>(dest.size()), &status);
    }
    if (U_FAILURE(status))
        throw Error(ErrorKind::Internal, "unicode", std::string("normalization failed: ") + u_errorName(status));
    return toUtf8(dest.data(), length);
}

std::string lowercase(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t cp = utf8::next(text, pos);
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
            continue;
        }
        // Lowercasing one character alone gives Rust's context-free full mapping.
        UChar src[2];
        int32_t srcLen = 0;
        U16_APPEND_UNSAFE(src, srcLen, static_cast<UChar32>(cp));
        UChar dest[8];
        UErrorCode status = U_ZERO_ERROR;
        const int32_t len = u_strToLower(dest, 8, src, srcLen, "", &status);
        if (U_FAILURE(status)) {
            utf8::append(out, cp);
            continue;
        }
        out += toUtf8(dest, len);
    }
    return out;
}

bool isWhitespace(char32_t cp)
{
    if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
    return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_WHITE_SPACE);
}

bool isNumeric(char32_t cp)
{
    return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_N_MASK) != 0;
}

bool isAlphanumeric(char32_t cp)
{
    return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_ALPHABETIC) || isNumeric(cp);
}

bool isMark(char32_t cp)
{
    return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0;
}

bool isMarkNonspacing(char32_t cp)
{
    return u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK;
}

bool isPunctuation(char32_t cp)
{
    return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_P_MASK) != 0;
}

bool isOther(char32_t cp)
{
    return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & (U_GC_CC_MASK | U_GC_CF_MASK | U_GC_CO_MASK)) != 0;
}

bool isBertPunctuation(char32_t cp)
{
    const bool asciiPunct = (cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) ||
                            (cp >= 123 && cp <= 126);
    return asciiPunct || isPunctuation(cp);
}

bool isChineseChar(char32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF) ||
           (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B920 && cp <= 0x2CEAF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

} // namespace llmos::unicode
