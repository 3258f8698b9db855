#pragma once

#include "model/modelconfig.h"

#include <cstdint>
#include <string>

namespace llmos {

// A new causal LM to train from scratch: the module for `config` with the
// initialisation Hugging Face gives GPT-2 and Llama (weights normal with standard
// deviation `initializerRange`, biases 0, norm gains 1), the same for the same seed,
// written as a Hugging Face folder (config.json + model.safetensors) that a recipe
// names as its model. The tokenizer files are the caller's to put beside it.
void writeScratchCausalLm(const ModelConfig &config, const std::string &folder, std::uint64_t seed,
                          double initializerRange = 0.02);

} // namespace llmos
