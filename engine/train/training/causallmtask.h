#pragma once

#include "architectures/causallm.h"
#include "training/trainingtask.h"

namespace llmos {

// Next-token prediction: cross-entropy of each position's logits against the next
// token's label (kIgnoreLabel positions excluded). Evaluation reports eval_loss and
// perplexity = exp(eval_loss).
class CausalLmTask : public TrainingTask {
public:
    explicit CausalLmTask(CausalLm model);

    torch::nn::Module &network() override { return *m_model; }
    ModelConfig &config() override { return m_config; }
    TrainingBatch makeBatch(std::span<const TokenizedExample *const> examples) const override;
    torch::Tensor lossSum(const TrainingBatch &batch, std::int64_t virtualTokens) override;
    EvaluationEvent evaluate(const std::vector<TokenizedExample> &examples, std::int64_t batchSize,
                             std::int64_t virtualTokens) override;
    void saveModel(const std::string &folder) override;

    CausalLm model() const { return m_model; }

private:
    CausalLm m_model;
    ModelConfig m_config;
};

} // namespace llmos
