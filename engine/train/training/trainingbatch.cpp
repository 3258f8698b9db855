#include "training/trainingbatch.h"

#include "util/error.h"

#include <algorithm>

namespace llmos {

namespace {

std::int64_t longestOf(std::span<const TokenizedExample *const> examples)
{
    if (examples.empty())
        throw Error(ErrorKind::InvalidInput, "training batch", "a batch needs at least one example");
    std::size_t longest = 0;
    for (const auto *example : examples) {
        if (example->inputIds.empty())
            throw Error(ErrorKind::InvalidInput, "dataset line " + std::to_string(example->line),
                        "the example has no tokens");
        longest = std::max(longest, example->inputIds.size());
    }
    return static_cast<std::int64_t>(longest);
}

// ids and mask, right-padded; labels too when `withLabels`.
TrainingBatch padded(std::span<const TokenizedExample *const> examples, std::int64_t padId, bool withLabels)
{
    const auto rows = static_cast<std::int64_t>(examples.size());
    const auto longest = longestOf(examples);
    TrainingBatch batch;
    batch.ids = torch::full({rows, longest}, padId, torch::kInt64);
    batch.attentionMask = torch::zeros({rows, longest}, torch::kInt64);
    if (withLabels)
        batch.labels = torch::full({rows, longest}, static_cast<std::int64_t>(kIgnoreLabel), torch::kInt64);
    auto ids = batch.ids.accessor<std::int64_t, 2>();
    auto mask = batch.attentionMask.accessor<std::int64_t, 2>();
    for (std::int64_t row = 0; row < rows; ++row) {
        const auto &example = *examples[row];
        const auto length = static_cast<std::int64_t>(example.inputIds.size());
        for (std::int64_t i = 0; i < length; ++i) {
            ids[row][i] = example.inputIds[i];
            mask[row][i] = 1;
        }
        batch.realTokens += length;
        if (!withLabels)
            continue;
        if (example.labels.size() != example.inputIds.size())
            throw Error(ErrorKind::InvalidInput, "dataset line " + std::to_string(example.line),
                        "the example has " + std::to_string(example.labels.size()) + " labels for "
                            + std::to_string(length) + " tokens; a causal-LM example needs one per token");
        auto labels = batch.labels.accessor<std::int64_t, 2>();
        for (std::int64_t i = 0; i < length; ++i) {
            labels[row][i] = example.labels[i];
            // The first token is never predicted: the loss shifts labels left by one.
            if (i > 0 && example.labels[i] != kIgnoreLabel)
                ++batch.lossTerms;
        }
    }
    return batch;
}

} // namespace

TrainingBatch makeCausalLmBatch(std::span<const TokenizedExample *const> examples, std::int64_t padId)
{
    return padded(examples, padId, true);
}

TrainingBatch makeClassificationBatch(std::span<const TokenizedExample *const> examples, std::int64_t padId)
{
    auto batch = padded(examples, padId, false);
    batch.classLabels = torch::empty({static_cast<std::int64_t>(examples.size())}, torch::kInt64);
    for (std::size_t i = 0; i < examples.size(); ++i) {
        if (examples[i]->classLabel < 0)
            throw Error(ErrorKind::InvalidInput, "dataset line " + std::to_string(examples[i]->line),
                        "the example has no class label; classification needs a label per example");
        batch.classLabels[static_cast<std::int64_t>(i)] = static_cast<std::int64_t>(examples[i]->classLabel);
    }
    batch.lossTerms = static_cast<std::int64_t>(examples.size());
    return batch;
}

TrainingBatch onDevice(TrainingBatch batch, torch::Device device)
{
    if (device.is_cpu())
        return batch;
    for (auto *tensor : {&batch.ids, &batch.attentionMask, &batch.labels, &batch.classLabels})
        if (tensor->defined())
            *tensor = tensor->to(device, /*non_blocking=*/true);
    return batch;
}

} // namespace llmos
