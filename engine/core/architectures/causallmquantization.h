#pragma once

#include "architectures/causallm.h"
#include "architectures/checkpointparameters.h"
#include "formats/safetensorsweights.h"
#include "model/weightquantization.h"

#include <cstdint>
#include <string>

namespace llmos {

// Weight-only quantization of a loaded causal LM (quantizedmatrix.h), the way `llmos
// quantize` makes a smaller, faster model for CPU inference. Llama family only (its
// linear layers are Projections the row path reads); GPT-2 -> Error(Unsupported).

// Quantizes every linear weight in place -- q, k, v, o, gate, up, down in each layer, and
// the LM head when it is untied and scheme.quantizedHead -- and re-fuses them; the
// model's config then carries the scheme (its quantizedHead false for a tied head).
// Embeddings and norms stay fp32. Error(InvalidInput) when a matrix does not fit the
// scheme (4-bit: a width the group size does not divide).
void quantizeCausalLm(CausalLmImpl &model, const WeightQuantization &scheme);

// A quantized model as a compressed-tensors Hugging Face folder (weightquantization.h)
// that loadCausalLm reads back: model.safetensors, then config.json with its
// quantization_config, each written atomically. Error(InvalidInput) for a model that is
// not quantized.
void saveQuantizedCausalLm(const CausalLmImpl &model, const std::string &folder);

// Part of loadCausalLm for a config with quantization_config: installs each quantized
// matrix from `weights` (checked against the shape the model expects: Error(NotFound /
// Format) naming the tensor) and returns the naming under which the generic loader fills
// the rest (norms, embeddings, biases) and accepts the quantized tensors.
CheckpointNaming loadQuantizedWeights(CausalLmImpl &model, const SafetensorsWeights &weights,
                                      CheckpointNaming naming);

// Bytes of the model's quantized matrices (values and scales), for size reports.
std::int64_t quantizedWeightBytes(const CausalLmImpl &model);

} // namespace llmos
