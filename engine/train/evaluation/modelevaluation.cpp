#include "evaluation/modelevaluation.h"

#include "architectures/textclassifier.h"
#include "architectures/tokenscorer.h"
#include "datasets/datasetfingerprint.h"
#include "datasets/datasetloader.h"
#include "datasets/rowinterpreter.h"
#include "datasets/rowreader.h"
#include "evaluation/classifierensemble.h"
#include "evaluation/textmetrics.h"
#include "generation/textgenerator.h"
#include "tokenizer/loadtokenizer.h"
#include "training/classificationmetrics.h"
#include "util/error.h"

#include <algorithm>
#include <chrono>
#include <charconv>
#include <cmath>
#include <filesystem>

namespace llmos {

namespace {

void checkStop(const EvaluationOptions &options, const std::string &where)
{
    if (options.stop.stop_requested())
        throw Error(ErrorKind::Cancelled, where, "the evaluation was cancelled");
}

void progress(const EvaluationOptions &options, std::int64_t done, std::int64_t total)
{
    if (options.onProgress)
        options.onProgress(done, total);
}

// The rows of the data as the given kind reads them, at most maxExamples; bad rows counted.
std::vector<DatasetExample> readExamples(const EvaluationOptions &options, DatasetKind kind, std::int64_t &bad)
{
    DatasetSpec spec = options.data;
    spec.kind = kind;
    RowInterpreter interpreter(spec.kind, spec.fields);
    std::vector<DatasetExample> examples;
    RowSink sink;
    sink.onBadRow = [&](BadRow &&) { ++bad; };
    sink.onRow = [&](SourceRow &&row) {
        if (options.maxExamples > 0 && static_cast<std::int64_t>(examples.size()) >= options.maxExamples)
            return;
        BadRow problem;
        if (auto example = interpreter.interpret(row, problem))
            examples.push_back(std::move(*example));
        else
            ++bad;
    };
    readDatasetRows(spec, sink, options.stop);
    if (examples.empty())
        throw Error(ErrorKind::InvalidInput, spec.path,
                    "has no row this evaluation can use (" + std::to_string(bad) + " unusable)");
    return examples;
}

void perplexity(const std::string &modelPath, const EvaluationOptions &options, EvaluationReport &report)
{
    const auto scorer = TokenScorer::open(modelPath);
    const auto tokenizer = loadTokenizer(modelPath);
    DatasetSpec spec = options.data;
    spec.kind = DatasetKind::PretrainText;
    spec.validationFraction = 0;
    spec.validationPath.clear();
    spec.augmentation.reset();
    DatasetOptions loading;
    loading.maxSeqLen = std::min<std::size_t>(options.blockTokens,
                                              static_cast<std::size_t>(std::max<std::int64_t>(2, scorer.config().maxPositionEmbeddings)));
    loading.stop = options.stop;
    const auto data = loadDataset(spec, *tokenizer, loading);
    double logprob = 0;
    std::int64_t predicted = 0;
    const auto total = static_cast<std::int64_t>(data.train.size());
    std::int64_t blocks = 0;
    for (const auto &block : data.train) {
        checkStop(options, spec.path);
        if (options.maxExamples > 0 && blocks >= options.maxExamples)
            break;
        ++blocks;
        if (block.inputIds.size() < 2)
            continue; // nothing to predict
        const std::vector<std::int64_t> ids(block.inputIds.begin(), block.inputIds.end());
        const auto scores = scorer.score(ids);
        logprob += scores.totalLogprob;
        predicted += static_cast<std::int64_t>(scores.logprobs.size());
        progress(options, blocks, total);
    }
    if (predicted == 0)
        throw Error(ErrorKind::InvalidInput, spec.path, "has too little text to measure perplexity");
    const double loss = -logprob / static_cast<double>(predicted);
    report.metrics = {{"loss", loss}, {"perplexity", std::exp(loss)}, {"tokens", static_cast<double>(predicted)}};
    report.examples = static_cast<std::int64_t>(data.report.rowsUsed);
    report.skipped = static_cast<std::int64_t>(data.report.badRowCount);
}

// The model's index of a dataset label: by name, else a number within range.
std::optional<std::int64_t> labelIndex(const std::vector<std::string> &labels, const std::string &label)
{
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labels[i] == label)
            return static_cast<std::int64_t>(i);
    std::int64_t number = -1;
    const auto [end, ec] = std::from_chars(label.data(), label.data() + label.size(), number);
    if (ec == std::errc() && end == label.data() + label.size() && number >= 0 &&
        number < static_cast<std::int64_t>(labels.size()))
        return number;
    return std::nullopt;
}

// Each member's report and, for several, the ensemble's (their averaged probabilities)
// last, every one based on `base` (task, data).
std::vector<EvaluationReport> classification(const std::vector<std::string> &modelPaths, const EvaluationOptions &options,
                                             const EvaluationReport &base)
{
    const ClassifierEnsemble members(modelPaths);
    const auto &labels = members.labels();
    std::int64_t skipped = 0;
    auto examples = readExamples(options, DatasetKind::Classification, skipped);
    std::vector<std::string> texts;
    std::vector<std::int64_t> actual;
    for (auto &example : examples) {
        if (const auto index = labelIndex(labels, example.label)) {
            texts.push_back(std::move(example.text));
            actual.push_back(*index);
        } else {
            ++skipped;
        }
    }
    if (texts.empty())
        throw Error(ErrorKind::InvalidInput, options.data.path,
                    "has no row whose label the model knows (its labels: " + labelList(labels) + ")");
    const bool ensemble = modelPaths.size() > 1;
    const auto count = members.members() + (ensemble ? 1 : 0);
    std::vector<ClassificationMetrics> metrics(count, ClassificationMetrics(static_cast<std::int64_t>(labels.size())));
    constexpr std::size_t kBatch = 64;
    for (std::size_t first = 0; first < texts.size(); first += kBatch) {
        checkStop(options, options.data.path);
        const std::vector<std::string> batch(texts.begin() + static_cast<std::ptrdiff_t>(first),
                                             texts.begin() + static_cast<std::ptrdiff_t>(std::min(texts.size(), first + kBatch)));
        const auto results = members.classify(batch);
        for (std::size_t i = 0; i < results.size(); ++i) {
            const auto actualLabel = actual[first + i];
            for (std::size_t m = 0; m < members.members(); ++m)
                metrics[m].add(actualLabel, static_cast<std::int64_t>(mostLikely(results[i].members[m])));
            if (ensemble)
                metrics.back().add(actualLabel, static_cast<std::int64_t>(mostLikely(results[i].average)));
        }
        progress(options, static_cast<std::int64_t>(first + batch.size()), static_cast<std::int64_t>(texts.size()));
    }
    std::vector<EvaluationReport> reports;
    for (const auto &m : metrics) {
        auto report = base;
        report.skipped = skipped;
        report.examples = static_cast<std::int64_t>(texts.size());
        report.metrics = {{"accuracy", m.accuracy()}, {"macro_f1", m.macroF1()}};
        report.labels = labels;
        report.confusion = m.confusion();
        reports.push_back(std::move(report));
    }
    return reports;
}

bool hasChinese(const std::vector<std::string> &texts)
{
    // UTF-8 lead bytes 0xE4-0xE9 start U+4E00-U+9FFF, the CJK unified ideographs.
    for (const auto &text : texts)
        for (const unsigned char c : text)
            if (c >= 0xE4 && c <= 0xE9)
                return true;
    return false;
}

void generation(const std::string &modelPath, const EvaluationOptions &options, EvaluationReport &report)
{
    const auto generator = TextGenerator::open(modelPath);
    if (!generator.chatTemplate())
        throw Error(ErrorKind::Unsupported, modelPath,
                    "has no chat template, so instruction rows cannot be put to it; evaluate perplexity instead");
    auto examples = readExamples(options, DatasetKind::Auto, report.skipped);
    std::vector<std::string> answers, references, prompts;
    for (std::size_t i = 0; i < examples.size(); ++i) {
        checkStop(options, options.data.path);
        const auto &turns = examples[i].turns;
        if (turns.size() < 2 || turns.back().role != "assistant") {
            ++report.skipped; // plain text or classification rows have no reference answer
            continue;
        }
        auto messages = nlohmann::ordered_json::array();
        for (std::size_t t = 0; t + 1 < turns.size(); ++t)
            messages.push_back({{"role", turns[t].role}, {"content", turns[t].content}});
        GenerationRequest request;
        request.promptIds = generator.encodeChat(messages);
        request.maxNewTokens = options.maxNewTokens;
        request.sampling.temperature = 0; // greedy: the same report every time
        answers.push_back(generator.generate(request).text);
        references.push_back(turns.back().content);
        prompts.push_back(turns[turns.size() - 2].content);
        progress(options, static_cast<std::int64_t>(i + 1), static_cast<std::int64_t>(examples.size()));
    }
    if (answers.empty())
        throw Error(ErrorKind::InvalidInput, options.data.path,
                    "has no instruction or chat row ending in an answer to compare with");
    const bool chinese = hasChinese(references);
    BleuOptions bleuOptions;
    bleuOptions.tokenizer = chinese ? BleuTokenizer::Zh : BleuTokenizer::Mteval13a;
    std::vector<std::vector<std::string>> referenceSets;
    for (const auto &reference : references)
        referenceSets.push_back({reference});
    const auto bleu = corpusBleu(answers, referenceSets, bleuOptions);
    RougeOptions rougeOptions;
    rougeOptions.tokenizer = chinese ? RougeTokenizer::Unicode : RougeTokenizer::Default;
    const auto rouge = corpusRougeL(answers, references, rougeOptions);
    report.examples = static_cast<std::int64_t>(answers.size());
    report.metrics = {{"bleu", bleu.score}, {"bleu_brevity_penalty", bleu.brevityPenalty}, {"rouge_l", rouge.f1}};
    for (std::size_t i = 0; i < answers.size() && i < options.samplesKept; ++i)
        report.samples.push_back({prompts[i], references[i], answers[i]});
}

} // namespace

