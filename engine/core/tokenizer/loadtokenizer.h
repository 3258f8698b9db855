#pragma once

#include "tokenizer/tokenizer.h"

#include <memory>
#include <string>
#include <string_view>

namespace llmos {

// Loads a tokenizer from a tokenizer.json, a SentencePiece tokenizer.model, a GGUF file
// (its tokenizer.ggml.* metadata; see gguftokenizer.h), or a model folder
// (tokenizer.json preferred, else tokenizer.model). A tokenizer_config.json next to a
// tokenizer.json or tokenizer.model supplies BOS/EOS/PAD names and, for SentencePiece,
// extra tokens.
// Errors: NotFound (nothing to load), Format (malformed file), Unsupported (a
// component we do not implement), Io.
std::unique_ptr<Tokenizer> loadTokenizer(const std::string &path);

// A tokenizer.json document already in memory; sourceName prefixes error locations.
std::unique_ptr<Tokenizer> loadTokenizerJson(std::string_view json, const std::string &sourceName = "tokenizer.json");

} // namespace llmos
