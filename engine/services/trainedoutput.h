#pragma once

#include "services/trainingprovenance.h"

#include "recipe/trainingrecipe.h"
#include "registry/modelrecord.h"
#include "training/trainer.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace llmos {

class ModelRegistry;

// A finished run's model or adapter folder (runs/<id>/model or adapter), made ready to
// register: the model card (README.md) and, for a whole model, the base's tokenizer
// files go into it; runs/<id>/registration.json holds everything registering needs
// (the folder, name, origin, base, lineage kind, dataset by content, run). A run registers its output at once, unless its
// recipe says output.register false (sweep trials): then the folder waits in the run for
// a later registerTrainedOutput (a sweep's "promote best").
void prepareTrainedOutput(const TrainingRecipe &recipe, const TrainingProvenance &provenance,
                          const TrainingResult &result, const std::filesystem::path &runDirectory);

// What may change when a prepared output is registered later.
struct RegistrationOverrides {
    std::string name;                // empty: the name the run chose
    std::string descriptionSuffix;   // appended to the description, e.g. "; best trial 3 of sweep s-..."
    std::vector<std::string> tags;   // added to the run's tags
};

// Imports the run's prepared output folder into the registry, records the dataset, adds the lineage
// edge from the base (naming the run and the dataset) and removes the folder, which the
// registry now holds a copy of. Idempotent: when this run's model is registered already
// (a crash after registering), returns it. `log` hears what happens; may be empty.
// Throws Error(NotFound) for a run whose output was never prepared (or is gone),
// Error(InvalidInput) when the name is taken by another model.
ModelRecord registerTrainedOutput(ModelRegistry &registry, const std::filesystem::path &runDirectory,
                                  const RegistrationOverrides &overrides = {},
                                  const std::function<void(const std::string &)> &log = {});

} // namespace llmos
