#pragma once

#include "datasets/datasetfingerprint.h"

#include <optional>
#include <string>

namespace llmos {

// What a training run started from, fixed at its first start in runs/<id>/provenance.json:
// the base model as it was resolved and the dataset's content. A resume checks the data
// against it (BAD_INPUTS 33: data changed after the run began) and registration uses it
// for the lineage.
struct TrainingProvenance {
    std::string modelPath;   // what the loader was handed
    std::string baseModelId; // empty for a model outside the registry
    std::string baseModelName;
    std::string datasetPath; // absolute
    DatasetFingerprint dataset;
};

// Written atomically; throws Error(Io).
void writeTrainingProvenance(const std::string &runDirectory, const TrainingProvenance &provenance);
// nullopt when the run has none yet (it never got past its first start); Error(Format)
// naming the file when it is damaged.
std::optional<TrainingProvenance> readTrainingProvenance(const std::string &runDirectory);

} // namespace llmos
