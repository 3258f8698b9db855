#pragma once

#include "tokenizer/textpieces.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace llmos {

class Normalizer;

struct AddedToken {
    std::string content;
    std::int32_t id = -1;
    bool special = false;
    bool normalized = true; // matched in normalized text rather than the raw input
    bool lstrip = false;    // swallows whitespace on its left
    bool rstrip = false;    // swallows whitespace on its right
    bool singleWord = false; // only matches when not inside a word
};

// The added tokens of a tokenizer (specials such as <|begin_of_text|> and user
// additions) and the splitting of text around them, done before the model sees it:
// tokens with normalized=false are found in the raw input, the others in normalized
// text. At each position the longest token wins, leftmost first (as the Rust
// library's aho-corasick LeftmostLongest).
class AddedVocabulary {
public:
    // Adds or replaces (by content) a token.
    void add(AddedToken token);
    // Builds the matchers; normalizer (may be null) rewrites normalized tokens first.
    void finalize(const Normalizer *normalizer);

    // Splits the text pieces on tokens with normalized == false.
    void splitRaw(TextPieces &pieces) const { m_raw.split(pieces, m_tokens); }
    // Splits the text pieces on tokens with normalized == true.
    void splitNormalized(TextPieces &pieces) const { m_normalized.split(pieces, m_tokens); }

    const AddedToken *byId(std::int32_t id) const;
    const AddedToken *byContent(std::string_view content) const;
    const std::vector<AddedToken> &tokens() const noexcept { return m_tokens; }
    bool empty() const noexcept { return m_tokens.empty(); }

private:
    // A byte trie over token strings.
    class Matcher {
    public:
        void clear();
        void insert(std::string_view text, std::size_t tokenIndex);
        void split(TextPieces &pieces, const std::vector<AddedToken> &tokens) const;

    private:
        struct Node {
            std::vector<std::pair<unsigned char, std::int32_t>> children;
            std::int32_t token = -1; // index into m_tokens when a token ends here
        };
        // Longest token starting at text[pos]: (token index, length) or (-1, 0).
        std::pair<std::int32_t, std::size_t> longestAt(std::string_view text, std::size_t pos) const;
        void splitOne(const TextPiece &piece, const std::vector<AddedToken> &tokens, TextPieces &out) const;

        std::vector<Node> m_nodes;
        bool m_firstByte[256] = {};
    };

    std::vector<AddedToken> m_tokens;
    std::unordered_map<std::string, std::size_t> m_byContent;
    std::unordered_map<std::int32_t, std::size_t> m_byId;
    Matcher m_raw;
    Matcher m_normalized;
};

} // namespace llmos
