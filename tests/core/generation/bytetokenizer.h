#pragma once

#include <cstdint>
#include <string>

namespace llmos::test {

// A byte-level BPE tokenizer.json without merges: byte b is token b (0-255), then the
// special tokens <|endoftext|> (256), <|im_start|> (257) and <|im_end|> (258). Every
// text encodes to one token per byte, so a model of 259 tokens can say anything,
// including half a UTF-8 character.
constexpr std::int32_t kEndOfText = 256;
constexpr std::int32_t kImStart = 257;
constexpr std::int32_t kImEnd = 258;
constexpr std::int64_t kByteVocab = 259;

std::string byteTokenizerJson();

} // namespace llmos::test
