#pragma once

#include "architectures/causallm.h"
#include "methods/finetuningmethod.h"
#include "tempdir.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <map>
#include <memory>
#include <string>

namespace llmos::test {

enum class Family { Llama, Gpt2 };
const char *familyName(Family family);

// A tiny random model (2 layers, hidden 32; Llama with grouped-query attention) written
// to a folder once per test and loaded from it, so a test can load the same base again.
class MethodsModel {
public:
    explicit MethodsModel(Family family, std::uint64_t seed = 7);

    CausalLm load() const;
    const std::string &folder() const { return m_folder; }

private:
    TempDir m_dir;
    std::string m_folder;
};

// A model with its config, as the trainer hands it to a method.
struct Attached {
    CausalLm model;
    ModelConfig config;
    TrainingTarget target() { return TrainingTarget{*model, config, {}}; }
};
Attached attachedModel(const MethodsModel &base);

// Fixed input ids [2, 7] within the tiny vocabulary.
torch::Tensor sampleIds();
// Logits without autograd, in eval mode.
torch::Tensor logitsOf(CausalLmImpl &model, const torch::Tensor &ids);

// Every parameter by name, cloned.
std::map<std::string, torch::Tensor> snapshot(const torch::nn::Module &model);

// A few plain SGD steps on the next-token loss over the parameters with requires_grad.
void trainSteps(CausalLmImpl &model, FineTuningMethod &method, int steps, double rate = 0.05);

// Sets every trainable parameter to random values (LoRA's B starts at zero, which would
// make a save/load test pass vacuously).
void randomizeTrainable(torch::nn::Module &model, double scale = 0.1);

} // namespace llmos::test
