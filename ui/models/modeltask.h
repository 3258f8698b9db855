#pragma once

#include "registry/modelrecord.h"

namespace llmos {

// What a model is for, as the browser's "Task" filter offers it. The registry does not
// record a task, so it is derived here from the architecture name that the registry
// does keep (config.json's architectures[0], or GGUF's general.architecture).
enum class ModelTask { Any, TextGeneration, Classification, Embeddings, Other };

ModelTask taskOfModel(const ModelRecord &model);
// Whether `model` passes a Task filter (Any passes everything).
bool matchesTask(const ModelRecord &model, ModelTask task);

} // namespace llmos
