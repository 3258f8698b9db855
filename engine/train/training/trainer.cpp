#include "training/trainer.h"

#include "architectures/causallmloader.h"
#include "chat/chattemplate.h"
#include "chat/modelchattemplate.h"
#include "datasets/datasetloader.h"
#include "datasets/sha256.h"
#include "methods/linearlayer.h"
#include "methods/methodfactory.h"
#include "methods/trainability.h"
#include "tokenizer/loadtokenizer.h"
#include "training/activationcheckpointing.h"
#include "training/causallmtask.h"
#include "training/checkpointstore.h"
#include "training/classificationtask.h"
#include "training/computeplacement.h"
#include "training/cpugenerator.h"
#include "training/dataorder.h"
#include "training/earlystopping.h"
#include "training/learningrateschedule.h"
#include "training/trainingdropout.h"
#include "training/trainingoptimizer.h"
#include "util/error.h"


#include <chrono>
#include <cmath>
#include <limits>

namespace llmos {

namespace {

using Clock = std::chrono::steady_clock;

// Names of the token-embedding tables FGM perturbs, by architecture.
bool isTokenEmbedding(const std::string &name)
{
    return name.ends_with("wte.weight") || name.ends_with("embed_tokens.weight")
           || name.ends_with("word_embeddings.weight");
}

// Method errors name "method.x"; the recipe's reader names "<source>: method.x".
[[noreturn]] void rethrowAsRecipeError(const Error &e)
{
    throw Error(e.kind(), "recipe: " + e.where(), e.detail());
}

} // namespace

std::string recipeFingerprint(const TrainingRecipe &recipe)
{
    Sha256 hash;
    hash.update(toJson(recipe).dump());
    return hash.finishHex();
}

// One run of a recipe: everything the loop needs, built in order.
class Trainer::Run {
public:
    Run(const TrainingRecipe &recipe, const TrainerOptions &options)
        : m_recipe(recipe), m_options(options), m_store(options.runDirectory),
          m_fingerprint(recipeFingerprint(recipe))
    {
    }

    TrainingResult execute()
    {
        m_placement = resolveComputePlacement(m_recipe.training);
        log("compute: " + m_placement.describe());
        loadData();
        buildNetwork();
        prepareOptimization();
        resumeIfAsked();
        return loop();
    }

private:
    void log(const std::string &line) const
    {
        if (m_options.callbacks.onLog)
            m_options.callbacks.onLog(line);
    }

    void loadData()
    {
        m_tokenizer = loadTokenizer(m_recipe.modelPath);
        DatasetOptions options;
        options.maxSeqLen = static_cast<std::size_t>(m_recipe.task.maxSeqLen);
        std::optional<ChatTemplate> chatTemplate;
        const auto kind = m_recipe.dataset.kind;
        if (kind == DatasetKind::Auto || kind == DatasetKind::OpenAiChat || kind == DatasetKind::ShareGpt
            || kind == DatasetKind::Alpaca) {
            if (const auto source = findChatTemplate(m_recipe.modelPath)) {
                chatTemplate.emplace(source->text, source->origin);
                options.chatTemplate = &*chatTemplate;
            }
        }
        m_data = loadDataset(m_recipe.dataset, *m_tokenizer, options);
        const bool classification = m_recipe.task.kind == TrainingTaskKind::Classification;
        if (classification && m_data.labelNames.size() < 2)
            throw Error(ErrorKind::InvalidInput, "recipe: task.kind",
                        "classification needs a dataset with at least two labels (dataset.kind \"classification\"); "
                        "this one has " + std::to_string(m_data.labelNames.size()));
        if (!classification && !m_data.labelNames.empty())
            throw Error(ErrorKind::InvalidInput, "recipe: task.kind",
                        "the dataset holds labelled texts: set task.kind to \"classification\"");
        const auto augmented = m_data.report.augmentedExamples;
        log("dataset: " + std::to_string(m_data.train.size()) + " training and " +
            std::to_string(m_data.validation.size()) + " validation examples"
            + (augmented > 0 ? " (" + std::to_string(augmented) + " of the training examples are augmented variants)"
                             : std::string()));
    }

