#pragma once

#include "services/derivedmodel.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace llmos {

class ModelRegistry;

struct ModelPruningRequest {
    std::string model; // registry id or name: a GPT-2 or Llama-family Hugging Face folder
    // Depth pruning: decoder layers to remove (0-based); the rest are renumbered in order.
    std::vector<std::int64_t> dropLayers;
    // Magnitude pruning: the share (0 to 0.95) of each linear weight matrix in the decoder
    // layers set to zero, the smallest in magnitude first. Embeddings, norms and the LM head
    // are left whole.
    double sparsity = 0;
    std::string name; // the new model's name; empty: "<model>-pruned"
    std::string perplexityData;
    std::int64_t perplexityExamples = 200;
    // The fraction done; false cancels (Error(Cancelled), nothing registered).
    std::function<bool(double fraction)> progress;
};

struct ModelPruningReport {
    std::string sourceId, sourceName;
    std::string modelId, modelName;
    std::vector<std::int64_t> droppedLayers;
    double sparsity = 0;
    std::int64_t sourceParameters = 0;
    std::int64_t keptParameters = 0; // parameters left, zeros not counted
    DerivedModelComparison comparison;
};

nlohmann::json toJson(const ModelPruningReport &report);

// The model at `sourcePath` (a Hugging Face folder) pruned into `folder` (weights in their
// stored dtype, config.json with the new layer count, the tokenizer files). Updates
// report's parameter counts. Error(InvalidInput) for layers that do not exist, dropping
// every layer, or a sparsity outside [0, 0.95]; Error(Unsupported) for a GGUF file or a
// family other than GPT-2 and Llama.
void writePrunedModel(const std::string &sourcePath, const ModelPruningRequest &request, const std::string &folder,
                      ModelPruningReport &report);

// Prunes a registered model, registers the result (lineage "prune" from the source, its
// tags) and measures what changed (derivedmodelcomparison.h). The report is kept as
// <home>/prunings/<new model id>.json. Blocking: run it on a worker.
ModelPruningReport pruneRegisteredModel(ModelRegistry &registry, const ModelPruningRequest &request);

} // namespace llmos
