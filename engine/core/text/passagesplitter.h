#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace llmos {

// A piece of a document: its bytes [offset, offset + length).
struct PassageSpan {
    std::size_t offset = 0;
    std::size_t length = 0;
};

// Splits a document into passages of at most about `maxBytes` for embedding: paragraphs
// (separated by blank lines) are kept whole and joined while they fit; a longer paragraph
// is cut after a sentence end (. ! ? 。 ！ ？) or, failing that, at whitespace, never
// inside a UTF-8 character. Passages carry no leading or trailing whitespace; a document
// of whitespace only has none. Why not by tokens: the index is made before any model is
// at hand, and bytes bound the tokens of every tokenizer from above.
std::vector<PassageSpan> splitIntoPassages(std::string_view text, std::size_t maxBytes = 600);

} // namespace llmos
