#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace llmos {

class GgufFile;

// Writes the tokenizer of a GGUF file into the model folder `folder` (which exists) as
// the Hugging Face files that both loadTokenizer and transformers read:
//  - tokenizer.json: the document loadGgufTokenizer itself runs (gguftokenizerjson.h),
//    so the folder encodes and decodes to the GGUF's ids by construction. For a
//    "llama" (SentencePiece) vocabulary that is Hugging Face's Llama 2 form, not a
//    tokenizer.model: a hand-written SentencePiece model would go through another
//    tokenizer here (SentencePieceTokenizer) and in transformers (the slow converter),
//    whose handling of user-defined and control tokens and of the space prefix is not
//    the GGUF's.
//  - tokenizer_config.json: tokenizer_class PreTrainedTokenizerFast, the BOS/EOS/UNK/PAD
//    tokens by name, add_bos_token/add_eos_token, every added token in
//    added_tokens_decoder with its `special` flag, the chat template
//    (tokenizer.chat_template), model_max_length when given, and no clean-up of
//    spaces on decoding (llama.cpp does none).
// Returns false, writing nothing, when the file has no tokenizer (no
// tokenizer.ggml.model, or "no_vocab"). A vocabulary or pre-tokenizer with no Hugging
// Face form here throws Error(Unsupported) naming the key and the type; a malformed one
// Error(Format), as loadGgufTokenizer does. Nothing is written before the checks pass.
bool writeGgufTokenizerAsHuggingFace(const GgufFile &file, const std::string &folder,
                                     std::optional<std::int64_t> modelMaxLength = std::nullopt);

} // namespace llmos
