#pragma once

// The Hugging Face form of the tokenizer in a GGUF file's tokenizer.ggml.* metadata.
// loadGgufTokenizer runs exactly this document and the Hugging Face export writes it
// as tokenizer.json, so what the GGUF gives and what the exported folder gives cannot
// drift apart. Internal to the engine core.

#include "tokenizer/tokenizer.h"

#include <nlohmann/json.hpp>

#include <string>

namespace llmos {

class GgufFile;

struct GgufTokenizerJson {
    // A complete tokenizer.json: for "gpt2", byte-level BPE with the file's merges and
    // the split regex of its tokenizer.ggml.pre; for "llama", Hugging Face's Llama 2
    // form (BPE with byte_fallback, merges derived from the scores, ▁ for spaces).
    std::string document;
    // The document's added_tokens (control, unknown and user-defined tokens, with their
    // ids and `special` flags), for tokenizer_config.json's added_tokens_decoder.
    nlohmann::json addedTokens;
    // The tokenizer.ggml.*_token_id keys (for "llama", unk falls back to the first
    // token of type unknown). These win over what a loader guesses from token names.
    SpecialTokenIds specialTokens;
    // Whether encoding adds BOS / EOS (the file's add_bos_token / add_eos_token, else
    // llama.cpp's defaults); the document's post-processor does so.
    bool addBos = false;
    bool addEos = false;
};

// Errors as loadGgufTokenizer (gguftokenizer.h) describes them.
GgufTokenizerJson ggufTokenizerJson(const GgufFile &file);

} // namespace llmos
