#pragma once

#include "formats/gguf/ggmltype.h"

#include <cstddef>
#include <functional>
#include <string>

namespace llmos {

// Called after each tensor is encoded with (tensors done, tensors in all); returning
// false cancels the export.
using GgufExportProgress = std::function<bool(std::size_t done, std::size_t total)>;

// Writes the Hugging Face llama, mistral or qwen2 model in `hfFolder` as a GGUF file
// that llama.cpp loads, following its convert_hf_to_gguf.py: architecture "llama"
// (Mistral included, attn_q / attn_k rows permuted for llama.cpp's rope) or "qwen2",
// general.* and <arch>.* hyperparameters, Llama 3 rope scaling as rope_freqs.weight and
// linear scaling as rope.scaling.*, no output.weight when the head is tied.
// `storeAs` (F32, F16, BF16 or Q8_0) applies to 2-D weights; 1-D tensors and norms stay
// F32, and Q8_0 falls back to F16 for rows whose length is not a multiple of 32, as
// llama.cpp's converter does. The folder's tokenizer is written as tokenizer.ggml.*
// when it has one; without one, the config's bos/eos/pad ids are.
// The file is written atomically at the end: an error or a cancel (Error(Cancelled))
// leaves nothing behind. GPT-2 and BERT folders throw Error(Unsupported); the weights
// are checked as loadCausalLm checks them.
void exportCausalLmToGguf(const std::string &hfFolder, const std::string &outPath, GgmlType storeAs,
                          const GgufExportProgress &progress = {});

} // namespace llmos
