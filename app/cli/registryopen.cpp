#include "cli/registryopen.h"

#include "models/recoverynotes.h"
#include "runtime/datadirectory.h"

#include <QTextStream>

namespace llmos::cli {

ModelRegistry openRegistry()
{
    ModelRegistry registry(dataDirectory());
    QTextStream err(stderr);
    for (const auto &note : RecoveryNotes::describe(registry.recovery()))
        err << note << '\n';
    return registry;
}

} // namespace llmos::cli
