#pragma once

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace llmos {

class Tokenizer;

// Texts as an encoder (BERT) reads them: tokenized with the model's special tokens, cut
// to the model's length, right-padded into one batch. Shared by TextEmbedder and
// TextClassifier; torch-facing, so not for ui/.
struct EncoderInput {
    torch::Tensor ids;                // [texts, longest] int64, padding 0
    torch::Tensor mask;               // [texts, longest] int64, 1 for real tokens
    std::vector<std::int64_t> tokens; // real tokens per text
    std::vector<bool> truncated;      // per text: tokens were dropped
    torch::Tensor typeIds;            // pairs only: [texts, longest] int64, 0 for A's tokens, 1 for B's
};

// The ids of one text with special tokens, at most maxTokens of them. A longer text keeps
// its leading content tokens and still gets all its special tokens ([CLS] ... [SEP]), as
// Hugging Face's truncation does; `truncated` says whether anything was dropped.
std::vector<std::int32_t> encodeTruncated(const Tokenizer &tokenizer, std::string_view text, std::size_t maxTokens,
                                          bool &truncated);

// Error(InvalidInput) for no texts.
EncoderInput encoderInput(const Tokenizer &tokenizer, std::span<const std::string> texts, std::size_t maxTokens);

// Text pairs (a query and a document, for a cross-encoder) as BERT's pair template has
// them: [CLS] A [SEP] B [SEP], token types 0 then 1, the special tokens being those the
// tokenizer puts around one text. A pair over maxTokens loses tokens from the end of its
// longer side first, from B on a tie (Hugging Face's "longest_first"). Error(InvalidInput)
// for no pairs, an empty side, or maxTokens too small to hold the special tokens.
EncoderInput encoderPairInput(const Tokenizer &tokenizer, std::span<const std::pair<std::string, std::string>> pairs,
                              std::size_t maxTokens);

// A small JSON file (a config), parsed strictly (formats/strictjson.h): Error(NotFound /
// Io / Format) naming the file.
nlohmann::json readJsonFile(const std::string &path);

} // namespace llmos
