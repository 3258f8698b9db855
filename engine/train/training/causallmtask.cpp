#include "training/causallmtask.h"

#include "architectures/causallmsaver.h"

#include <cmath>

namespace llmos {

std::int64_t paddingId(const ModelConfig &config)
{
    if (config.padTokenId)
        return *config.padTokenId;
    if (!config.eosTokenIds.empty())
        return config.eosTokenIds.front();
    return 0;
}

CausalLmTask::CausalLmTask(CausalLm model)
    : m_model(std::move(model)), m_config(m_model->config())
{
}

TrainingBatch CausalLmTask::makeBatch(std::span<const TokenizedExample *const> examples) const
{
    return onDevice(makeCausalLmBatch(examples, paddingId(m_config)), device());
}

torch::Tensor CausalLmTask::lossSum(const TrainingBatch &batch, std::int64_t virtualTokens)
{
    auto logits = m_model->forward(batch.ids, batch.attentionMask);
    if (virtualTokens > 0)
        logits = logits.slice(1, virtualTokens);
    const auto vocab = logits.size(-1);
    // Position i predicts token i + 1.
    const auto predicted = logits.slice(1, 0, -1).reshape({-1, vocab});
    const auto targets = batch.labels.slice(1, 1).reshape({-1});
    return torch::nn::functional::cross_entropy(
        predicted, targets,
        torch::nn::functional::CrossEntropyFuncOptions().ignore_index(kIgnoreLabel).reduction(torch::kSum));
}

EvaluationEvent CausalLmTask::evaluate(const std::vector<TokenizedExample> &examples, std::int64_t batchSize,
                                       std::int64_t virtualTokens)
{
    torch::NoGradGuard noGrad;
    m_model->eval();
    double lossSum = 0;
    std::int64_t terms = 0;
    for (std::size_t begin = 0; begin < examples.size(); begin += static_cast<std::size_t>(batchSize)) {
        std::vector<const TokenizedExample *> chunk;
        for (std::size_t i = begin; i < std::min(examples.size(), begin + static_cast<std::size_t>(batchSize)); ++i)
            chunk.push_back(&examples[i]);
        const auto batch = makeBatch(chunk);
        if (batch.lossTerms == 0)
            continue;
        lossSum += this->lossSum(batch, virtualTokens).item<double>();
        terms += batch.lossTerms;
    }
    m_model->train();
    EvaluationEvent event;
    if (terms > 0) {
        const double loss = lossSum / static_cast<double>(terms);
        event.metrics["eval_loss"] = loss;
        event.metrics["perplexity"] = std::exp(loss);
    }
    return event;
}

void CausalLmTask::saveModel(const std::string &folder)
{
    saveCausalLm(*m_model, folder);
}

} // namespace llmos
