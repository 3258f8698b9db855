#pragma once

#include "formats/safetensorsweights.h"

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace llmos {

// How one architecture's parameters are found in a checkpoint. Shared by the causal-LM
// and the BERT loaders so that every model is checked the same way.
struct CheckpointNaming {
    // The checkpoint names a parameter may be stored under, most preferred first (for
    // example with and without GPT-2's "transformer." or BERT's "bert." prefix).
    std::function<std::vector<std::string>(const std::string &parameter)> storedNames;
    // Checkpoint tensors that are not parameters of this model and may stay unused:
    // recomputed buffers, tied heads, task heads the model does not run.
    std::function<bool(std::string_view name)> isIgnorable;
    // Parameters another loader fills (quantized weights): skipped here. Optional.
    std::function<bool(const std::string &parameter)> loadedElsewhere;
};

// The first of naming.storedNames(parameter) present in weights, or nullptr.
const SafetensorsWeights::Entry *findStoredTensor(const SafetensorsWeights &weights, const CheckpointNaming &naming,
                                                  const std::string &parameter);

// When the embedding table is stored, its rows must equal config.json's vocab_size:
// otherwise Error(Format, "<configName>: vocab_size")                   (BAD_INPUTS 13).
void checkVocabularyRows(const SafetensorsWeights::Entry *embedding, std::int64_t vocabSize,
                         const std::string &configName);

// Fills every parameter of `model` from `weights`, converting F32/F16/BF16 to fp32
// (aligned F32 tensors stay zero-copy views of the file). In the module's order, so the
// first mismatch is the one reported                                   (BAD_INPUTS 14):
//   missing -> Error(NotFound), wrong shape -> Error(Format), other dtypes ->
//   Error(Unsupported), each with `where` naming the tensor; then any checkpoint tensor
//   neither used nor ignorable -> Error(Format) naming it.
// `description` completes "a <description> needs it" / "is not part of a <description>",
// e.g. "llama model with 2 layers".
void loadCheckpointParameters(torch::nn::Module &model, const SafetensorsWeights &weights,
                              const CheckpointNaming &naming, const std::string &description,
                              const std::string &configName);

} // namespace llmos
