#pragma once

#include "architectures/causallm.h"
#include "architectures/ggufparameters.h"
#include "model/modelconfig.h"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace llmos {

class GgufFile;

// A float of the file's metadata: an f32 as the shortest decimal that reads back as the
// same f32 (1e-05, not 9.99999974738e-06), an f64 as stored. Errors as GgufFile::getFloat.
double ggufDecimal(const GgufFile &file, std::string_view key);

// The model a llama.cpp GGUF file of architecture "llama", "qwen2" or "gpt2" describes,
// as the ModelConfig a Hugging Face config.json would give (model_type llama or qwen2,
// silu; or gpt2 with the LayerNorm epsilon of gpt2.attention.layer_norm_epsilon and
// gelu_new unless llmos.hidden_act says otherwise; the head tied when the file has no
// output.weight). Llama 3 rope scaling is read from
// rope_freqs.weight, linear scaling from rope.scaling.*. Token ids come from
// tokenizer.ggml.bos/eos/padding_token_id. A missing or impossible key throws an Error
// whose `where` is "<file>: <key>" (NotFound when missing, Format when impossible); an
// architecture other than llama, qwen2 and gpt2 (bert: an encoder), partial rotary embeddings or a scaling we do
// not run throw Error(Unsupported).
ModelConfig modelConfigFromGguf(const GgufFile &file);

// How the module of `config` is stored in a GGUF file of `architecture` (general.architecture).
// The layout refers to `config`, which must outlive it.
GgufParameterLayout ggufCausalLmLayout(const ModelConfig &config, const std::string &architecture);

// A GGUF file -> a loaded model in eval() mode, every parameter filled in fp32
// (quantized tensors are dequantized; llama's permuted attn_q / attn_k rows are put back
// in Hugging Face order, GPT-2's [out, in] Conv1D weights transposed back to [in, out]). A missing tensor throws Error(NotFound), a wrong shape
// Error(Format), a tensor the model does not have Error(Format), each naming the tensor.
CausalLm loadCausalLmFromGguf(const std::string &path);

// The same from a file already open, reporting progress: dequantizing a large file
// takes minutes.
CausalLm loadCausalLmFromGguf(const GgufFile &file, const GgufLoadProgress &progress);

} // namespace llmos
