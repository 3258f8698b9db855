#include "training/memoryestimate.h"

#include "recipe/trainingrecipe.h"
#include "training/trainablesummary.h"

#include <filesystem>

namespace llmos {

namespace {

constexpr std::uint64_t kFloat = 4;

std::uint64_t optimizerFloatsPerParameter(const std::string &name, double momentum)
{
    if (name == "adam" || name == "adamw")
        return 2; // first and second moments
    if (name == "rmsprop")
        return momentum > 0 ? 2 : 1;
    if (name == "adagrad")
        return 1;
    return momentum > 0 ? 1 : 0; // sgd
}

} // namespace

TrainingMemoryEstimate estimateTrainingMemory(const TrainingMemoryInput &in)
{
    const auto &c = in.config;
    TrainingMemoryEstimate e;
    e.weights = static_cast<std::uint64_t>(in.totalParameters) * kFloat;
    e.gradients = static_cast<std::uint64_t>(in.trainableParameters) * kFloat;
    e.optimizerState = static_cast<std::uint64_t>(in.trainableParameters) * kFloat
                       * optimizerFloatsPerParameter(in.optimizer, in.momentum);
    const auto tokens = static_cast<std::uint64_t>(in.batchSize * in.seqLen);
    const auto intermediate = c.intermediateSize > 0 ? c.intermediateSize : 4 * c.hiddenSize;
    const auto perLayer = static_cast<std::uint64_t>(kActivationFloatsPerHidden * c.hiddenSize + 4 * intermediate
                                                     + 2 * c.numHeads * in.seqLen);
    const auto layers = static_cast<std::uint64_t>(c.numLayers);
    // With checkpointing each layer keeps its input (hidden floats per token), and the
    // layer being recomputed holds its full activations for a moment.
    const auto kept = in.activationCheckpointing ? static_cast<std::uint64_t>(c.hiddenSize) * layers + perLayer
                                                 : perLayer * layers;
    e.activations = tokens * kFloat * (kept + 3 * static_cast<std::uint64_t>(c.vocabSize));
    return e;
}

TrainingMemoryEstimate estimateTrainingMemory(const TrainingRecipe &recipe)
{
    return estimateTrainingMemory(recipe, summarizeTrainable(recipe));
}

TrainingMemoryEstimate estimateTrainingMemory(const TrainingRecipe &recipe, const TrainableSummary &trainable)
{
    TrainingMemoryInput in;
    in.config = loadModelConfig((std::filesystem::path(recipe.modelPath) / "config.json").string());
    in.totalParameters = trainable.totalParameters;
    in.trainableParameters = trainable.trainableParameters;
    in.optimizer = recipe.optimizer.name;
    in.momentum = recipe.optimizer.momentum;
    in.batchSize = recipe.training.batchSize;
    in.seqLen = recipe.task.maxSeqLen;
    // BERT encoders train without it (the trainer says so); "bert", "roberta", "distilbert"...
    in.activationCheckpointing = recipe.training.activationCheckpointing
                                 && in.config.modelType.find("bert") == std::string::npos;
    return estimateTrainingMemory(in);
}

} // namespace llmos