    // Quantized weights are frozen integers: training needs the float model they came from.
    void refuseQuantized(const ModelConfig &config) const
    {
        if (config.quantization)
            throw Error(ErrorKind::InvalidInput, "recipe: model",
                        "is quantized (" + config.quantization->describe() +
                            "); fine-tune the model it was quantized from, then quantize the result");
    }

    void buildNetwork()
    {
        // The same seed gives the same new head, method initialisation and dropout masks;
        // nothing else in the process draws from the generator in between.
        std::lock_guard<std::mutex> seeding(seedingMutex());
        torch::manual_seed(m_recipe.training.seed);
        if (m_recipe.task.kind == TrainingTaskKind::Classification) {
            ModelConfig config;
            auto classifier = loadSequenceClassifier(m_recipe.modelPath,
                                                     static_cast<std::int64_t>(m_data.labelNames.size()), config);
            refuseQuantized(config);
            m_task = std::make_unique<ClassificationTask>(std::move(classifier), config, m_data.labelNames);
        } else {
            auto model = loadCausalLm(m_recipe.modelPath);
            refuseQuantized(model->config());
            m_task = std::make_unique<CausalLmTask>(std::move(model));
        }
        // Before the method attaches, so that what it adds is made on the same device.
        m_task->network().to(m_placement.device);
        m_task->setDevice(m_placement.device);
        try {
            m_method = makeFineTuningMethod(m_recipe.method);
        } catch (const Error &e) {
            rethrowAsRecipeError(e);
        }
        auto &network = m_task->network();
        // Prompt tuning from a text starts from its tokens' embeddings, tokenized as PEFT
        // does (special tokens included).
        auto tokenize = [this](const std::string &text) {
            const auto ids = m_tokenizer->encode(text, /*addSpecialTokens=*/true);
            return std::vector<std::int64_t>(ids.begin(), ids.end());
        };
        m_target = std::make_unique<TrainingTarget>(
            TrainingTarget{network, m_task->config(), m_task->alwaysTrained(), tokenize});
        try {
            attachMethod(*m_method, *m_target);
        } catch (const Error &e) {
            rethrowAsRecipeError(e);
        }
        network.train();

        for (const auto &item : network.named_parameters()) {
            m_totalParameters += item.value().numel();
            if (item.value().requires_grad())
                m_trainable.emplace_back(item.key(), item.value());
        }
        m_trainableCount = countTrainableParameters(network);
        log("method " + m_method->kind() + ": " + std::to_string(m_trainableCount) + " of "
            + std::to_string(m_totalParameters) + " parameters trainable");
        if (m_recipe.training.activationCheckpointing)
            enableActivationCheckpointing(network);
        if (m_recipe.training.dropout > 0 && !applyTrainingDropout(network, m_recipe.training.dropout))
            log("dropout: this model has no dropout places; it trains without");
        if (m_recipe.training.fgm) {
            for (const auto &[name, tensor] : m_trainable)
                if (isTokenEmbedding(name))
                    m_embedding = tensor;
            if (!m_embedding.defined())
                log("fgm: the token embeddings are not trained by this method, so FGM is off");
        }
    }

    void enableActivationCheckpointing(torch::nn::Module &network)
    {
        auto *decoder = findCausalLm(network);
        if (!decoder) {
            log("activation checkpointing: only GPT-2 and Llama-family decoders have it; this model trains "
                "without it");
            return;
        }
        std::vector<torch::Tensor> trained;
        for (const auto &[name, tensor] : m_trainable)
            trained.push_back(tensor);
        decoder->setLayerCheckpointing(std::make_shared<ActivationCheckpointing>(std::move(trained)));
        log("activation checkpointing: on; each decoder layer is recomputed in backward");
    }

    void prepareOptimization()
    {
        m_optimizer = makeOptimizer(m_recipe.optimizer, m_trainable);
        m_order = std::make_unique<DataOrder>(m_data.train.size(), m_recipe.training.batchSize,
                                              m_recipe.training.seed);
        const auto accumulation = m_recipe.training.gradAccumulation;
        m_totalSteps = m_recipe.training.maxSteps > 0
                           ? m_recipe.training.maxSteps
                           : (m_recipe.training.epochs * m_order->batchesPerEpoch() + accumulation - 1) / accumulation;
        m_schedule = std::make_unique<LearningRateSchedule>(m_recipe.schedule, m_recipe.optimizer.lr, m_totalSteps);
        if (m_recipe.training.earlyStopping) {
            if (m_data.validation.empty())
                throw Error(ErrorKind::InvalidInput, "recipe: training.early_stopping",
                            "the dataset left no validation examples; raise dataset.validation_fraction");
            m_earlyStopping.emplace(*m_recipe.training.earlyStopping);
        }
    }

