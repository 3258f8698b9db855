#include "services/trainedoutput.h"

#include "services/trainedmodelcard.h"

#include "registry/modelregistry.h"
#include "training/tokenizercompanions.h"
#include "util/atomicfile.h"
#include "util/error.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace fs = std::filesystem;

namespace llmos {

namespace {

constexpr const char *kRegistrationFile = "registration.json";

bool isLoraKind(const std::string &method)
{
    return method == "lora" || method == "adalora";
}

// The name the trained model is registered under: the recipe's, else one made from the
// base, the method and the run (unique because run ids are).
std::string outputName(const TrainingRecipe &recipe, const TrainingProvenance &provenance, const std::string &runId)
{
    if (!recipe.output.name.empty())
        return recipe.output.name;
    const std::string shortRun = runId.size() > 2 ? runId.substr(2, 6) : runId;
    return provenance.baseModelName + "-" + recipe.methodKind() + "-" + shortRun;
}

nlohmann::json readRegistration(const fs::path &runDirectory)
{
    const auto path = runDirectory / kRegistrationFile;
    std::ifstream in(path);
    if (!in)
        throw Error(ErrorKind::NotFound, path.string(),
                    "no trained output waits here: the run did not finish, or kept nothing to register");
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception &e) {
        throw Error(ErrorKind::Format, path.string(), std::string("damaged: ") + e.what());
    }
}

} // namespace

void prepareTrainedOutput(const TrainingRecipe &recipe, const TrainingProvenance &provenance,
                          const TrainingResult &result, const fs::path &runDirectory)
{
    const std::string runId = runDirectory.filename().string();
    const std::string name = outputName(recipe, provenance, runId);
    TrainedModelFacts facts;
    facts.name = name;
    facts.baseModelName = provenance.baseModelName;
    facts.runId = runId;
    facts.datasetPath = provenance.datasetPath;
    facts.datasetSha256 = provenance.dataset.sha256;
    facts.adapter = result.outputIsAdapter;
    facts.steps = result.steps;
    facts.stoppedEarly = result.outcome == TrainingOutcome::EarlyStopped;
    facts.trainableParameters = result.trainableParameters;
    facts.totalParameters = result.totalParameters;
    facts.finalMetrics = result.finalMetrics;
    if (!result.outputIsAdapter)
        copyTokenizerCompanions(provenance.modelPath, result.output.string()); // it runs on its own
    writeFileAtomically((result.output / "README.md").string(), trainedModelCard(facts, recipe));

    const auto lineage = isLoraKind(recipe.methodKind()) && result.outputIsAdapter ? LineageKind::Lora
                                                                                  : LineageKind::FineTune;
    const nlohmann::json registration = {
        {"name", name},
        {"origin", modelOriginName(result.outputIsAdapter ? ModelOrigin::Adapter : ModelOrigin::FineTuned)},
        {"description", fmt::format("{} of {} ({}) trained by run {}", result.outputIsAdapter ? "adapter" : "fine-tune",
                                    provenance.baseModelName, recipe.methodKind(), runId)},
        {"tags", {"trained", recipe.methodKind()}},
        {"run_id", runId},
        {"folder", result.output.filename().string()},
        {"base_model_id", provenance.baseModelId},
        {"lineage", lineageKindName(lineage)},
        {"dataset",
         {{"name", fs::path(provenance.datasetPath).filename().string()},
          {"format", datasetKindName(recipe.dataset.kind)},
          {"source_path", provenance.datasetPath},
          {"sha256", provenance.dataset.sha256},
          {"size_bytes", provenance.dataset.sizeBytes}}},
    };
    writeFileAtomically((runDirectory / kRegistrationFile).string(), registration.dump(2) + "\n");
}

ModelRecord registerTrainedOutput(ModelRegistry &registry, const fs::path &runDirectory,
                                  const RegistrationOverrides &overrides,
                                  const std::function<void(const std::string &)> &log)
{
    const auto say = [&](const std::string &line) {
        if (log)
            log(line);
    };
    const auto facts = readRegistration(runDirectory);
    const auto folder = runDirectory / facts.value("folder", "model");
    const std::string runId = facts.value("run_id", "");
    const std::string name = overrides.name.empty() ? facts.value("name", "") : overrides.name;
    // A run that crashed after registering, then resumed, finds its model there.
    if (const auto existing = registry.find(name)) {
        for (const auto &edge : registry.lineage(existing->id).ancestors)
            if (edge.runId == runId) {
                say("already registered as " + existing->name + " (" + existing->id + ")");
                return *existing;
            }
        throw Error(ErrorKind::InvalidInput, "name " + name, "another model has this name; choose another");
    }
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw Error(ErrorKind::NotFound, folder.string(), "the trained output is gone from the run folder");
    const auto &data = facts.at("dataset");
    DatasetRecord dataset;
    dataset.name = data.value("name", "");
    dataset.format = data.value("format", "");
    dataset.sourcePath = data.value("source_path", "");
    dataset.sha256 = data.value("sha256", "");
    dataset.sizeBytes = data.value("size_bytes", std::uint64_t{0});
    const auto datasetRow = registry.recordDataset(dataset);

    ImportOptions options;
    options.name = name;
    options.origin = parseModelOrigin(facts.value("origin", "")).value_or(ModelOrigin::FineTuned);
    options.description = facts.value("description", "") + overrides.descriptionSuffix;
    options.tags = facts.value("tags", std::vector<std::string>{});
    options.tags.insert(options.tags.end(), overrides.tags.begin(), overrides.tags.end());
    say("registering " + name);
    const auto model = registry.importModel(folder.string(), options);
    const std::string base = facts.value("base_model_id", "");
    if (!base.empty())
        registry.addLineage(base, model.id, parseLineageKind(facts.value("lineage", "")).value_or(LineageKind::FineTune),
                            runId, datasetRow.id);
    // The registry holds its own copy now; the run folder keeps recipe, events, checkpoints.
    fs::remove_all(folder, ec);
    say("registered " + model.name + " (" + model.id + ")");
    return model;
}

} // namespace llmos
