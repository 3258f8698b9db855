#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace llmos {

// What an evaluation measures: next-token perplexity on text, labels on labelled text, or
// generated answers against references.
enum class EvaluationTask { Perplexity, Classification, Generation };
const char *evaluationTaskName(EvaluationTask task) noexcept;
// nullopt-like: throws Error(InvalidInput) naming the accepted words.
EvaluationTask parseEvaluationTask(const std::string &name);

// One evaluation of one model on one dataset, as `llmos eval` prints it and the data
// folder keeps it (evaluations/<model id>/<report id>.json). The metrics by task:
//   perplexity:     perplexity, loss (mean negative log-likelihood per token), tokens
//   classification: accuracy, macro_f1 (and the confusion matrix over `labels`)
//   generation:     bleu (0-100, sacreBLEU's corpus BLEU), rouge_l (F1, 0-1), and the
//                   BLEU's brevity penalty
struct EvaluationReport {
    std::string id;        // "ev-" + 12 base-32 characters
    std::string modelId;   // the registered model's id; empty for a folder outside the registry
    std::string modelName;
    EvaluationTask task = EvaluationTask::Perplexity;
    std::string dataset;       // the data file's name (not its folder: reports travel)
    std::string datasetSha256; // of its content, so reports on the same data compare
    std::int64_t examples = 0; // rows evaluated
    std::int64_t skipped = 0;  // rows that could not be used (bad, or a label the model lacks)
    std::map<std::string, double> metrics;
    std::vector<std::string> labels;               // classification: the model's labels
    std::vector<std::vector<std::int64_t>> confusion; // [actual][predicted] over `labels`
    // Generation: a few answers next to their references, to read.
    struct Sample {
        std::string prompt, reference, answer;
    };
    std::vector<Sample> samples;
    std::int64_t createdMs = 0;
    double seconds = 0;
};

// A metric's value as reports show it: counts whole, BLEU and perplexity with two
// decimals, the rest (losses, shares) with four.
std::string formatMetric(const std::string &name, double value);
// The headline figures, "name value" joined by `separator`, in name order: every metric
// but the details (the token count, BLEU's brevity penalty) that `llmos eval` prints too.
std::string metricsSummary(const EvaluationReport &report, const std::string &separator);

// Whether the bigger value of `metric` is the better one: lower is better for perplexity
// and losses, higher for the rest (accuracy, F1, BLEU, ROUGE-L).
bool higherIsBetter(const std::string &metric);

// One metric across reports put side by side, as `llmos eval compare` prints them and the
// window's Compare dialog shows them.
struct MetricComparison {
    std::string metric;
    std::vector<std::optional<double>> values; // per report, in their order; nullopt: it lacks the metric
    // Per report: whether it holds the best value of the row (ties all do). None does for a
    // detail (the token count, BLEU's brevity penalty), nor where fewer than two values
    // differ: there is nothing to prefer.
    std::vector<bool> best;
};
// A row for each metric any of `reports` has, in name order.
std::vector<MetricComparison> compareMetrics(const std::vector<EvaluationReport> &reports);

nlohmann::json toJson(const EvaluationReport &report);
// Error(Format) naming the field, for a damaged report.
EvaluationReport evaluationReportFromJson(const nlohmann::json &json, const std::string &where);

// The reports of each model: one JSON file per report under `folder`/<model id>/, written
// atomically. Plain file I/O: callers run it off the GUI thread.
class EvaluationStore {
public:
    explicit EvaluationStore(std::string folder);
    // Error(Io) when it cannot be written (the disk is full); nothing half written stays.
    void save(const EvaluationReport &report) const;
    // Newest first; damaged files are left out.
    std::vector<EvaluationReport> reportsOf(const std::string &modelId) const;
    // Any model's report by id; Error(NotFound) when there is none.
    EvaluationReport find(const std::string &reportId) const;
    // Every model's reports made for `task` on the data whose content hashes to
    // `datasetSha256` (the ones whose figures compare), newest first; damaged files are
    // left out. None for an empty hash: it says nothing about the data.
    std::vector<EvaluationReport> reportsOnData(const std::string &datasetSha256, EvaluationTask task) const;

private:
    std::string m_folder;
};

} // namespace llmos