    void resumeIfAsked()
    {
        if (!m_options.resume)
            return;
        auto loaded = m_store.loadLatest(m_fingerprint, [this](const std::string &line) { log(line); });
        if (!loaded)
            return;
        torch::NoGradGuard noGrad;
        for (const auto &[name, parameter] : m_trainable) {
            const auto it = loaded->weights.find(name);
            if (it == loaded->weights.end() || it->second.sizes() != parameter.sizes())
                throw Error(ErrorKind::Format, loaded->folder.string() + ": " + name,
                            "the checkpoint lacks this trainable parameter or holds another shape");
            parameter.copy_(it->second);
        }
        restoreOptimizerState(*m_optimizer, m_recipe.optimizer, m_trainable, loaded->optimizer);
        std::vector<std::pair<std::string, torch::Tensor>> methodState;
        for (const auto &[name, tensor] : loaded->extra)
            if (name.starts_with("method/"))
                methodState.emplace_back(name.substr(7), tensor);
        m_method->restoreCheckpointState(methodState);
        setCpuGeneratorState(loaded->extra.at("rng/torch_cpu"));
        const auto &state = loaded->state;
        m_step = loaded->step;
        m_epoch = state.at("epoch").get<std::int64_t>();
        m_batchInEpoch = state.at("batch_in_epoch").get<std::int64_t>();
        if (m_earlyStopping && state.contains("early_stopping"))
            m_earlyStopping->restore(state.at("early_stopping"));
        // Checkpoints written before tokens were counted resume from zero.
        m_tokensSeen = state.value("tokens_seen", std::int64_t{0});
        if (state.contains("last_metrics"))
            m_lastMetrics = state.at("last_metrics").get<std::map<std::string, double>>();
        m_resumedFrom = m_step;
        log("resumed from checkpoint " + loaded->folder.filename().string());
    }

    void checkpoint()
    {
        TrainingCheckpoint c;
        c.step = m_step;
        c.state = {{"fingerprint", m_fingerprint},
                   {"epoch", m_epoch},
                   {"batch_in_epoch", m_batchInEpoch},
                   {"total_steps", m_totalSteps},
                   {"tokens_seen", m_tokensSeen},
                   {"last_metrics", m_lastMetrics}};
        if (m_earlyStopping)
            c.state["early_stopping"] = m_earlyStopping->state();
        for (const auto &[name, tensor] : m_trainable)
            c.weights.emplace_back(name, tensor.detach());
        c.optimizer = optimizerState(*m_optimizer, m_recipe.optimizer, m_trainable);
        c.extra.emplace_back("rng/torch_cpu", cpuGeneratorState());
        for (auto &[name, tensor] : m_method->checkpointState())
            c.extra.emplace_back("method/" + name, tensor.detach());
        const auto folder = m_store.save(c, m_recipe.training.keepCheckpoints);
        if (m_options.callbacks.onCheckpoint) // it tells in its own words
            m_options.callbacks.onCheckpoint(m_step, folder.string());
        else
            log("checkpoint written: " + folder.filename().string());
    }

    std::vector<TrainingBatch> nextBatches()
    {
        std::vector<TrainingBatch> batches;
        for (std::int64_t i = 0; i < m_recipe.training.gradAccumulation; ++i) {
            const auto indices = m_order->batch(m_epoch, m_batchInEpoch);
            std::vector<const TokenizedExample *> examples;
            for (const auto index : indices)
                examples.push_back(&m_data.train[index]);
            batches.push_back(m_task->makeBatch(examples));
            if (++m_batchInEpoch == m_order->batchesPerEpoch()) {
                m_batchInEpoch = 0;
                ++m_epoch;
            }
        }
        return batches;
    }

