#pragma once

#include "serve/modelpool.h"

#include <string>
#include <vector>

namespace llmos {
class ModelRegistry;
struct ModelRecord;
} // namespace llmos

namespace llmos::serve {

// Whether clients can call a registered model: every format but adapters (PEFT), which a
// client reaches through the model merged with one.
bool servable(const ModelRecord &model);

// The registered models `references` name (ids or names), or every servable one when
// `references` is empty, each deployed under its registered name. Error(NotFound) for a
// reference that names nothing, Error(InvalidInput) for an adapter named.
std::vector<DeployedModel> registeredDeployments(ModelRegistry &registry, const std::vector<std::string> &references);

} // namespace llmos::serve
