#pragma once

#include "formats/gguf/ggmltype.h"

#include <cstddef>
#include <functional>
#include <string>

namespace llmos {

// Called after each tensor is encoded with (tensors done, tensors in all); returning
// false cancels the export.
using GgufExportProgress = std::function<bool(std::size_t done, std::size_t total)>;

// Writes the Hugging Face model in `hfFolder` as a GGUF file that llama.cpp loads,
// following its convert_hf_to_gguf.py, whatever its family:
//  - gpt2: gpt2.* hyperparameters and LayerNorm epsilon, the Conv1D weights transposed
//    to [out, in] (attn_qkv, attn_output, ffn_up, ffn_down), output.weight only for an
//    untied head;
//  - bert: bert.* with attention.causal false, pooling_type (MEAN or CLS from
//    1_Pooling/config.json; RANK for a classifier), tokenizer.ggml.token_type_count and
//    classifier.output_labels; an encoder drops its pooler as llama.cpp does, a
//    BertForSequenceClassification keeps it as cls.* and its head as cls.output.*; the
//    WordPiece tokenizer as "bert" (gguftokenizer.h);
//  - llama, mistral, qwen2 as below.
// An activation other than the family's usual one (gelu_new, gelu) is kept in the key
// llmos.hidden_act, which llama.cpp ignores. Other model types throw Error(Unsupported).
void exportModelToGguf(const std::string &hfFolder, const std::string &outPath, GgmlType storeAs,
                       const GgufExportProgress &progress = {});

// The causal language models of exportModelToGguf (a BERT folder is Error(Unsupported)).
// For the Llama family: architecture "llama"
// (Mistral included, attn_q / attn_k rows permuted for llama.cpp's rope) or "qwen2",
// general.* and <arch>.* hyperparameters, Llama 3 rope scaling as rope_freqs.weight and
// linear scaling as rope.scaling.*, no output.weight when the head is tied.
// `storeAs` (F32, F16, BF16 or Q8_0) applies to 2-D weights; 1-D tensors and norms stay
// F32, and Q8_0 falls back to F16 for rows whose length is not a multiple of 32, as
// llama.cpp's converter does. The folder's tokenizer is written as tokenizer.ggml.*
// when it has one; without one, the config's bos/eos/pad ids are.
// The file is written atomically at the end: an error or a cancel (Error(Cancelled))
// leaves nothing behind. The weights are checked as loadCausalLm (loadBertModel) checks
// them.
void exportCausalLmToGguf(const std::string &hfFolder, const std::string &outPath, GgmlType storeAs,
                          const GgufExportProgress &progress = {});

} // namespace llmos
