#pragma once

#include "tokenizer/tokenmodel.h"
#include "tokenizer/vocabulary.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>

namespace llmos {

// The fast way into a tokenizer.json. Nearly all of a real file is model.vocab (128k
// to 262k tokens) and model.merges (up to 500k): as a nlohmann DOM they cost a map node
// or a heap string per entry to build and again to free, which was most of the load
// time. This reads the document through nlohmann's SAX interface (same grammar, same
// UTF-8 checks) and collects those two into flat arrays; everything else becomes the
// usual DOM, with empty placeholders where vocab and merges were.
struct TokenizerJsonParts {
    nlohmann::json root;
    std::optional<VocabEntries> vocab;   // model.vocab when it is an object of plain ids
    std::optional<MergeEntries> merges;  // model.merges when it is a list of "a b" or ["a", "b"]
};

// Nothing when the document is anything but plainly well formed: a syntax error, a
// repeated key, nesting past parseJsonStrict's limit, a vocab value that is not a
// non-negative integer, a merge of another shape. The caller then parses it with
// parseJsonStrict and the DOM code, which report each of those as they always did.
std::optional<TokenizerJsonParts> readTokenizerJson(std::string_view text);

} // namespace llmos
