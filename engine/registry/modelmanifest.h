#pragma once

#include "registry/lineageedge.h"
#include "registry/modelrecord.h"

#include <string>
#include <vector>

namespace llmos {

// Everything the registry knows about one model, kept as <home>/manifests/<id>.json
// beside the database: its row, files, tags and the lineage edges into it. If the
// database is lost or damaged, the registry is rebuilt from these and the blobs.
struct ModelManifest {
    static constexpr int kVersion = 1;

    ModelRecord model;               // with files and tags
    std::vector<LineageEdge> parents; // edges whose toId is this model
};

nlohmann::json toJson(const ModelManifest &manifest);
// Reads a manifest as untrusted input: strict JSON, every field checked, file names
// that could leave the model folder refused. Throws Error(Format) naming the file.
ModelManifest readModelManifest(const std::string &path);
// Writes it atomically (temp file, fsync, rename, fsync the folder).
void writeModelManifest(const std::string &path, const ModelManifest &manifest);

} // namespace llmos
