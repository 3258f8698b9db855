#pragma once

#include "model/modelconfig.h"

#include <cstdint>
#include <string>

namespace llmos {

struct TrainingRecipe;
struct TrainableSummary;

// What a training run will hold in memory at its peak, in bytes (fp32), for admission:
// a job that cannot fit is refused before it starts, with this breakdown shown.
struct TrainingMemoryEstimate {
    std::uint64_t weights = 0;        // every parameter
    std::uint64_t gradients = 0;      // one per trainable parameter
    std::uint64_t optimizerState = 0; // moments / buffers per trainable parameter
    std::uint64_t activations = 0;    // what the forward pass keeps for backward
    std::uint64_t total() const noexcept { return weights + gradients + optimizerState + activations; }
};

struct TrainingMemoryInput {
    ModelConfig config;
    std::int64_t totalParameters = 0;
    std::int64_t trainableParameters = 0;
    std::string optimizer = "adamw";
    double momentum = 0; // sgd, rmsprop
    std::int64_t batchSize = 1;
    std::int64_t seqLen = 1;
    // Activation checkpointing keeps each layer's input, plus one layer's activations
    // while that layer is recomputed in backward.
    bool activationCheckpointing = false;
};

// Activations, per token and layer, in floats:
//   kActivationFloatsPerHidden x hidden   (norm inputs, q/k/v/o, residuals, MLP in/out)
//   + 4 x intermediate                    (gate, up, activation, product)
//   + 2 x heads x seq                     (attention scores and probabilities)
// plus 3 x vocab per token for the logits (logits, log-softmax, its gradient). The factor
// follows Korthikanti et al. 2022 (34·h + 5·a·s bytes per token and layer in fp16 with
// dropout), counted in fp32 floats without dropout masks.
constexpr std::int64_t kActivationFloatsPerHidden = 14;

TrainingMemoryEstimate estimateTrainingMemory(const TrainingMemoryInput &input);

// The same for a recipe, before any weight is read: the model's config.json, and the
// parameters counted on the network the run builds with its method attached
// (summarizeTrainable), so every method's trainable count is exact.
TrainingMemoryEstimate estimateTrainingMemory(const TrainingRecipe &recipe);
// ... when the caller has counted already.
TrainingMemoryEstimate estimateTrainingMemory(const TrainingRecipe &recipe, const TrainableSummary &trainable);

} // namespace llmos
