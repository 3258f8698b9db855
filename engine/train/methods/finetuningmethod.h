#pragma once

// The interface between the trainer (engine/train/training) and the fine-tuning methods.
// Note to the train-core helper: signatures are exactly those of
// /work/briefs/train-interface.md, plus these additions (nothing removed or renamed):
//  - TrainingTarget::tokenize (optional, last member: aggregate init of the first three
//    still works) lets prompt tuning start from the embeddings of a text;
//  - afterOptimizerStep must be called after optimizer.step() and BEFORE zero_grad():
//    AdaLoRA's importance scores read the gradients;
//  - loadAdapter (adapterloader.h) puts a saved adapter folder back on a base model.

#include "model/modelconfig.h"

#include <torch/torch.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace llmos {

// What a run trains, handed to the method by the trainer.
struct TrainingTarget {
    torch::nn::Module &model;        // the whole network the trainer calls, task head included
    ModelConfig &config;             // a method that changes the architecture (BitFit adding
                                     // biases) updates it, so the merged model saves correctly
    std::vector<std::string> alwaysTrained; // parameter-name prefixes trained whatever the
                                     // method: the task's new head ("score.", "classifier.")
    std::function<std::vector<std::int64_t>(const std::string &)> tokenize = {}; // optional: text -> ids
};

class FineTuningMethod {
public:
    virtual ~FineTuningMethod() = default;
    virtual std::string kind() const = 0; // full freeze bitfit lora adalora adapter prefix prompt
    // Once, before the optimizer is built: adds the method's modules (registered inside the
    // model so named_parameters(), to(), train()/eval() reach them) and sets requires_grad
    // true on exactly what is trained. Random init draws from torch's default generator
    // (the trainer seeds it first), so the same seed gives the same start.
    virtual void attach(const TrainingTarget &target) = 0;
    // After each optimizer step (1-based), before the gradients are zeroed: AdaLoRA's rank
    // budget schedule.
    virtual void afterOptimizerStep(std::int64_t step, std::int64_t totalSteps) {}
    // Added to the training loss (AdaLoRA's orthogonality regulariser), or undefined.
    virtual torch::Tensor extraLoss() { return {}; }
    // Positions the model's outputs gain in front of the input's (prompt tuning's virtual
    // tokens): the trainer drops them before the loss.
    virtual std::int64_t virtualTokens() const { return 0; }
    // State beyond parameters that a checkpoint holds to resume bit for bit (AdaLoRA masks,
    // importance averages), as named tensors.
    virtual std::vector<std::pair<std::string, torch::Tensor>> checkpointState() const { return {}; }
    virtual void restoreCheckpointState(const std::vector<std::pair<std::string, torch::Tensor>> &state) {}
    // Adapter methods (lora adalora adapter prefix prompt) produce an adapter; the others a model.
    virtual bool producesAdapter() const = 0;
    // The adapter alone, in PEFT's folder layout (adapter_config.json +
    // adapter_model.safetensors). The default throws Unsupported: full, freeze and bitfit
    // produce a whole model, not an adapter.
    virtual void saveAdapter(const TrainingTarget &target, const std::filesystem::path &folder,
                             const std::string &baseModelNameOrPath) const;
    // Folds the method's parameters into the base weights and detaches it, leaving a plain
    // model that saves as a Hugging Face folder; throws Unsupported (clear message) for
    // methods that change the architecture (adapter, prefix, prompt). The default does
    // nothing: full and freeze leave a plain model already.
    virtual void mergeIntoBase(const TrainingTarget &target);
};

} // namespace llmos
