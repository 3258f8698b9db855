#pragma once

#include "training/sequenceclassifier.h"
#include "training/trainingtask.h"

#include <memory>

namespace llmos {

// One label per text: cross-entropy over the classifier's logits. Evaluation reports
// eval_loss, accuracy, macro_f1 and the confusion matrix.
class ClassificationTask : public TrainingTask {
public:
    ClassificationTask(std::shared_ptr<SequenceClassifierImpl> classifier, ModelConfig config,
                       std::vector<std::string> labelNames);

    torch::nn::Module &network() override { return *m_classifier; }
    ModelConfig &config() override { return m_config; }
    std::vector<std::string> alwaysTrained() const override { return {m_classifier->headPrefix()}; }
    TrainingBatch makeBatch(std::span<const TokenizedExample *const> examples) const override;
    torch::Tensor lossSum(const TrainingBatch &batch, std::int64_t virtualTokens) override;
    EvaluationEvent evaluate(const std::vector<TokenizedExample> &examples, std::int64_t batchSize,
                             std::int64_t virtualTokens) override;
    void saveModel(const std::string &folder) override;

private:
    std::shared_ptr<SequenceClassifierImpl> m_classifier;
    ModelConfig m_config;
    std::vector<std::string> m_labelNames;
};

} // namespace llmos
