#pragma once

// What a recipe's method trains, as counts: plain data, free of torch, so the designer
// can show it. training/trainablesummary.h counts them on the network a run builds.

#include <cstdint>
#include <string>
#include <vector>

namespace llmos {

// Parameters of one part of a model, and how many of them a method trains.
struct ParameterGroup {
    std::string name;
    std::int64_t parameters = 0;
    std::int64_t trainable = 0;
};

// How a recipe's method splits its model into what trains and what stays fixed, counted
// on the very network a run builds (the same task head, the method attached the same
// way), before any weight is read.
struct TrainableSummary {
    std::string method;                  // the method's kind
    std::int64_t totalParameters = 0;    // the model's, the head's and the method's own
    std::int64_t trainableParameters = 0;
    std::int64_t layerCount = 0;         // decoder (encoder) layers
    // By module kind, in model order: the last name of the module holding the parameter
    // ("q_proj", "embed_tokens", "ln_1"). What a method adds counts under the module it
    // hooks (LoRA's A and B under "q_proj") or under its own ("prompt_encoder").
    std::vector<ParameterGroup> modules;
    // By layer: layers[i] is layer i, named "i"; parameters outside the layers
    // (embeddings, final norm, head) are in outsideLayers.
    std::vector<ParameterGroup> layers;
    ParameterGroup outsideLayers;
    // The kinds of linear layer target_modules can name in this model, in model order.
    std::vector<std::string> linearModules;
};

} // namespace llmos
