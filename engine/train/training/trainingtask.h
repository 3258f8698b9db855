#pragma once

#include "datasets/tokenizedexample.h"
#include "model/modelconfig.h"
#include "training/trainingbatch.h"
#include "training/trainingevents.h"

#include <torch/torch.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace llmos {

// What is learned from the examples: the network the trainer steps, its loss and its
// evaluation. Causal LM and sequence classification implement it.
class TrainingTask {
public:
    virtual ~TrainingTask() = default;

    // The whole network the optimizer trains, task head included.
    virtual torch::nn::Module &network() = 0;
    virtual ModelConfig &config() = 0;
    // Parameter-name prefixes trained whatever the method: a head the task created.
    virtual std::vector<std::string> alwaysTrained() const { return {}; }

    virtual TrainingBatch makeBatch(std::span<const TokenizedExample *const> examples) const = 0;
    // Sum of the batch's loss terms (batch.lossTerms of them), so that the trainer can
    // average over a whole accumulation step. virtualTokens: positions a method put in
    // front of the input (prompt tuning), dropped before the loss.
    virtual torch::Tensor lossSum(const TrainingBatch &batch, std::int64_t virtualTokens) = 0;
    // Metrics over `examples` in eval() mode without gradients; leaves the network in
    // train() mode.
    virtual EvaluationEvent evaluate(const std::vector<TokenizedExample> &examples, std::int64_t batchSize,
                                     std::int64_t virtualTokens) = 0;
    // The trained network as a Hugging Face model folder.
    virtual void saveModel(const std::string &folder) = 0;

    // The device the network was moved to: makeBatch puts its tensors there.
    void setDevice(torch::Device device) { m_device = device; }
    torch::Device device() const { return m_device; }

private:
    torch::Device m_device = torch::kCPU;
};

// The id padding positions get: the config's pad token, else its EOS, else 0. Padding is
// masked and carries no loss, so any real id serves.
std::int64_t paddingId(const ModelConfig &config);

} // namespace llmos
