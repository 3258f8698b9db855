#pragma once

#include "tokenizer/regex.h"
#include "tokenizer/utf8.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// The text between tokenizer stages: a list of pieces, each either still text or
// already a token (an added token). This is what the Hugging Face library calls a
// PreTokenizedString, without the offsets (we only produce ids).
namespace llmos {

struct TextPiece {
    std::string text;
    std::int32_t id = -1; // >= 0 once the piece is a token
    // The piece starts at byte 0 of the original input: Metaspace's "first" scheme
    // prepends only there.
    bool atStart = false;

    bool isToken() const noexcept { return id >= 0; }
};

using TextPieces = std::vector<TextPiece>;

struct MatchSpan {
    std::size_t begin;
    std::size_t end;
    bool isMatch;
};

enum class SplitBehavior { Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous };

// Covers text with alternating non-matches and matches (HF Pattern::find_matches).
std::vector<MatchSpan> matchesOf(const Regex &regex, std::string_view text, bool invert = false);

// Each character for which pred holds is a match of its own.
template <class Pred>
std::vector<MatchSpan> matchesOf(Pred pred, std::string_view text)
{
    std::vector<MatchSpan> out;
    if (text.empty()) {
        out.push_back({0, 0, false});
        return out;
    }
    std::size_t last = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t begin = pos;
        const char32_t cp = utf8::next(text, pos);
        if (pred(cp)) {
            if (last < begin) out.push_back({last, begin, false});
            out.push_back({begin, pos, true});
            last = pos;
        }
    }
    if (last < text.size()) out.push_back({last, text.size(), false});
    return out;
}

// Splits piece by matches as HF NormalizedString::split does and appends the
// non-empty results to out.
void splitPiece(const TextPiece &piece, const std::vector<MatchSpan> &matches, SplitBehavior behavior,
                TextPieces &out);

// Calls fn(piece, out) on every text piece and keeps token pieces as they are; pieces
// fn produces empty are dropped, like PreTokenizedString::split.
template <class Fn>
void splitTextPieces(TextPieces &pieces, Fn fn)
{
    TextPieces result;
    result.reserve(pieces.size());
    for (TextPiece &piece : pieces) {
        if (piece.isToken()) {
            result.push_back(std::move(piece));
            continue;
        }
        const std::size_t first = result.size();
        fn(piece, result);
        std::size_t kept = first;
        for (std::size_t i = first; i < result.size(); ++i)
            if (result[i].isToken() || !result[i].text.empty()) {
                if (kept != i) result[kept] = std::move(result[i]);
                ++kept;
            }
        result.resize(kept);
    }
    pieces = std::move(result);
}

} // namespace llmos
