#include "registry/datasetrecord.h"

#include <nlohmann/json.hpp>

namespace llmos {

nlohmann::json toJson(const DatasetRecord &dataset)
{
    // Written by the registry itself, so a damaged metadata cell is shown as text, not thrown.
    auto metadata = nlohmann::json::parse(dataset.metadataJson, nullptr, false);
    if (metadata.is_discarded())
        metadata = dataset.metadataJson;
    return {{"id", dataset.id},
            {"name", dataset.name},
            {"format", dataset.format},
            {"source_path", dataset.sourcePath},
            {"sha256", dataset.sha256},
            {"size_bytes", dataset.sizeBytes},
            {"created_at", dataset.createdAt},
            {"metadata", std::move(metadata)}};
}

} // namespace llmos
