#include "serve/registeredmodels.h"

#include "registry/modelreference.h"
#include "registry/modelregistry.h"
#include "util/error.h"

namespace llmos::serve {

bool servable(const ModelRecord &model)
{
    return model.format != ModelFormat::Peft;
}

namespace {

DeployedModel deploymentOf(ModelRegistry &registry, const std::string &reference)
{
    const auto resolved = resolveModelReference(registry, reference);
    return {resolved.name, resolved.path};
}

} // namespace

std::vector<ServableModel> servableModels(ModelRegistry &registry)
{
    std::vector<ServableModel> models;
    for (auto &record : registry.list())
        if (servable(record)) {
            auto deployment = deploymentOf(registry, record.id);
            models.push_back({std::move(record), std::move(deployment)});
        }
    return models;
}

std::vector<DeployedModel> registeredDeployments(ModelRegistry &registry, const std::vector<std::string> &references)
{
    std::vector<DeployedModel> models;
    if (references.empty()) {
        for (auto &model : servableModels(registry))
            models.push_back(std::move(model.deployment));
        return models;
    }
    for (const auto &reference : references) {
        if (const auto record = registry.find(reference); record && !servable(*record))
            throw Error(ErrorKind::InvalidInput, reference,
                        "is an adapter; deploy a model merged with it instead");
        models.push_back(deploymentOf(registry, reference));
    }
    return models;
}

} // namespace llmos::serve
