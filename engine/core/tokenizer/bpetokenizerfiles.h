#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace llmos {

struct TrainedBpe;

// The special tokens' roles and the model settings tokenizer_config.json carries.
struct BpeTokenizerFileOptions {
    // Each must be one of the trained special tokens; absent roles are written as null.
    std::optional<std::string> bosToken;
    std::optional<std::string> eosToken;
    std::optional<std::string> padToken;
    std::optional<std::string> unkToken;
    std::optional<std::int64_t> modelMaxLength;
    std::optional<std::string> chatTemplate; // written only when given
};

// tokenizer_config.json for transformers' PreTrainedTokenizerFast: the roles by name,
// no BOS/EOS added on encoding, no clean-up of spaces on decoding, the special tokens
// in added_tokens_decoder. Throws Error(InvalidInput) naming a role whose token is not
// one of the trained special tokens.
nlohmann::ordered_json bpeTokenizerConfigJson(const TrainedBpe &trained, const BpeTokenizerFileOptions &options);

// Writes tokenizer.json (bpetokenizerjson.h), tokenizer_config.json and
// special_tokens_map.json into folder (created if missing), each atomically. Everything
// is checked before the first file is written.
void writeBpeTokenizerFiles(const TrainedBpe &trained, const BpeTokenizerFileOptions &options,
                            const std::string &folder);

} // namespace llmos
