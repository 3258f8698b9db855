#include "registry/modelmanifest.h"

#include "registry/sourcefile.h"
#include "formats/strictjson.h"
#include "tokenizer/jsonfields.h"
#include "util/atomicfile.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

namespace llmos {

nlohmann::json toJson(const ModelManifest &manifest)
{
    nlohmann::json parents = nlohmann::json::array();
    for (const auto &edge : manifest.parents)
        parents.push_back(toJson(edge));
    return {{"manifest_version", ModelManifest::kVersion}, {"model", toJson(manifest.model)}, {"parents", std::move(parents)}};
}

ModelManifest readModelManifest(const std::string &path)
{
    // A manifest is a few kilobytes; anything huge is not one of ours. Read, not mapped:
    // rebuild reads thousands, and unmapping each costs more than copying it.
    constexpr std::uint64_t kMaxManifestBytes = 64ull << 20;
    SourceFile file(path);
    if (file.size() > kMaxManifestBytes)
        throw Error(ErrorKind::Format, path, "is too large to be a model manifest");
    std::string text(file.size(), '\0');
    text.resize(file.read({reinterpret_cast<std::uint8_t *>(text.data()), text.size()}));
    const auto doc = parseJsonStrict(text, path);
    const std::uint64_t version = jsonfields::optUnsigned(doc, "manifest_version", 0, path);
    if (version != ModelManifest::kVersion)
        throw Error(ErrorKind::Unsupported, path + ": manifest_version",
                    "is " + std::to_string(version) + "; this build reads version " + std::to_string(ModelManifest::kVersion));
    ModelManifest manifest;
    manifest.model = modelRecordFromJson(jsonfields::require(doc, "model", path), jsonfields::path(path, "model"));
    if (const auto it = doc.find("parents"); it != doc.end()) {
        const std::string where = jsonfields::path(path, "parents");
        if (!it->is_array())
            throw Error(ErrorKind::Format, where, "must be an array");
        for (std::size_t i = 0; i < it->size(); ++i) {
            LineageEdge edge = lineageEdgeFromJson((*it)[i], jsonfields::path(where, i));
            edge.toId = manifest.model.id;
            edge.toName = manifest.model.name;
            manifest.parents.push_back(std::move(edge));
        }
    }
    return manifest;
}

void writeModelManifest(const std::string &path, const ModelManifest &manifest)
{
    const std::string text = toJson(manifest).dump(2) + "\n";
    AtomicFileWriter writer(path);
    writer.write(text.data(), text.size());
    writer.commit();
}

} // namespace llmos
