#include "services/trainingplan.h"

#include "chat/chattemplate.h"
#include "chat/modelchattemplate.h"
#include "datasets/datasetloader.h"
#include "datasets/rowreader.h"
#include "recipe/recipepresets.h"
#include "registry/modelreference.h"
#include "registry/modelregistry.h"
#include "tokenizer/loadtokenizer.h"
#include "util/error.h"

#include <algorithm>
#include <cmath>

namespace llmos {

namespace {

// A recipe's model as a folder: a registered model's id or name resolved in `home`.
TrainingRecipe withModelFolder(const std::string &home, const TrainingRecipe &recipe)
{
    ModelRegistry registry(home);
    TrainingRecipe resolved = recipe;
    resolved.modelPath = resolveModelReference(registry, recipe.modelPath).path;
    return resolved;
}

} // namespace

DatasetInspection inspectDataset(const std::string &registryHome, const TrainingRecipe &recipe,
                                 std::size_t previewRows, std::stop_token stop)
{
    const std::string modelPath = withModelFolder(registryHome, recipe).modelPath;
    DatasetInspection inspection;
    {
        // The preview stops the reader as soon as it has its rows.
        std::stop_source enough;
        std::stop_callback forward(stop, [&enough] { enough.request_stop(); });
        RowSink sink;
        sink.onRow = [&](SourceRow &&row) {
            if (inspection.preview.size() < previewRows)
                inspection.preview.push_back(std::move(row));
            if (inspection.preview.size() >= previewRows)
                enough.request_stop();
        };
        sink.onBadRow = [](BadRow &&) {};
        try {
            readDatasetRows(recipe.dataset, sink, enough.get_token());
        } catch (const Error &e) {
            if (e.kind() != ErrorKind::Cancelled || stop.stop_requested())
                throw;
        }
    }
    const auto tokenizer = loadTokenizer(modelPath);
    DatasetOptions options;
    options.maxSeqLen = static_cast<std::size_t>(recipe.task.maxSeqLen);
    options.stop = stop;
    std::optional<ChatTemplate> chatTemplate;
    if (const auto source = findChatTemplate(modelPath)) {
        chatTemplate.emplace(source->text, source->origin);
        options.chatTemplate = &*chatTemplate;
    }
    try {
        inspection.report = validateDataset(recipe.dataset, *tokenizer, options);
    } catch (const DatasetRejected &e) {
        inspection.report = e.report();
        inspection.rejected = e.what();
    }
    return inspection;
}

namespace {

std::int64_t stepsOf(const TrainingRecipe &recipe, const DatasetReport &report)
{
    if (recipe.training.maxSteps > 0)
        return recipe.training.maxSteps;
    const auto examplesPerStep = std::max<std::int64_t>(1, recipe.training.batchSize * recipe.training.gradAccumulation);
    const auto train = static_cast<std::int64_t>(report.trainExamples);
    return recipe.training.epochs * std::max<std::int64_t>(1, (train + examplesPerStep - 1) / examplesPerStep);
}

double tokensPerExample(const TrainingRecipe &recipe, const DatasetReport &report)
{
    const double maxLen = static_cast<double>(recipe.task.maxSeqLen);
    if (report.kind == DatasetKind::PretrainText)
        return maxLen; // packed into full windows
    if (report.rowsUsed == 0)
        return maxLen;
    return std::min(maxLen, static_cast<double>(report.tokens) / static_cast<double>(report.rowsUsed));
}

} // namespace

TrainingPlan estimateTrainingPlan(const TrainingRecipe &recipe, const DatasetReport &report, double flopsPerSecond,
                                  std::uint64_t memoryAvailable)
{
    TrainingPlan plan;
    plan.recipe = recipe;
    plan.memoryAvailable = memoryAvailable;
    auto &training = plan.recipe.training;
    // Batch size and checkpointing change activations only: count the parameters once.
    plan.trainable = summarizeTrainable(recipe);
    plan.memory = estimateTrainingMemory(plan.recipe, plan.trainable);
    while (plan.memory.total() > memoryAvailable && training.batchSize > 1) {
        training.batchSize = (training.batchSize + 1) / 2;
        training.gradAccumulation *= 2;
        plan.adjusted = true;
        plan.memory = estimateTrainingMemory(plan.recipe, plan.trainable);
    }
    if (plan.memory.total() > memoryAvailable && !training.activationCheckpointing) {
        training.activationCheckpointing = true;
        plan.adjusted = true;
        plan.memory = estimateTrainingMemory(plan.recipe, plan.trainable);
    }
    plan.fits = plan.memory.total() <= memoryAvailable;
    plan.steps = stepsOf(plan.recipe, report);
    plan.tokensPerStep = tokensPerExample(plan.recipe, report)
                         * static_cast<double>(training.batchSize * training.gradAccumulation);
    const auto kind = plan.recipe.methodKind();
    const bool wholeModel = kind == "full" || kind == "freeze" || kind == "bitfit";
    const double flopsPerToken = (wholeModel ? 6.0 : 4.0) * static_cast<double>(plan.trainable.totalParameters);
    const double rate = std::max(1.0, flopsPerSecond * kTrainingEfficiency);
    plan.seconds = static_cast<double>(plan.steps) * plan.tokensPerStep * flopsPerToken / rate;
    return plan;
}

PlannedRun planRun(const std::string &registryHome, const TrainingRecipe &recipe, std::size_t previewRows,
                   double flopsPerSecond, std::uint64_t memoryAvailable, std::stop_token stop)
{
    PlannedRun planned;
    planned.inspection = inspectDataset(registryHome, recipe, previewRows, stop);
    planned.plan = estimateTrainingPlan(withModelFolder(registryHome, recipe), planned.inspection.report,
                                        flopsPerSecond, memoryAvailable);
    planned.plan.recipe.modelPath = recipe.modelPath;
    if (planned.plan.recipe.training.evalEvery == 0)
        planned.plan.recipe.training.evalEvery = recommendedEvalEvery(planned.plan.steps);
    return planned;
}

TrainablePreview previewTrainable(const std::string &registryHome, const TrainingRecipe &recipe,
                                  std::uint64_t memoryAvailable)
{
    const auto sized = withModelFolder(registryHome, recipe);
    TrainablePreview preview;
    preview.trainable = summarizeTrainable(sized);
    preview.memory = estimateTrainingMemory(sized, preview.trainable);
    preview.memoryAvailable = memoryAvailable;
    return preview;
}

} // namespace llmos
