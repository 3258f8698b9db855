#pragma once

#include <QString>

namespace llmos::cli {

// What a verb's --model names, as a path a loader takes: the argument unchanged when it
// exists on disk (a folder or file), else the registered model with that id or name,
// resolved to its folder (or GGUF file) in the registry under dataDirectory().
// Throws llmos::Error(NotFound) saying both were tried.
QString resolveModelPath(const QString &pathOrModel);

} // namespace llmos::cli
