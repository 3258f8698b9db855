#pragma once

#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <vector>

namespace llmos {

class JobScheduler;

// How big the demo is. The defaults fit the five minutes on two laptop cores that the
// demo promises; tests shrink them.
struct DemoSize {
    std::size_t vocabSize = 4096;
    std::int64_t hiddenSize = 128;
    std::int64_t layers = 4;
    std::int64_t heads = 4;
    std::int64_t contextLength = 128;
    std::int64_t languageModelSteps = 350;
    std::int64_t languageModelBatch = 16;
    std::int64_t classifierEpochs = 6;
    std::int64_t classifierBatch = 16;
    std::size_t examplesPerTopic = 150; // at most; the smallest topic has about that many
    std::size_t maxSayingBytes = 400;   // longer sayings are left out of the topic data
};

struct DemoOptions {
    // Debian's fortunes and fortunes-zh install their files here.
    std::string fortunesFolder = "/usr/share/games/fortunes";
    // The topics of the classifier: fortune files, named by their file names.
    std::vector<std::string> topics = {"computers", "food", "law", "love", "politics", "science", "sports", "tang300"};
    // Where the corpus, the topic data and the untrained model are written.
    std::string workFolder;
    std::string languageModelName = "fortune-lm";
    std::string classifierName = "fortune-topics";
    int threads = 1;
    std::uint64_t seed = 42;
    DemoSize size;
};

enum class DemoStage { Corpus, Tokenizer, Model, LanguageModel, Classifier, Done };
const char *demoStageName(DemoStage stage) noexcept;

struct DemoProgress {
    DemoStage stage = DemoStage::Corpus;
    double fraction = 0; // of the whole demo
    std::string runId;   // the training run of the stage, when it has one
};

struct DemoResult {
    std::string languageModelId;
    std::string classifierId;
    std::string languageModelRun;
    std::string classifierRun;
    double perplexity = 0;       // of the language model on its held-out sayings
    double accuracy = 0;         // of the classifier on its held-out sayings
    std::int64_t heldOut = 0;    // held-out examples of the classifier
    std::vector<std::string> topics;
    double seconds = 0;
};

// Builds the offline demo with nothing but Debian's fortunes on disk: a byte-level BPE
// tokenizer learned from the sayings (English, Tang and Song poems), a small Llama-shaped
// language model trained from scratch on them, and a topic classifier fine-tuned from
// it with LoRA on fortune categories. Both models are registered (the classifier with
// lineage to the language model, its run and its data); the training runs are ordinary
// runs of `scheduler`, kept under runs/ with their events.
//
// Runs on the caller's thread (a worker: it takes minutes). Throws Error(InvalidInput)
// when the demo's models exist already, Error(NotFound) without the fortune files (the
// message says which package installs them), Error(Cancelled) when stop is requested (the
// run in progress is cancelled), and a training run's failure reason.
DemoResult buildDemo(JobScheduler &scheduler, const std::string &registryHome, const DemoOptions &options,
                     const std::function<void(const DemoProgress &)> &progress = {}, std::stop_token stop = {});

} // namespace llmos