namespace {

EvaluationReport startedReport(const EvaluationOptions &options)
{
    EvaluationReport report;
    report.task = options.task;
    report.dataset = std::filesystem::path(options.data.path).filename().string();
    report.datasetSha256 = fingerprintDataset(options.data.path, options.stop).sha256;
    return report;
}

void finish(EvaluationReport &report, std::chrono::steady_clock::time_point started)
{
    report.createdMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

} // namespace

EvaluationReport evaluateModel(const std::string &modelPath, const EvaluationOptions &options)
{
    const auto started = std::chrono::steady_clock::now();
    auto report = startedReport(options);
    switch (options.task) {
    case EvaluationTask::Perplexity: perplexity(modelPath, options, report); break;
    case EvaluationTask::Classification: report = classification({modelPath}, options, report).front(); break;
    case EvaluationTask::Generation: generation(modelPath, options, report); break;
    }
    finish(report, started);
    return report;
}

std::vector<EvaluationReport> evaluateEnsemble(const std::vector<std::string> &modelPaths, const EvaluationOptions &options)
{
    if (modelPaths.size() < 2)
        throw Error(ErrorKind::InvalidInput, "ensemble", "an ensemble needs two or more classifiers");
    if (options.task != EvaluationTask::Classification)
        throw Error(ErrorKind::InvalidInput, "ensemble", "ensembles are evaluated on classification");
    const auto started = std::chrono::steady_clock::now();
    auto reports = classification(modelPaths, options, startedReport(options));
    for (auto &report : reports)
        finish(report, started);
    return reports;
}

} // namespace llmos
