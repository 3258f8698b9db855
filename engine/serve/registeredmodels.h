#pragma once

#include "registry/modelrecord.h"
#include "serve/modelpool.h"

#include <string>
#include <vector>

namespace llmos {
class ModelRegistry;
} // namespace llmos

namespace llmos::serve {

// Whether clients can call a registered model: every format but adapters (PEFT), which a
// client reaches through the model merged with one.
bool servable(const ModelRecord &model);

// A registered model clients can call, and how the server offers it.
struct ServableModel {
    ModelRecord record;
    DeployedModel deployment; // under the registered name
};
// Every servable registered model, in the registry's order.
std::vector<ServableModel> servableModels(ModelRegistry &registry);

// The registered models `references` name (ids or names), or every servable one when
// `references` is empty, each deployed under its registered name. Error(NotFound) for a
// reference that names nothing, Error(InvalidInput) for an adapter named.
std::vector<DeployedModel> registeredDeployments(ModelRegistry &registry, const std::vector<std::string> &references);

} // namespace llmos::serve
