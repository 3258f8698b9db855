#pragma once

#include "formats/dtype.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace llmos {

class GgufFile;

struct GgufToHuggingFaceOptions {
    // How the weights are stored: F32, F16 or BF16. Unset: what the GGUF's matrices
    // hold (ggufWeightsDtype).
    std::optional<DType> storeAs;
    // Called with (steps done, steps in all): one step per parameter dequantized, then
    // as many again for writing the weights in one go. Returning false cancels.
    std::function<bool(std::uint64_t done, std::uint64_t total)> progress;
};

// The dtype a GGUF's weights keep best in safetensors: F32 when every matrix is F32,
// BF16 when they are BF16, else F16 (F16 files, and quantized ones such as Q8_0, whose
// dequantized values F16 holds to within its rounding). 1-D tensors are left out: norms
// and biases are F32 in every llama.cpp file.
DType ggufWeightsDtype(const GgufFile &file);

// Writes a llama, qwen2 or gpt2 GGUF model as a Hugging Face folder that loadCausalLm,
// loadTokenizer and transformers read (a "bert" file: see below):
//  - model.safetensors and config.json (saveCausalLm) from the model as
//    loadCausalLmFromGguf runs it: quantized tensors dequantized, llama's permuted
//    q/k rows back in Hugging Face order, the context length, rope theta and scaling,
//    and the bos/eos/pad ids of the file;
//  - generation_config.json: those ids, and the sampling the file recommends
//    (general.sampling.temp / top_k / top_p / min_p / penalty_repeat) when it does; a
//    value no sampler takes (a NaN, top_p above 1, ...) is Error(Format) naming the key;
//  - tokenizer.json and tokenizer_config.json with the chat template
//    (gguftokenizerexport.h), unless the file has no tokenizer.
// Weights stored as F16 that would overflow it (beyond ±65504) are stored as BF16 when
// the dtype was not asked for, and refused with Error(InvalidInput) when it was.
//
// `destination` must not exist. Everything is written into a temporary sibling folder
// renamed into place at the end: an error or a cancel (Error(Cancelled)) leaves nothing
// behind. The architecture, the sampling values and the tokenizer are checked before
// minutes of dequantizing: a vocabulary with no Hugging Face form is Error(Unsupported)
// naming tokenizer.ggml.model (or .pre) and its type. Other errors of the GGUF are those
// of loadCausalLmFromGguf and loadGgufTokenizer.
// A "bert" file becomes a BertModel folder (with 1_Pooling/config.json and modules.json
// when bert.pooling_type is MEAN or CLS) or, when it has a classification head, a
// BertForSequenceClassification folder (saveBertModel / saveBertClassifier), its
// WordPiece tokenizer as tokenizer.json; errors as loadBertModelFromGguf.
// Memory: the whole model in fp32, plus one copy in the stored dtype while writing.
void exportGgufAsHuggingFaceFolder(const std::string &ggufPath, const std::string &destination,
                                   const GgufToHuggingFaceOptions &options = {});

} // namespace llmos
