#pragma once

#include "architectures/causallm.h"
#include "model/modelconfig.h"

#include <string>

namespace llmos {

class GgufFile;

// The model a llama.cpp GGUF file of architecture "llama" or "qwen2" describes, as the
// ModelConfig a Hugging Face config.json would give (model_type llama or qwen2, silu,
// the head tied when the file has no output.weight). Llama 3 rope scaling is read from
// rope_freqs.weight, linear scaling from rope.scaling.*. Token ids come from
// tokenizer.ggml.bos/eos/padding_token_id. A missing or impossible key throws an Error
// whose `where` is "<file>: <key>" (NotFound when missing, Format when impossible); an
// architecture other than llama and qwen2, partial rotary embeddings or a scaling we do
// not run throw Error(Unsupported).
ModelConfig modelConfigFromGguf(const GgufFile &file);

// A GGUF file -> a loaded model in eval() mode, every parameter filled in fp32
// (quantized tensors are dequantized; llama's permuted attn_q / attn_k rows are put back
// in Hugging Face order). A missing tensor throws Error(NotFound), a wrong shape
// Error(Format), a tensor the model does not have Error(Format), each naming the tensor.
CausalLm loadCausalLmFromGguf(const std::string &path);

} // namespace llmos
