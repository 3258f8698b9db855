#pragma once

#include <cstdio>

// Tiny tokenizer.json documents for the unit tests, built as JSON so each test shows
// only the part it is about.

#include "tokenizer/loadtokenizer.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace llmos::test {

// {"model": model} plus whatever `extra` holds (normalizer, pre_tokenizer, ...).
inline nlohmann::json tokenizerDoc(nlohmann::json model, nlohmann::json extra = nlohmann::json::object())
{
    nlohmann::json doc = {{"version", "1.0"}, {"added_tokens", nlohmann::json::array()}, {"normalizer", nullptr},
                          {"pre_tokenizer", nullptr}, {"model", std::move(model)}, {"post_processor", nullptr},
                          {"decoder", nullptr}};
    for (auto &[key, value] : extra.items()) doc[key] = value;
    return doc;
}

// A vocab object giving the tokens ids 0, 1, 2, ... in order.
inline nlohmann::json vocabOf(const std::vector<std::string> &tokens)
{
    nlohmann::json vocab = nlohmann::json::object();
    for (std::size_t i = 0; i < tokens.size(); ++i) vocab[tokens[i]] = i;
    return vocab;
}

inline nlohmann::json bpeModel(const std::vector<std::string> &tokens, nlohmann::json merges)
{
    return {{"type", "BPE"}, {"vocab", vocabOf(tokens)}, {"merges", std::move(merges)}};
}

// WordLevel makes pre-tokenizer tests readable: each expected word is a token.
// A BPE model with byte fallback: `first` tokens, then <0x00>..<0xFF>, unk "<unk>"
// (which must be among `first`), no merges.
inline nlohmann::json byteFallbackBpeModel(std::vector<std::string> first)
{
    for (int b = 0; b < 256; ++b) {
        char name[8];
        std::snprintf(name, sizeof name, "<0x%02X>", b);
        first.push_back(name);
    }
    nlohmann::json model = bpeModel(first, nlohmann::json::array());
    model["byte_fallback"] = true;
    model["unk_token"] = "<unk>";
    return model;
}

inline nlohmann::json wordLevelModel(const std::vector<std::string> &tokens)
{
    std::vector<std::string> all = tokens;
    all.push_back("<unk>");
    return {{"type", "WordLevel"}, {"vocab", vocabOf(all)}, {"unk_token", "<unk>"}};
}

inline std::unique_ptr<Tokenizer> load(const nlohmann::json &doc)
{
    return loadTokenizerJson(doc.dump());
}

using Ids = std::vector<std::int32_t>;

} // namespace llmos::test
