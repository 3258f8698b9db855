#pragma once

#include "recipe/trainingrecipe.h"

#include <cstdint>
#include <map>
#include <string>

namespace llmos {

// What the README.md of a trained model or adapter says: Hugging Face model-card front
// matter (base_model, library_name, tags) and, for people, how it was made.
struct TrainedModelFacts {
    std::string name;
    std::string baseModelName;
    std::string runId;
    std::string datasetPath;
    std::string datasetSha256;
    bool adapter = false;
    std::int64_t steps = 0;
    bool stoppedEarly = false;
    std::int64_t trainableParameters = 0;
    std::int64_t totalParameters = 0;
    std::map<std::string, double> finalMetrics;
};

std::string trainedModelCard(const TrainedModelFacts &facts, const TrainingRecipe &recipe);

} // namespace llmos
