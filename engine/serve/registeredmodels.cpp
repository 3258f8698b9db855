#include "serve/registeredmodels.h"

#include "registry/modelreference.h"
#include "registry/modelregistry.h"
#include "util/error.h"

namespace llmos::serve {

bool servable(const ModelRecord &model)
{
    return model.format != ModelFormat::Peft;
}

std::vector<DeployedModel> registeredDeployments(ModelRegistry &registry, const std::vector<std::string> &references)
{
    std::vector<DeployedModel> models;
    auto deploy = [&](const std::string &reference) {
        const auto resolved = resolveModelReference(registry, reference);
        models.push_back({resolved.name, resolved.path});
    };
    if (references.empty()) {
        for (const auto &record : registry.list())
            if (servable(record))
                deploy(record.id);
        return models;
    }
    for (const auto &reference : references) {
        if (const auto record = registry.find(reference); record && !servable(*record))
            throw Error(ErrorKind::InvalidInput, reference,
                        "is an adapter; deploy a model merged with it instead");
        deploy(reference);
    }
    return models;
}

} // namespace llmos::serve