    // Forward and backward of every batch of the step; returns the mean loss.
    double accumulate(const std::vector<TrainingBatch> &batches, std::int64_t terms, std::int64_t virtualTokens)
    {
        double lossSum = 0;
        for (const auto &batch : batches) {
            torch::Tensor loss;
            {
                AutocastScope autocast(m_placement);
                loss = m_task->lossSum(batch, virtualTokens);
            }
            (loss / static_cast<double>(terms)).backward();
            lossSum += loss.item<double>();
        }
        return lossSum / static_cast<double>(terms);
    }

    // FGM (Miyato et al. 2017): a second pass with the embeddings pushed by epsilon along
    // their normalised gradient; its gradients add to the clean ones.
    void adversarialPass(const std::vector<TrainingBatch> &batches, std::int64_t terms, std::int64_t virtualTokens)
    {
        if (!m_embedding.defined() || !m_embedding.grad().defined())
            return;
        torch::Tensor push;
        {
            torch::NoGradGuard noGrad;
            const auto norm = m_embedding.grad().norm().item<double>();
            if (!(norm > 0) || !std::isfinite(norm))
                return;
            push = m_embedding.grad() * (m_recipe.training.fgm->epsilon / norm);
            m_embedding.add_(push);
        }
        accumulate(batches, terms, virtualTokens);
        torch::NoGradGuard noGrad;
        m_embedding.sub_(push);
    }

    TrainingStepEvent step()
    {
        const auto started = Clock::now();
        const auto batches = nextBatches();
        std::int64_t terms = 0;
        std::int64_t tokens = 0;
        for (const auto &batch : batches) {
            terms += batch.lossTerms;
            tokens += batch.realTokens;
        }
        terms = std::max<std::int64_t>(terms, 1);
        const auto virtualTokens = m_method->virtualTokens();
        const double loss = accumulate(batches, terms, virtualTokens);
        if (!std::isfinite(loss))
            throw Error(ErrorKind::InvalidInput, "training step " + std::to_string(m_step + 1),
                        "non-finite loss at step " + std::to_string(m_step + 1)
                            + "; lower optimizer.lr or check the data. The last checkpoint is kept.");
        if (m_recipe.training.fgm)
            adversarialPass(batches, terms, virtualTokens);
        if (const auto extra = m_method->extraLoss(); extra.defined())
            extra.backward();

        std::vector<torch::Tensor> parameters;
        for (const auto &[name, tensor] : m_trainable)
            parameters.push_back(tensor);
        const double maxNorm = m_recipe.training.maxGradNorm > 0 ? m_recipe.training.maxGradNorm
                                                                 : std::numeric_limits<double>::infinity();
        const double gradNorm = torch::nn::utils::clip_grad_norm_(parameters, maxNorm);
        if (!std::isfinite(gradNorm))
            throw Error(ErrorKind::InvalidInput, "training step " + std::to_string(m_step + 1),
                        "non-finite gradient at step " + std::to_string(m_step + 1)
                            + "; lower optimizer.lr or turn on training.max_grad_norm. The last checkpoint is kept.");
        const double lr = m_schedule->at(m_step);
        setLearningRate(*m_optimizer, lr);
        m_optimizer->step();
        m_optimizer->zero_grad();
        ++m_step;
        m_tokensSeen += tokens;
        m_method->afterOptimizerStep(m_step, m_totalSteps);

        TrainingStepEvent event;
        event.step = m_step;
        event.totalSteps = m_totalSteps;
        event.epoch = m_batchInEpoch == 0 ? m_epoch - 1 : m_epoch;
        event.loss = loss;
        event.learningRate = lr;
        event.gradNorm = gradNorm;
        event.tokensSeen = m_tokensSeen;
        const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
        event.tokensPerSecond = seconds > 0 ? static_cast<double>(tokens) / seconds : 0;
        event.elapsedSeconds = std::chrono::duration<double>(Clock::now() - m_started).count();
        return event;
    }

    // Evaluates on the validation examples; true when early stopping says stop.
    bool evaluate()
    {
        m_lastEvaluatedStep = m_step;
        if (m_data.validation.empty()) {
            log("no validation examples: evaluation skipped");
            return false;
        }
        AutocastScope autocast(m_placement);
        auto event = m_task->evaluate(m_data.validation, m_recipe.training.batchSize, m_method->virtualTokens());
        event.step = m_step;
        m_lastMetrics = event.metrics;
        if (m_options.callbacks.onEvaluation)
            m_options.callbacks.onEvaluation(event);
        return m_earlyStopping && m_earlyStopping->update(event.metrics);
    }

