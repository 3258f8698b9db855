#pragma once

#include "tokenizer/tokenizer.h"

#include <memory>
#include <string>

namespace llmos {

class GgufFile;
class GgufWriter;

// Reads the tokenizer.ggml.* metadata of a GGUF file as llama.cpp does, into a tokenizer
// that gives the ids of the Hugging Face tokenizer the file was converted from.
// Supported models:
//  - "gpt2": byte-level BPE with merges. tokenizer.ggml.pre picks the split regex:
//    GPT-2 ("gpt-2", "phi-2", "roberta-bpe"; also "default" or no key, as files
//    converted before the key existed), Llama 3 ("llama-bpe", "llama3", "falcon3", ...,
//    whole words looked up before merging), Qwen2 ("qwen2", "deepseek-r1-qwen"; with
//    Qwen2's NFC normalizer, which llama.cpp leaves out), digits then GPT-2 ("smollm",
//    "starcoder", "refact"). Any other name is Error(Unsupported) naming it: guessing
//    a regex would give wrong ids without a word.
//  - "llama": SentencePiece-style BPE. Merges are derived from the scores the way Hugging
//    Face's LlamaConverter derives them; <0xNN> byte fallback; ▁ for spaces and, with
//    tokenizer.ggml.add_space_prefix (default true), before each stretch of text.
//  - "bert": WordPiece in llama.cpp's phantom-space spelling (▁word, "##" continuations
//    stored bare, control tokens as they are), run as Hugging Face's uncased
//    BertTokenizerFast: BertNormalizer (lowercase, accents stripped), BertPreTokenizer,
//    [UNK], and [CLS] ... [SEP] from tokenizer.ggml.cls/seperator_token_id (else bos/eos).
// Control, unknown and user-defined tokens are matched whole in text. add_bos_token
// defaults as in llama.cpp (true for "llama" and the Llama 3 pre-tokenizer).
// Errors: NotFound (no tokenizer in the file, or a required key missing), Format (a
// value of the wrong type, arrays of different lengths, an id out of range, a merge
// naming an unknown token, a repeated or malformed token; `where` names the key and
// index), Unsupported (another model or pre-tokenizer).
std::unique_ptr<Tokenizer> loadGgufTokenizer(const GgufFile &file);

// Writes the tokenizer of a Hugging Face model folder as tokenizer.ggml.* and
// tokenizer.chat_template metadata, the way llama.cpp's convert_hf_to_gguf.py does, so
// that llama.cpp and loadGgufTokenizer give the folder's ids:
//  - tokenizer.json, WordPiece with a lowercasing BertNormalizer and BertPreTokenizer:
//    "bert" as convert_hf_to_gguf.py writes it, with the cls/seperator/mask ids; other
//    WordPiece tokenizers (cased ones: llama.cpp always lowercases) are Error(Unsupported).
//  - tokenizer.json, byte-level BPE: "gpt2" with merges and the pre name of its split
//    (GPT-2, Llama 3 or Qwen2 regex, or digits + GPT-2); other pre-tokenizers or
//    normalizers are Error(Unsupported).
//  - tokenizer.json, SentencePiece-style BPE (byte_fallback, spaces as ▁): "llama" with
//    scores that replay its merges in order (a token made by merge r scores -r). GGUF
//    keeps only add_space_prefix, so a Metaspace pre-tokenizer ("prepend first") comes
//    back as llama.cpp runs it: ▁ also after special tokens and before a leading space.
//  - else tokenizer.model (a BPE SentencePiece model without a normalization table):
//    "llama" with its own pieces, scores and types.
// Ids missing from the tokenizer up to config.json's vocab_size become "[PADn]" unused
// tokens. BOS/EOS are what tokenizer_config.json names, else config.json's or
// generation_config.json's ids, else a special token the tokenizer guesses by name
// (never an ordinary token such as Qwen3's "<s>"). BOS/EOS/UNK/PAD ids, add_bos/add_eos (tokenizer_config.json, else what the
// tokenizer adds) and the chat template (tokenizer_config.json's chat_template, the
// "default" one of a list, else chat_template.jinja) come along. Returns false, writing
// nothing, when the folder has no tokenizer. Throws Error (Format/Unsupported) when its
// tokenizer cannot be read or expressed in GGUF; nothing is written then either.
bool addGgufTokenizerMetadata(GgufWriter &writer, const std::string &modelFolder);

} // namespace llmos
