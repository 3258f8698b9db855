#pragma once

#include <string>

namespace llmos {

class ModelRegistry;

// What a --model option or a recipe's model.path names: a folder or file as given, else a
// registered model's id or name.
struct ResolvedModel {
    std::string path;    // what loaders take (absolute for a path on disk)
    std::string modelId; // the registered model's id; empty for a path outside the registry
    std::string name;    // the registered name, else the folder or file name
};

// Throws Error(NotFound) saying both were tried.
ResolvedModel resolveModelReference(ModelRegistry &registry, const std::string &pathOrModel);

} // namespace llmos
