#include "registry/modelcard.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace llmos {

namespace {

// YAML scalars as JSON strings: valid YAML, and no quoting rules of our own.
std::string yamlString(const std::string &text)
{
    return nlohmann::json(text).dump();
}

// A card's own front matter (--- ... ---) would be a second YAML block in ours.
std::string withoutFrontMatter(const std::string &card)
{
    if (!card.starts_with("---"))
        return card;
    const auto end = card.find("\n---", 3);
    if (end == std::string::npos)
        return card;
    const auto body = card.find('\n', end + 4);
    return body == std::string::npos ? std::string() : card.substr(body + 1);
}

} // namespace

std::string exportedModelCard(const ModelRecord &model, const ModelLineage &lineage,
                              const std::optional<std::string> &originalCard)
{
    std::string card = "---\n";
    if (!model.license.empty())
        card += "license: " + yamlString(model.license) + "\n";
    std::vector<std::string> bases;
    for (const auto &edge : lineage.ancestors)
        if (edge.depth == 1)
            bases.push_back(edge.fromName);
    if (bases.size() == 1)
        card += "base_model: " + yamlString(bases.front()) + "\n";
    else if (!bases.empty()) {
        card += "base_model:\n";
        for (const auto &b : bases)
            card += "  - " + yamlString(b) + "\n";
    }
    if (!model.tags.empty()) {
        card += "tags:\n";
        for (const auto &t : model.tags)
            card += "  - " + yamlString(t) + "\n";
    }
    card += "---\n\n# " + model.name + "\n\n";
    if (!model.description.empty())
        card += model.description + "\n\n";
    card += "| | |\n|---|---|\n";
    card += fmt::format("| Architecture | {} |\n", model.architecture.empty() ? model.family : model.architecture);
    if (model.parameterCount)
        card += fmt::format("| Parameters | {} |\n", model.parameterCount);
    if (!model.dtype.empty())
        card += fmt::format("| Weights | {} |\n", model.dtype);
    if (model.contextLength)
        card += fmt::format("| Context length | {} tokens |\n", model.contextLength);
    card += fmt::format("| Origin | {} |\n", modelOriginName(model.origin));
    card += fmt::format("| Registry id | `{}` |\n", model.id);

    if (!lineage.ancestors.empty()) {
        card += "\n## Lineage\n\nMade in LLM OS Workbench from:\n\n";
        for (const auto &edge : lineage.ancestors) {
            card += fmt::format("{}- {} ({}", std::string(2 * static_cast<std::size_t>(edge.depth - 1), ' '),
                                edge.fromName, lineageKindName(edge.kind));
            if (!edge.runId.empty())
                card += fmt::format(", run `{}`", edge.runId);
            if (!edge.datasetId.empty())
                card += fmt::format(", dataset `{}`", edge.datasetId);
            card += edge.depth == 1 ? ")\n" : fmt::format(", via {})\n", edge.toName);
        }
    }
    if (originalCard) {
        const auto body = withoutFrontMatter(*originalCard);
        if (!body.empty())
            card += "\n## Original model card\n\n" + body + (body.ends_with('\n') ? "" : "\n");
    }
    return card;
}

} // namespace llmos
