#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace llmos {

// How one model was made from another.
enum class LineageKind { FineTune, Lora, Merge, Quantize, Export, Prune };

const char *lineageKindName(LineageKind kind) noexcept; // "fine-tune", "lora", ...
std::optional<LineageKind> parseLineageKind(std::string_view name) noexcept;

// One edge of the lineage graph: `to` was made from `from`. When the parent was removed
// (with force) fromId is empty and fromName still says what it was called.
struct LineageEdge {
    std::string fromId;
    std::string fromName;
    std::string toId;
    std::string toName;
    LineageKind kind = LineageKind::FineTune;
    std::string runId;     // the run that made it, when known
    std::string datasetId; // the data it was trained on, when known
    std::int64_t createdAt = 0;
    // In ModelLineage: 1 for a direct parent or child, 2 for a grandparent, ...
    int depth = 1;

    bool operator==(const LineageEdge &) const = default;
};

// Everything a model came from and everything made from it, nearest first.
struct ModelLineage {
    std::vector<LineageEdge> ancestors;
    std::vector<LineageEdge> descendants;
};

nlohmann::json toJson(const LineageEdge &edge);
LineageEdge lineageEdgeFromJson(const nlohmann::json &json, const std::string &where);

} // namespace llmos
