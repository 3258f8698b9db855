#pragma once

#include <mutex>

namespace llmos {
class ModelRegistry;
}

namespace llmos::serve {

class ApiRouter;
class ModelPool;

// The registry as the management API sees it: one SQLite connection, used by one request
// thread at a time.
struct RegistryAccess {
    ModelRegistry &registry;
    std::mutex mutex;
};

// The management API's model routes (management keys only): GET /api/models and GET
// /api/models/{id} (registry id or name), each model with "deployed" saying whether this
// server offers it under that name; POST /api/models/{id}/deploy and /undeploy, which
// start and stop offering a registered model (under its name) without a restart. Paths on
// this machine are left out of the answers.
void addManagementRoutes(ApiRouter &router, RegistryAccess &registry, ModelPool &models);

} // namespace llmos::serve
