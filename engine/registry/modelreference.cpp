#include "registry/modelreference.h"

#include "registry/modelregistry.h"
#include "util/error.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace llmos {

ResolvedModel resolveModelReference(ModelRegistry &registry, const std::string &pathOrModel)
{
    std::error_code ec;
    if (fs::exists(pathOrModel, ec)) {
        const auto path = fs::absolute(pathOrModel, ec).lexically_normal().string();
        auto name = fs::path(path).filename().string();
        if (name.empty())
            name = fs::path(path).parent_path().filename().string();
        return {path, "", name};
    }
    const auto model = registry.find(pathOrModel);
    if (!model)
        throw Error(ErrorKind::NotFound, pathOrModel,
                    "is neither a file or folder nor the id or name of a registered model (llmos models list shows them)");
    return {registry.resolve(model->id), model->id, model->name};
}

} // namespace llmos
