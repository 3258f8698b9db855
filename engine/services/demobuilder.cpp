#include "services/demobuilder.h"

#include "services/trainingjobs.h"

#include "datasets/datasetsplit.h"
#include "jobs/jobscheduler.h"
#include "model/modelconfig.h"
#include "registry/modelregistry.h"
#include "tokenizer/bpetokenizerfiles.h"
#include "tokenizer/bpetrainer.h"
#include "tokenizer/textcorpus.h"
#include "training/scratchmodel.h"
#include "util/atomicfile.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>

namespace fs = std::filesystem;

namespace llmos {

namespace {

constexpr const char *kEndOfText = "<|endoftext|>";
constexpr const char *kPad = "<|pad|>";

// Where each stage's share of the whole demo starts, by its measured share of the time.
struct StageSpan {
    double start;
    double width;
};
constexpr StageSpan kSpans[] = {{0.00, 0.03}, {0.03, 0.05}, {0.08, 0.01}, {0.09, 0.60}, {0.69, 0.31}, {1.00, 0.0}};

class Reporter {
public:
    Reporter(const std::function<void(const DemoProgress &)> &callback) : m_callback(callback) {}

    void report(DemoStage stage, double stageFraction, const std::string &runId = {})
    {
        if (!m_callback)
            return;
        const auto span = kSpans[static_cast<int>(stage)];
        std::lock_guard lock(m_mutex); // training progress arrives on the event thread
        m_callback({stage, span.start + span.width * std::clamp(stageFraction, 0.0, 1.0), runId});
    }

private:
    const std::function<void(const DemoProgress &)> &m_callback;
    std::mutex m_mutex;
};

void throwIfStopped(std::stop_token stop)
{
    if (stop.stop_requested())
        throw Error(ErrorKind::Cancelled, "demo", "stopped on request");
}

// A saying as one paragraph: the text reader ends a document at a blank line.
std::string asParagraph(std::string_view saying)
{
    std::string out;
    std::size_t start = 0;
    while (start <= saying.size()) {
        auto end = saying.find('\n', start);
        if (end == std::string_view::npos)
            end = saying.size();
        auto line = saying.substr(start, end - start);
        if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
            if (!out.empty())
                out += '\n';
            out += line;
        }
        start = end + 1;
    }
    return out;
}

void requireFortunes(const DemoOptions &options)
{
    std::error_code ec;
    if (!fs::is_directory(options.fortunesFolder, ec))
        throw Error(ErrorKind::NotFound, options.fortunesFolder,
                    "does not exist: the demo learns from Debian's fortune files; install the packages "
                    "fortunes and fortunes-zh (apt install fortunes fortunes-zh)");
    for (const auto &topic : options.topics)
        if (!fs::is_regular_file(fs::path(options.fortunesFolder) / topic, ec))
            throw Error(ErrorKind::NotFound, (fs::path(options.fortunesFolder) / topic).string(),
                        "is missing: install the packages fortunes and fortunes-zh");
}

// fortunes.txt: every saying of the folder as one paragraph, for the language model.
// topics.jsonl: up to examplesPerTopic short sayings of each topic file, labelled with it.
// Returns the number of topic examples.
std::size_t writeCorpus(const DemoOptions &options, Reporter &reporter, std::stop_token stop)
{
    const TextCorpus corpus({options.fortunesFolder}, CorpusFormat::Fortune);
    std::string text;
    corpus.forEachDocument([&](std::string_view saying) { text += asParagraph(saying) + "\n\n"; },
                           [&](std::uint64_t done, std::uint64_t total) {
                               reporter.report(DemoStage::Corpus, total ? 0.8 * double(done) / double(total) : 0);
                           },
                           stop);
    writeFileAtomically((fs::path(options.workFolder) / "fortunes.txt").string(), text);

    std::string topics;
    std::size_t examples = 0;
    for (const auto &topic : options.topics) {
        std::vector<std::string> sayings;
        const TextCorpus file({(fs::path(options.fortunesFolder) / topic).string()}, CorpusFormat::Fortune);
        file.forEachDocument(
            [&](std::string_view saying) {
                if (saying.size() <= options.size.maxSayingBytes)
                    sayings.push_back(asParagraph(saying));
            },
            {}, stop);
        // Evenly spaced over the file, so a topic is not only its first pages.
        const std::size_t keep = std::min(sayings.size(), options.size.examplesPerTopic);
        for (std::size_t i = 0; i < keep; ++i) {
            const auto &saying = sayings[i * sayings.size() / keep];
            topics += nlohmann::json{{"text", saying}, {"label", topic}}.dump() + "\n";
            ++examples;
        }
    }
    writeFileAtomically((fs::path(options.workFolder) / "topics.jsonl").string(), topics);
    reporter.report(DemoStage::Corpus, 1.0);
    return examples;
}

// Returns the size of the vocabulary learned.
std::size_t writeTokenizer(const DemoOptions &options, const std::string &modelFolder, Reporter &reporter,
                           std::stop_token stop)
{
    BpeTrainerOptions trainerOptions;
    trainerOptions.vocabSize = options.size.vocabSize;
    trainerOptions.specialTokens = {kEndOfText, kPad};
    BpeTrainer trainer(trainerOptions);
    trainer.addCorpus(TextCorpus({options.fortunesFolder}, CorpusFormat::Fortune),
                      [&](double f) { reporter.report(DemoStage::Tokenizer, 0.5 * f); }, stop);
    const auto trained = trainer.train([&](double f) { reporter.report(DemoStage::Tokenizer, 0.5 + 0.5 * f); }, stop);
    BpeTokenizerFileOptions files;
    files.bosToken = files.eosToken = kEndOfText;
    files.padToken = kPad;
    files.modelMaxLength = options.size.contextLength;
    // The sayings are paragraphs between <|endoftext|>s; each turn becomes one, so the
    // model answers every message with a new saying: enough for the chat playground offline.
    files.chatTemplate = "{% for message in messages %}{{ message['content'] }}" + std::string(kEndOfText) +
                         "{% endfor %}";
    writeBpeTokenizerFiles(trained, files, modelFolder);
    return trained.tokens.size();
}

// A small Llama: tied embeddings, SwiGLU with the usual 8/3 width (a multiple of 8),
// ids 0 and 1 for the tokenizer's <|endoftext|> and <|pad|>.
void writeUntrainedModel(const DemoOptions &options, const std::string &modelFolder, std::size_t vocab)
{
    const auto &s = options.size;
    const std::int64_t intermediate = (s.hiddenSize * 8 / 3 + 7) / 8 * 8;
    const nlohmann::json config{{"model_type", "llama"},
                                {"architectures", {"LlamaForCausalLM"}},
                                {"vocab_size", vocab},
                                {"hidden_size", s.hiddenSize},
                                {"intermediate_size", intermediate},
                                {"num_hidden_layers", s.layers},
                                {"num_attention_heads", s.heads},
                                {"num_key_value_heads", s.heads},
                                {"max_position_embeddings", s.contextLength},
                                {"rms_norm_eps", 1e-5},
                                {"hidden_act", "silu"},
                                {"tie_word_embeddings", true},
                                {"bos_token_id", 0},
                                {"eos_token_id", 0},
                                {"pad_token_id", 1}};
    writeScratchCausalLm(parseModelConfig(config, "demo config"), modelFolder, options.seed);
}

nlohmann::json languageModelRecipe(const DemoOptions &options, const std::string &modelFolder)
{
    const auto &s = options.size;
    return {{"model", {{"path", modelFolder}}},
            {"dataset", {{"path", (fs::path(options.workFolder) / "fortunes.txt").string()}, {"kind", "text"},
                         {"validation_fraction", 0.02}, {"seed", options.seed}}},
            {"task", {{"kind", "causal_lm"}, {"max_seq_len", s.contextLength}}},
            {"method", {{"kind", "full"}}},
            // From scratch a small model takes a far larger rate than a fine-tune.
            {"optimizer", {{"name", "adamw"}, {"lr", 3e-3}, {"weight_decay", 0.01}}},
            {"schedule", {{"name", "cosine"}, {"warmup_ratio", 0.05}}},
            {"training", {{"max_steps", s.languageModelSteps}, {"batch_size", s.languageModelBatch},
                          {"checkpoint_every", 50}, {"seed", options.seed}}},
            {"output", {{"name", options.languageModelName}}}};
}

nlohmann::json classifierRecipe(const DemoOptions &options)
{
    const auto &s = options.size;
    return {{"model", {{"path", options.languageModelName}}},
            {"dataset", {{"path", (fs::path(options.workFolder) / "topics.jsonl").string()}, {"kind", "classification"},
                         {"validation_fraction", 0.2}, {"seed", options.seed}}},
            {"task", {{"kind", "classification"}, {"max_seq_len", std::min<std::int64_t>(96, s.contextLength)}}},
            {"method", {{"kind", "lora"}, {"rank", 8}, {"alpha", 16}}},
            {"optimizer", {{"name", "adamw"}, {"lr", 3e-3}}},
            {"schedule", {{"name", "linear"}, {"warmup_ratio", 0.05}}},
            {"training", {{"epochs", s.classifierEpochs}, {"batch_size", s.classifierBatch},
                          {"checkpoint_every", 50}, {"seed", options.seed}}},
            // Merged into a whole LlamaForSequenceClassification, which the apps, `llmos
            // classify` and /v1/classify run (they take no adapters).
            {"output", {{"name", options.classifierName}, {"merge", true}}}};
}

// Submits the recipe and waits for its run, passing its progress on; a stop request
// cancels it. Returns the run's final metrics. The cancel is sent from this thread, not
// from the one that asks to stop (the window's): the scheduler writes the run's files.
std::pair<std::string, MetricValues> train(JobScheduler &scheduler, TrainingJobs &jobs, const nlohmann::json &recipe,
                                           DemoStage stage, Reporter &reporter, std::stop_token stop)
{
    std::string runId;
    std::mutex mutex;
    std::condition_variable changed;
    bool ended = false;
    auto subscription = scheduler.subscribe([&](const JobEvent &event) {
        {
            std::lock_guard lock(mutex);
            if (event.runId != runId)
                return;
        }
        // Unlocked: the progress callback may ask to stop, which takes the lock.
        if (const auto *p = std::get_if<Progress>(&event.payload); p && p->total > 0)
            reporter.report(stage, double(p->done) / double(p->total), event.runId);
        if (const auto *s = std::get_if<JobStateChanged>(&event.payload);
            s && s->to != JobState::Queued && s->to != JobState::Running) {
            std::lock_guard lock(mutex);
            ended = true;
            changed.notify_all();
        }
    });
    {
        std::lock_guard lock(mutex);
        runId = jobs.submit(parseTrainingRecipe(recipe, std::string("demo ") + demoStageName(stage) + " recipe"));
    }
    reporter.report(stage, 0, runId);
    {
        std::stop_callback wake(stop, [&] {
            std::lock_guard lock(mutex);
            changed.notify_all();
        });
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return ended || stop.stop_requested(); });
    }
    if (stop.stop_requested()) {
        try {
            scheduler.cancel(runId);
        } catch (const Error &) {
            // The run ended meanwhile: nothing left to cancel.
        }
    }
    const JobState end = scheduler.wait(runId);
    const RunState state = scheduler.snapshot(runId);
    throwIfStopped(stop);
    if (end != JobState::Succeeded)
        throw Error(ErrorKind::InvalidInput, "demo run " + runId,
                    std::string("ended ") + jobStateName(end) + (state.reason.empty() ? "" : ": " + state.reason));
    return {runId, state.finalMetrics};
}