    TrainingResult finish(TrainingOutcome outcome)
    {
        TrainingResult result;
        result.outcome = outcome;
        result.steps = m_step;
        result.totalSteps = m_totalSteps;
        result.resumedFromStep = m_resumedFrom;
        result.trainableParameters = m_trainableCount;
        result.totalParameters = m_totalParameters;
        result.finalMetrics = m_lastMetrics;
        if (outcome == TrainingOutcome::Paused || outcome == TrainingOutcome::Cancelled)
            return result;
        if (m_method->producesAdapter() && !m_recipe.output.merge) {
            result.output = m_options.runDirectory / "adapter";
            result.outputIsAdapter = true;
            m_method->saveAdapter(*m_target, result.output, m_recipe.modelPath);
        } else {
            if (m_method->producesAdapter())
                m_method->mergeIntoBase(*m_target);
            result.output = m_options.runDirectory / "model";
            m_task->saveModel(result.output.string());
        }
        log("saved " + std::string(result.outputIsAdapter ? "adapter" : "model") + " to " + result.output.string());
        return result;
    }

    TrainingResult loop()
    {
        m_started = Clock::now();
        const auto &training = m_recipe.training;
        bool stoppedEarly = false;
        while (m_step < m_totalSteps) {
            const auto request = m_options.callbacks.stopCheck ? m_options.callbacks.stopCheck() : StopRequest::None;
            if (request != StopRequest::None) {
                checkpoint();
                return finish(request == StopRequest::Pause ? TrainingOutcome::Paused : TrainingOutcome::Cancelled);
            }
            const auto event = step();
            if (m_options.callbacks.onStep)
                m_options.callbacks.onStep(event);
            if (training.evalEvery > 0 && m_step % training.evalEvery == 0 && m_step < m_totalSteps)
                stoppedEarly = evaluate();
            if (training.checkpointEvery > 0 && m_step % training.checkpointEvery == 0 && m_step < m_totalSteps)
                checkpoint();
            if (stoppedEarly) {
                log("early stopping: " + training.earlyStopping->metric + " did not improve for "
                    + std::to_string(training.earlyStopping->patience) + " evaluations");
                break;
            }
        }
        if (m_lastEvaluatedStep != m_step || m_lastMetrics.empty())
            evaluate();
        return finish(stoppedEarly ? TrainingOutcome::EarlyStopped : TrainingOutcome::Finished);
    }

    const TrainingRecipe &m_recipe;
    const TrainerOptions &m_options;
    CheckpointStore m_store;
    std::string m_fingerprint;
    ComputePlacement m_placement;

    std::unique_ptr<Tokenizer> m_tokenizer;
    LoadedDataset m_data;
    std::unique_ptr<TrainingTask> m_task;
    std::unique_ptr<FineTuningMethod> m_method;
    std::unique_ptr<TrainingTarget> m_target;
    NamedTensors m_trainable;
    torch::Tensor m_embedding;
    std::int64_t m_trainableCount = 0;
    std::int64_t m_totalParameters = 0;

    std::unique_ptr<torch::optim::Optimizer> m_optimizer;
    std::unique_ptr<DataOrder> m_order;
    std::unique_ptr<LearningRateSchedule> m_schedule;
    std::optional<EarlyStopping> m_earlyStopping;

    std::int64_t m_totalSteps = 0;
    std::int64_t m_step = 0;
    std::int64_t m_tokensSeen = 0; // input tokens of every step so far, across resumes
    std::int64_t m_epoch = 0;
    std::int64_t m_batchInEpoch = 0;
    std::int64_t m_resumedFrom = 0;
    std::int64_t m_lastEvaluatedStep = -1;
    std::map<std::string, double> m_lastMetrics;
    Clock::time_point m_started;
};

Trainer::Trainer(TrainingRecipe recipe, TrainerOptions options)
    : m_recipe(std::move(recipe)), m_options(std::move(options))
{
}

Trainer::~Trainer() = default;

TrainingResult Trainer::run()
{
    Run run(m_recipe, m_options);
    return run.execute();
}

} // namespace llmos
