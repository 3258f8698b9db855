#include "tokenizer/textpieces.h"

#include <algorithm>

namespace llmos {

std::vector<MatchSpan> matchesOf(const Regex &regex, std::string_view text, bool invert)
{
    std::vector<MatchSpan> out;
    if (text.empty()) {
        out.push_back({0, 0, false});
        return out;
    }
    std::size_t previous = 0;
    for (const auto &[begin, end] : regex.findAll(text)) {
        if (previous != begin) out.push_back({previous, begin, invert});
        out.push_back({begin, end, !invert});
        previous = end;
    }
    if (previous != text.size()) out.push_back({previous, text.size(), invert});
    return out;
}

void splitPiece(const TextPiece &piece, const std::vector<MatchSpan> &matches, SplitBehavior behavior,
                TextPieces &out)
{
    struct Part {
        std::size_t begin;
        std::size_t end;
        bool remove;
    };
    std::vector<Part> parts;
    parts.reserve(matches.size());
    switch (behavior) {
    case SplitBehavior::Isolated:
        for (const MatchSpan &m : matches) parts.push_back({m.begin, m.end, false});
        break;
    case SplitBehavior::Removed:
        for (const MatchSpan &m : matches) parts.push_back({m.begin, m.end, m.isMatch});
        break;
    case SplitBehavior::Contiguous: {
        bool previousMatch = false;
        for (const MatchSpan &m : matches) {
            if (m.isMatch == previousMatch && !parts.empty())
                parts.back().end = m.end;
            else
                parts.push_back({m.begin, m.end, false});
            previousMatch = m.isMatch;
        }
        break;
    }
    case SplitBehavior::MergedWithPrevious: {
        bool previousMatch = false;
        for (const MatchSpan &m : matches) {
            if (m.isMatch && !previousMatch && !parts.empty())
                parts.back().end = m.end;
            else
                parts.push_back({m.begin, m.end, false});
            previousMatch = m.isMatch;
        }
        break;
    }
    case SplitBehavior::MergedWithNext: {
        bool previousMatch = false;
        for (auto it = matches.rbegin(); it != matches.rend(); ++it) {
            if (it->isMatch && !previousMatch && !parts.empty())
                parts.back().begin = it->begin;
            else
                parts.push_back({it->begin, it->end, false});
            previousMatch = it->isMatch;
        }
        std::reverse(parts.begin(), parts.end());
        break;
    }
    }
    for (const Part &p : parts) {
        if (p.remove || p.begin == p.end) continue;
        out.push_back({piece.text.substr(p.begin, p.end - p.begin), -1, piece.atStart && p.begin == 0});
    }
}

} // namespace llmos
