#pragma once

#include "registry/registryreports.h"

namespace llmos {

class RegistryLayout;

// The work behind ModelRegistry::rebuild(): moves the old database aside, creates a new
// one and fills it from manifests/ in one transaction, checking each model's files
// (a stored model whose blob is gone comes back with status "missing"), then runs the
// usual recovery. Holds the writer lock throughout.
RebuildReport rebuildRegistry(const RegistryLayout &layout);

} // namespace llmos
