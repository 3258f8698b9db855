#include "registry/lineageedge.h"

#include "registry/enumnames.h"
#include "registry/registryid.h"
#include "tokenizer/jsonfields.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

namespace llmos {

namespace {

namespace jf = jsonfields;

constexpr EnumNames<LineageKind, 6> kKinds{{
    {LineageKind::FineTune, "fine-tune"},
    {LineageKind::Lora, "lora"},
    {LineageKind::Merge, "merge"},
    {LineageKind::Quantize, "quantize"},
    {LineageKind::Export, "export"},
    {LineageKind::Prune, "prune"},
}};

std::string optionalId(const nlohmann::json &json, std::string_view key, char prefix, const std::string &where)
{
    const std::string id = jf::optString(json, key, where).value_or("");
    if (!id.empty() && !looksLikeRegistryId(id, prefix))
        throw Error(ErrorKind::Format, jf::path(where, key), "\"" + id + "\" is not an id of the right kind");
    return id;
}

} // namespace

const char *lineageKindName(LineageKind kind) noexcept
{
    return enumName(kKinds, kind);
}

std::optional<LineageKind> parseLineageKind(std::string_view name) noexcept
{
    return parseEnumName(kKinds, name);
}

nlohmann::json toJson(const LineageEdge &e)
{
    nlohmann::json j{{"from_id", e.fromId.empty() ? nlohmann::json() : nlohmann::json(e.fromId)},
                     {"from_name", e.fromName},
                     {"to_id", e.toId},
                     {"to_name", e.toName},
                     {"kind", lineageKindName(e.kind)},
                     {"created_at", e.createdAt},
                     {"depth", e.depth}};
    if (!e.runId.empty())
        j["run_id"] = e.runId;
    if (!e.datasetId.empty())
        j["dataset_id"] = e.datasetId;
    return j;
}

LineageEdge lineageEdgeFromJson(const nlohmann::json &json, const std::string &where)
{
    LineageEdge e;
    e.fromId = optionalId(json, "from_id", 'm', where);
    e.fromName = jf::getString(json, "from_name", where);
    e.toId = optionalId(json, "to_id", 'm', where);
    e.toName = jf::optString(json, "to_name", where).value_or("");
    const std::string kind = jf::getString(json, "kind", where);
    const auto parsed = parseLineageKind(kind);
    if (!parsed)
        throw Error(ErrorKind::Format, jf::path(where, "kind"), "has the unknown value \"" + kind + "\"");
    e.kind = *parsed;
    e.runId = optionalId(json, "run_id", 'r', where);
    e.datasetId = optionalId(json, "dataset_id", 'd', where);
    e.createdAt = static_cast<std::int64_t>(jf::optUnsigned(json, "created_at", 0, where));
    e.depth = static_cast<int>(jf::optUnsigned(json, "depth", 1, where) & 0xffff);
    return e;
}

} // namespace llmos
