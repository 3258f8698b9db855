#pragma once

#include "generation/samplingoptions.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace llmos {

// What a model's generation_config.json asks for: its end-of-sequence tokens and the
// sampling its authors recommend. Fields the file leaves out stay empty.
struct GenerationDefaults {
    std::vector<std::int64_t> eosTokenIds; // eos_token_id: one id or a list
    std::optional<std::int64_t> bosTokenId;
    std::optional<std::int64_t> padTokenId;
    std::optional<bool> doSample;
    std::optional<double> temperature;
    std::optional<std::int64_t> topK;
    std::optional<double> topP;
    std::optional<double> minP;
    std::optional<double> repetitionPenalty;
    std::optional<std::int64_t> maxNewTokens;

    // The file's sampling on top of `base`: greedy unless do_sample is true, as
    // transformers' generate() behaves.
    SamplingOptions sampling(SamplingOptions base = {}) const;
};

// Parses generation_config.json text; a field of the wrong type is Error(Format) naming
// the file and field. Unknown fields are ignored (the file has dozens).
GenerationDefaults parseGenerationConfig(const std::string &json, const std::string &sourceName);

// Reads <folder>/generation_config.json; a folder without one gives empty defaults.
GenerationDefaults loadGenerationConfig(const std::string &folder);

} // namespace llmos
