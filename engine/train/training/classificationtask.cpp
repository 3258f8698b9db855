#include "training/classificationtask.h"

#include "training/classificationmetrics.h"

namespace llmos {

namespace {

// transformers' class for a classifier of this model type.
std::string classifierArchitecture(const ModelConfig &config)
{
    if (config.family == ModelFamily::Bert)
        return "BertForSequenceClassification";
    if (config.family == ModelFamily::Gpt2)
        return "GPT2ForSequenceClassification";
    if (config.modelType == "mistral")
        return "MistralForSequenceClassification";
    if (config.modelType == "qwen2")
        return "Qwen2ForSequenceClassification";
    return "LlamaForSequenceClassification";
}

} // namespace

ClassificationTask::ClassificationTask(std::shared_ptr<SequenceClassifierImpl> classifier, ModelConfig config,
                                       std::vector<std::string> labelNames)
    : m_classifier(std::move(classifier)), m_config(std::move(config)), m_labelNames(std::move(labelNames))
{
}

TrainingBatch ClassificationTask::makeBatch(std::span<const TokenizedExample *const> examples) const
{
    return onDevice(makeClassificationBatch(examples, paddingId(m_config)), device());
}

torch::Tensor ClassificationTask::lossSum(const TrainingBatch &batch, std::int64_t virtualTokens)
{
    const auto logits = m_classifier->forward(batch.ids, batch.attentionMask, virtualTokens);
    return torch::nn::functional::cross_entropy(
        logits, batch.classLabels, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum));
}

EvaluationEvent ClassificationTask::evaluate(const std::vector<TokenizedExample> &examples, std::int64_t batchSize,
                                             std::int64_t virtualTokens)
{
    torch::NoGradGuard noGrad;
    m_classifier->eval();
    ClassificationMetrics metrics(static_cast<std::int64_t>(m_labelNames.size()));
    double lossSum = 0;
    for (std::size_t begin = 0; begin < examples.size(); begin += static_cast<std::size_t>(batchSize)) {
        std::vector<const TokenizedExample *> chunk;
        for (std::size_t i = begin; i < std::min(examples.size(), begin + static_cast<std::size_t>(batchSize)); ++i)
            chunk.push_back(&examples[i]);
        const auto batch = makeBatch(chunk);
        const auto logits = m_classifier->forward(batch.ids, batch.attentionMask, virtualTokens);
        lossSum += torch::nn::functional::cross_entropy(
                       logits, batch.classLabels,
                       torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                       .item<double>();
        const auto predicted = logits.argmax(1);
        for (std::int64_t i = 0; i < predicted.size(0); ++i)
            metrics.add(batch.classLabels[i].item<std::int64_t>(), predicted[i].item<std::int64_t>());
    }
    m_classifier->train();
    EvaluationEvent event;
    if (metrics.total() > 0) {
        event.metrics["eval_loss"] = lossSum / static_cast<double>(metrics.total());
        event.metrics["accuracy"] = metrics.accuracy();
        event.metrics["macro_f1"] = metrics.macroF1();
    }
    event.confusion = metrics.confusion();
    event.labelNames = m_labelNames;
    return event;
}

void ClassificationTask::saveModel(const std::string &folder)
{
    auto config = m_config;
    // transformers' decoder classifiers find the last real token through pad_token_id.
    if (!config.padTokenId && !config.eosTokenIds.empty())
        config.padTokenId = config.eosTokenIds.front();
    m_classifier->save(folder, config, m_labelNames, classifierArchitecture(config));
}

} // namespace llmos
