#pragma once

#include "registry/modelregistry.h"

namespace llmos::cli {

// Opens the registry under dataDirectory() and tells, on stderr, what the open mended
// after a process that died while writing (see ModelRegistry::recovery()): a person
// whose database was rebuilt from the manifests should know it happened, and why.
ModelRegistry openRegistry();

} // namespace llmos::cli
