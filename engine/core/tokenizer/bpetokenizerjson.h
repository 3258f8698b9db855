#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace llmos {

struct TrainedBpe;

// The pre_tokenizer of a byte-level BPE that splits with `splitPattern`: for GPT-2's
// regex the plain ByteLevel pre-tokenizer (use_regex true), for any other regex the
// Split + ByteLevel sequence Hugging Face writes for Llama 3 or Qwen 2. No prefix space.
nlohmann::json byteLevelPreTokenizerJson(std::string_view splitPattern);

// One entry of tokenizer.json's "added_tokens" (never split, never stripped), in Hugging
// Face's key order. Shared by every tokenizer.json we write.
nlohmann::ordered_json addedTokenJson(std::size_t id, const std::string &content, bool normalized, bool special);

// A tokenizer.json with a BPE model, as text: the `head` object (every key but "model"),
// then the `model` object extended with "vocab" (token -> id, in id order) and "merges"
// (pairs of token ids, highest priority first). The vocabulary and merges are written as
// text because a JSON DOM of 150k entries costs more than all the rest. Shared by the
// trained and the GGUF tokenizers; tokens must be valid UTF-8.
std::string bpeTokenizerJsonText(const std::string &headJson, const std::string &modelJson,
                                 const std::vector<std::string> &tokens,
                                 const std::vector<std::pair<std::int32_t, std::int32_t>> &merges);

// A complete tokenizer.json for a trained byte-level BPE, as Hugging Face tokenizers
// saves one its BpeTrainer trained: model BPE with the vocabulary and merges, the
// pre-tokenizer above, ByteLevel decoder and post-processor, and the special tokens in
// added_tokens (special: true, matched in raw text). The same input gives the same bytes.
std::string bpeTokenizerJson(const TrainedBpe &trained);

} // namespace llmos
