#pragma once

#include "registry/registryreports.h"

#include <string>

namespace llmos {

class RegistryLayout;

// The work behind ModelRegistry::rebuild(): fills a new database from manifests/ in one
// transaction, checking each model's files (a stored model whose blob is gone comes back
// with status "missing"), moves the old database aside and the new one into its place,
// then runs the usual recovery. Holds the writer lock throughout.
//
// A marker file (RegistryLayout::rebuildMarkerFile) says a rebuild is under way from
// before the first change until the new database is in place; if the process dies in
// between, the next open finds it and rebuilds again (see rebuildDueReason).
RebuildReport rebuildRegistry(const RegistryLayout &layout);
// The same for a caller that holds the writer lock already.
RebuildReport rebuildRegistryLocked(const RegistryLayout &layout);

// Why the registry must be rebuilt from its manifests before it can be opened, or ""
// when it need not: a rebuild was cut short, or the database is gone while manifests are
// not. Opening it as it is would make an empty registry, and recovery would then delete
// every blob and manifest as unused.
std::string rebuildDueReason(const RegistryLayout &layout);

} // namespace llmos
