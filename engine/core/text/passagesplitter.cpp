#include "text/passagesplitter.h"

#include <algorithm>
#include <array>

namespace llmos {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// [begin, end) without the whitespace at either end.
PassageSpan trimmed(std::string_view text, std::size_t begin, std::size_t end)
{
    while (begin < end && isSpace(text[begin]))
        ++begin;
    while (end > begin && isSpace(text[end - 1]))
        --end;
    return {begin, end - begin};
}

// The paragraphs of text: runs of lines separated by at least one blank line.
std::vector<PassageSpan> paragraphs(std::string_view text)
{
    std::vector<PassageSpan> out;
    std::size_t start = 0;
    std::size_t lineStart = 0;
    bool blankLine = true;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != '\n') {
            blankLine = blankLine && isSpace(text[i]);
            continue;
        }
        if (blankLine && lineStart > start) {
            if (const auto span = trimmed(text, start, lineStart); span.length > 0)
                out.push_back(span);
            start = i;
        }
        lineStart = i + 1;
        blankLine = true;
    }
    if (const auto span = trimmed(text, start, text.size()); span.length > 0)
        out.push_back(span);
    return out;
}

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Where to end a piece of `span` of at most maxBytes: after the last sentence end, else
// at the last whitespace, else at a character boundary.
std::size_t cutPoint(std::string_view text, PassageSpan span, std::size_t maxBytes)
{
    const std::size_t limit = span.offset + maxBytes;
    static constexpr std::array<std::string_view, 6> kSentenceEnds{". ", "! ", "? ", "。", "！", "？"};
    std::size_t best = 0;
    for (const auto end : kSentenceEnds)
        if (const auto at = text.substr(0, limit).rfind(end); at != std::string_view::npos && at > span.offset)
            best = std::max(best, at + (end.size() == 2 ? 1 : end.size())); // after ".", or the whole "。"
    if (best > span.offset + maxBytes / 3)
        return best;
    for (std::size_t i = limit; i > span.offset + maxBytes / 3; --i)
        if (isSpace(text[i - 1]))
            return i;
    std::size_t i = limit;
    while (i > span.offset + 1 && isContinuationByte(text[i]))
        --i;
    return i;
}

} // namespace

std::vector<PassageSpan> splitIntoPassages(std::string_view text, std::size_t maxBytes)
{
    maxBytes = std::max<std::size_t>(maxBytes, 16);
    std::vector<PassageSpan> out;
    for (auto paragraph : paragraphs(text)) {
        // Joined to the previous passage when both fit.
        if (!out.empty() && paragraph.offset + paragraph.length - out.back().offset <= maxBytes) {
            out.back().length = paragraph.offset + paragraph.length - out.back().offset;
            continue;
        }
        while (paragraph.length > maxBytes) {
            const auto cut = cutPoint(text, paragraph, maxBytes);
            if (const auto piece = trimmed(text, paragraph.offset, cut); piece.length > 0)
                out.push_back(piece);
            paragraph = trimmed(text, cut, paragraph.offset + paragraph.length);
        }
        if (paragraph.length > 0)
            out.push_back(paragraph);
    }
    return out;
}

} // namespace llmos
