#pragma once

#include "architectures/causallm.h"
#include "architectures/checkpointparameters.h"
#include "formats/safetensorsweights.h"
#include "model/modelconfig.h"

#include <string>

namespace llmos {

// Builds the module for a config, its parameters empty (uninitialised) until loaded.
// GPT-2 -> Gpt2LmHeadModel, llama/mistral/qwen2 -> LlamaForCausalLm; BERT and unknown
// activations or rope scalings throw Error(Unsupported).
CausalLm buildCausalLm(const ModelConfig &config);

// Fills every parameter of `model` from `weights`, converting F32/F16/BF16 to fp32 (F32
// tensors that are aligned stay zero-copy views of the file). Checks, in this order:
//   - the token-embedding rows against config.json's vocab_size
//     -> Error(Format, "<configName>: vocab_size", ...)                    (BAD_INPUTS 13)
//   - each expected tensor in the module's order: missing -> Error(NotFound),
//     wrong shape -> Error(Format), other dtypes -> Error(Unsupported); `where` names the
//     tensor, so the first mismatch is the one reported                  (BAD_INPUTS 14)
//   - tensors the architecture does not have (a layer beyond num_hidden_layers, a
//     classifier head) -> Error(Format) naming the tensor. Known buffers are ignored
//     (GPT-2's attn.bias / attn.masked_bias, rotary_emb.inv_freq), as is lm_head.weight
//     when the head is tied.
// GPT-2 tensors may be named with or without the "transformer." prefix (the original
// openai-community/gpt2 file has none).
void loadCausalLmWeights(CausalLmImpl &model, const SafetensorsWeights &weights, const std::string &configName);

// How a GPT-2 or Llama-family checkpoint names the decoder's parameters and which of its
// tensors may stay unused (see loadCausalLmWeights). The result refers to `config`.
CheckpointNaming causalLmNaming(const ModelConfig &config);

// loadCausalLmWeights for any module built around a decoder (a sequence classifier):
// checks the embedding rows against vocab_size, then loads every parameter of `model`
// under `naming`; `what` completes "<model_type> <what> with N layers" in errors.
void loadDecoderWeights(torch::nn::Module &model, const ModelConfig &config, const SafetensorsWeights &weights,
                        const CheckpointNaming &naming, const std::string &what, const std::string &configName);

// A .gguf name, or a regular file that starts with GGUF's magic whatever its name.
bool isGgufFile(const std::string &path);

// A model on disk -> a loaded model in eval() mode: a .gguf file (or any regular file
// that starts with GGUF's magic) goes to loadCausalLmFromGguf (ggufcausallm.h), a folder
// is read as Hugging Face config.json + safetensors. Other files are refused with
// Error(Unsupported), pickle checkpoints with the reason why.
CausalLm loadCausalLm(const std::string &path);

} // namespace llmos
