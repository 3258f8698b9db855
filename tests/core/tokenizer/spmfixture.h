#pragma once

// The committed SentencePiece fixture, tests/data/tokenizer/spm/tokenizer.model, and
// what libsentencepiece makes of a text with it. sentencepiece_tokenizer_test checks
// these values against the library itself; sentencepiece_torch_test checks our
// tokenizer against them in a process that also has libtorch (and its protobuf).
// Regenerate the model as tests/data/tokenizer/spm/README.md says, then update these.

#include <cstdint>
#include <string>
#include <vector>

namespace llmos::test::spm {

inline const std::string kModelPath = LLMOS_TEST_DATA_DIR "/tokenizer/spm/tokenizer.model";
inline const std::string kText = "hello world, the quick fox \xE4\xB8\xAD";
// kText encoded without special tokens ("," and 中 come out as byte pieces).
inline const std::vector<std::int32_t> kIds = {277, 259, 270, 278, 293, 274, 269, 47, 260, 266, 278,
                                                276, 285, 263, 278, 265, 299, 278, 231, 187, 176};
inline constexpr std::int32_t kBos = 1;
inline constexpr std::int32_t kEos = 2;
inline constexpr std::int32_t kUnk = 0;
inline constexpr std::size_t kPieceCount = 300;

} // namespace llmos::test::spm
