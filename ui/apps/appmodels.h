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

// Whether an app that needs `needs` runs on a model of kind `model`: the same kind, and
// for embedding apps also a generative model (a language model's hidden states embed
// text, less well than a model trained for it, but the demo has no embedding model).
bool appRunsOn(AppModelKind needs, AppModelKind model);

// The names of the registered models an app needing `kind` runs on, those of that very
// kind first, each group in the registry's order; empty when there is no registry yet.
// Opens the registry: call it on a worker.
QStringList registeredModelsOfKind(const std::string &registryHome, AppModelKind kind);

} // namespace llmos
