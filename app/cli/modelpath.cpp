#include "cli/modelpath.h"

#include "cli/registryopen.h"
#include "registry/modelreference.h"
#include "registry/registrylayout.h"
#include "runtime/datadirectory.h"
#include "util/error.h"

#include <filesystem>

namespace llmos::cli {

QString resolveModelPath(const QString &pathOrModel)
{
    const std::string text = pathOrModel.toStdString();
    std::error_code ec;
    if (std::filesystem::exists(text, ec))
        return pathOrModel;
    const std::string home = dataDirectory();
    // No registry yet: say so rather than create one just to look in it. A home with
    // manifests but no database is a registry whose database was lost: opening it rebuilds.
    const RegistryLayout layout(home);
    if (!std::filesystem::exists(layout.databaseFile(), ec) && !std::filesystem::exists(layout.manifestsFolder(), ec))
        throw Error(ErrorKind::NotFound, text,
                    "is neither a file or folder nor a registered model (there is no model registry in " + home + " yet)");
    ModelRegistry registry = openRegistry();
    return QString::fromStdString(resolveModelReference(registry, text).path);
}

} // namespace llmos::cli
