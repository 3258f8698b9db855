#pragma once

#include "apps/appcatalog.h"

#include <QStringList>

#include <optional>
#include <string>

namespace llmos {

struct ModelRecord;

// What a registered model can be used for, from what the registry knows of it; nullopt
// for adapters (they run merged into their base) and families no app runs.
std::optional<AppModelKind> appModelKind(const ModelRecord &model);

// The names of the registered models of a kind, in the registry's order; empty when there
// is no registry yet. Opens the registry: call it on a worker.
QStringList registeredModelsOfKind(const std::string &registryHome, AppModelKind kind);

} // namespace llmos