double metric(const MetricValues &values, const char *name)
{
    const auto it = values.find(name);
    return it == values.end() ? 0.0 : it->second;
}

} // namespace

const char *demoStageName(DemoStage stage) noexcept
{
    switch (stage) {
    case DemoStage::Corpus: return "corpus";
    case DemoStage::Tokenizer: return "tokenizer";
    case DemoStage::Model: return "model";
    case DemoStage::LanguageModel: return "language-model";
    case DemoStage::Classifier: return "classifier";
    case DemoStage::Done: return "done";
    }
    return "?";
}

DemoResult buildDemo(JobScheduler &scheduler, const std::string &registryHome, const DemoOptions &options,
                     const std::function<void(const DemoProgress &)> &progress, std::stop_token stop)
{
    const auto started = std::chrono::steady_clock::now();
    Reporter reporter(progress);
    {
        ModelRegistry registry(registryHome);
        for (const auto &name : {options.languageModelName, options.classifierName})
            if (registry.find(name))
                throw Error(ErrorKind::InvalidInput, "demo",
                            "a model named \"" + name + "\" is registered already: the demo was built before. "
                            "Remove its models to build it again");
    }
    requireFortunes(options);
    fs::create_directories(options.workFolder);

    reporter.report(DemoStage::Corpus, 0);
    const std::size_t topicExamples = writeCorpus(options, reporter, stop);

    const std::string modelFolder = (fs::path(options.workFolder) / (options.languageModelName + "-untrained")).string();
    fs::remove_all(modelFolder); // what an earlier, stopped demo left
    reporter.report(DemoStage::Tokenizer, 0);
    const std::size_t vocab = writeTokenizer(options, modelFolder, reporter, stop);

    reporter.report(DemoStage::Model, 0);
    writeUntrainedModel(options, modelFolder, vocab);
    throwIfStopped(stop);

    TrainingJobs jobs(scheduler, registryHome, options.threads);
    DemoResult result;
    const auto [lmRun, lmMetrics] =
        train(scheduler, jobs, languageModelRecipe(options, modelFolder), DemoStage::LanguageModel, reporter, stop);
    const auto [classifierRun, classifierMetrics] =
        train(scheduler, jobs, classifierRecipe(options), DemoStage::Classifier, reporter, stop);

    ModelRegistry registry(registryHome);
    result.languageModelId = registry.get(options.languageModelName).id;
    result.classifierId = registry.get(options.classifierName).id;
    result.languageModelRun = lmRun;
    result.classifierRun = classifierRun;
    result.perplexity = metric(lmMetrics, "perplexity");
    result.accuracy = metric(classifierMetrics, "accuracy");
    result.heldOut = static_cast<std::int64_t>(splitDataset(topicExamples, 0.2, options.seed).validation.size());
    result.topics = options.topics;
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    reporter.report(DemoStage::Done, 1.0);
    return result;
}

} // namespace llmos
