#pragma once

#include "tokenizer/addedvocabulary.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace llmos {

// What a transformers tokenizer_config.json says about special tokens: their names,
// whether BOS/EOS are added, and the extra tokens of added_tokens_decoder.
struct TokenizerConfig {
    std::optional<std::string> bosToken;
    std::optional<std::string> eosToken;
    std::optional<std::string> padToken;
    std::optional<std::string> unkToken;
    std::optional<bool> addBosToken;
    std::optional<bool> addEosToken;
    std::vector<AddedToken> addedTokens;
    // chat_template: a string, or from the list form [{name, template}, ...] the one named
    // "default" (else the first).
    std::optional<std::string> chatTemplate;

    // Throws Error(Format) for malformed JSON or fields of the wrong type.
    static TokenizerConfig fromJson(std::string_view text, const std::string &sourceName);
};

} // namespace llmos
