#include "services/trainedmodelcard.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace llmos {

namespace {

// YAML double-quoted scalar: JSON's string escaping is a subset of it.
std::string yamlText(const std::string &text)
{
    return nlohmann::json(text).dump();
}

} // namespace

std::string trainedModelCard(const TrainedModelFacts &facts, const TrainingRecipe &recipe)
{
    const std::string method = recipe.methodKind();
    std::string card = "---\n";
    card += "base_model: " + yamlText(facts.baseModelName) + "\n";
    if (facts.adapter)
        card += "library_name: peft\n";
    card += "tags:\n- llmos\n- " + method + "\n";
    card += "---\n\n";
    card += "# " + facts.name + "\n\n";
    card += fmt::format("{} of **{}**, trained by LLM OS Workbench (run `{}`) with the method `{}`{}.\n\n",
                        facts.adapter ? "An adapter" : "A fine-tune", facts.baseModelName, facts.runId, method,
                        recipe.task.kind == TrainingTaskKind::Classification ? " for text classification" : "");
    card += "| | |\n| --- | --- |\n";
    card += fmt::format("| base model | {} |\n", facts.baseModelName);
    card += fmt::format("| dataset | `{}` |\n", facts.datasetPath);
    card += fmt::format("| dataset SHA-256 | `{}` |\n", facts.datasetSha256);
    card += fmt::format("| optimizer steps | {}{} |\n", facts.steps, facts.stoppedEarly ? " (stopped early)" : "");
    card += fmt::format("| trainable parameters | {} of {} |\n", facts.trainableParameters, facts.totalParameters);
    for (const auto &[name, value] : facts.finalMetrics)
        card += fmt::format("| {} | {:.6g} |\n", name, value);
    card += "\n## Recipe\n\n```json\n" + toJson(recipe).dump(2) + "\n```\n";
    return card;
}

} // namespace llmos
