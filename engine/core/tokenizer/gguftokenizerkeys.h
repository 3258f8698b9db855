#pragma once

// What the GGUF tokenizer reader (gguftokenizer.cpp) and writer
// (gguftokenizerwriter.cpp) share: the metadata keys, token types and the byte-level
// pre-tokenizer names llama.cpp uses. Internal to the tokenizer library.

#include <array>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>

namespace llmos::gguftokenizer {

// Keys as llama.cpp's gguf-py constants spell them.
constexpr std::string_view kModelKey = "tokenizer.ggml.model";
constexpr std::string_view kPreKey = "tokenizer.ggml.pre";
constexpr std::string_view kTokensKey = "tokenizer.ggml.tokens";
constexpr std::string_view kScoresKey = "tokenizer.ggml.scores";
constexpr std::string_view kTokenTypeKey = "tokenizer.ggml.token_type";
constexpr std::string_view kMergesKey = "tokenizer.ggml.merges";
constexpr std::string_view kBosKey = "tokenizer.ggml.bos_token_id";
constexpr std::string_view kEosKey = "tokenizer.ggml.eos_token_id";
constexpr std::string_view kUnkKey = "tokenizer.ggml.unknown_token_id";
constexpr std::string_view kPadKey = "tokenizer.ggml.padding_token_id";
// BERT's extra ids ("seperator" is spelled as gguf-py spells it).
constexpr std::string_view kSepKey = "tokenizer.ggml.seperator_token_id";
constexpr std::string_view kClsKey = "tokenizer.ggml.cls_token_id";
constexpr std::string_view kMaskKey = "tokenizer.ggml.mask_token_id";
constexpr std::string_view kAddBosKey = "tokenizer.ggml.add_bos_token";
constexpr std::string_view kAddEosKey = "tokenizer.ggml.add_eos_token";
constexpr std::string_view kAddSpacePrefixKey = "tokenizer.ggml.add_space_prefix";
constexpr std::string_view kChatTemplateKey = "tokenizer.chat_template";

// tokenizer.ggml.token_type values (gguf-py's TokenType).
enum class TokenType : std::int32_t { Normal = 1, Unknown = 2, Control = 3, UserDefined = 4, Unused = 5, Byte = 6 };

// SentencePiece's space marker, U+2581.
inline const std::string kSpaceMarker = "\xE2\x96\x81";

// WordPiece's prefix of a token that continues a word.
inline constexpr std::string_view kContinuationPrefix = "##";

// The split regexes of the byte-level BPE families, as their tokenizer.json files write them.
constexpr std::string_view kGpt2Regex = R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";
constexpr std::string_view kLlama3Regex =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
constexpr std::string_view kQwen2Regex =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

// How a byte-level BPE cuts text before the merges, and the tokenizer.ggml.pre names
// llama.cpp gives each way (llama-vocab.cpp maps several names to one regex).
enum class ByteLevelSplit { Gpt2, Llama3, Qwen2, DigitsThenGpt2 };

struct PreTokenizerName {
    std::string_view name;
    ByteLevelSplit split;
    // llama.cpp's LLAMA3 pre type: whole words are looked up before merging, and BOS is
    // added unless the file says otherwise.
    bool llama3Type;
};

// The first name of each split is the one we write.
inline constexpr std::array kPreTokenizerNames{
    PreTokenizerName{"gpt-2", ByteLevelSplit::Gpt2, false},
    PreTokenizerName{"llama-bpe", ByteLevelSplit::Llama3, true},
    PreTokenizerName{"qwen2", ByteLevelSplit::Qwen2, false},
    PreTokenizerName{"smollm", ByteLevelSplit::DigitsThenGpt2, false},
    PreTokenizerName{"default", ByteLevelSplit::Gpt2, false}, // files converted before .pre existed
    PreTokenizerName{"phi-2", ByteLevelSplit::Gpt2, false},
    PreTokenizerName{"roberta-bpe", ByteLevelSplit::Gpt2, false},
    PreTokenizerName{"llama3", ByteLevelSplit::Llama3, true},
    PreTokenizerName{"llama-v3", ByteLevelSplit::Llama3, true},
    PreTokenizerName{"falcon3", ByteLevelSplit::Llama3, true},
    PreTokenizerName{"pixtral", ByteLevelSplit::Llama3, true},
    PreTokenizerName{"dbrx", ByteLevelSplit::Llama3, false},
    PreTokenizerName{"smaug-bpe", ByteLevelSplit::Llama3, false},
    PreTokenizerName{"deepseek-r1-qwen", ByteLevelSplit::Qwen2, false},
    PreTokenizerName{"starcoder", ByteLevelSplit::DigitsThenGpt2, false},
    PreTokenizerName{"refact", ByteLevelSplit::DigitsThenGpt2, false},
};

// <0xNN> with two hex digits, the byte-fallback spelling.
inline bool isByteToken(std::string_view token)
{
    auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    return token.size() == 6 && token.starts_with("<0x") && token.back() == '>' && hex(token[3]) && hex(token[4]);
}

} // namespace llmos::gguftokenizer
