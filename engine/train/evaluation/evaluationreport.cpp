#include "evaluation/evaluationreport.h"

#include "util/atomicfile.h"
#include "util/error.h"
#include "util/randomid.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace llmos {

namespace fs = std::filesystem;
using nlohmann::json;

const char *evaluationTaskName(EvaluationTask task) noexcept
{
    switch (task) {
    case EvaluationTask::Perplexity: return "perplexity";
    case EvaluationTask::Classification: return "classification";
    case EvaluationTask::Generation: return "generation";
    }
    return "perplexity";
}

EvaluationTask parseEvaluationTask(const std::string &name)
{
    for (const auto task : {EvaluationTask::Perplexity, EvaluationTask::Classification, EvaluationTask::Generation})
        if (name == evaluationTaskName(task))
            return task;
    throw Error(ErrorKind::InvalidInput, "task", "'" + name + "' is not one of perplexity, classification, generation");
}

std::string formatMetric(const std::string &name, double value)
{
    if (name == "tokens")
        return std::to_string(std::llround(value));
    return fmt::format("{:.{}f}", value, name == "bleu" || name == "perplexity" ? 2 : 4);
}

namespace {

// Figures that describe how a report was made rather than how well the model did: left
// out of the summary, and never the "best" of a comparison.
bool isDetailMetric(const std::string &name)
{
    return name == "tokens" || name == "bleu_brevity_penalty";
}

} // namespace

std::string metricsSummary(const EvaluationReport &report, const std::string &separator)
{
    std::string summary;
    for (const auto &[name, value] : report.metrics) {
        if (isDetailMetric(name))
            continue;
        summary += (summary.empty() ? "" : separator) + name + " " + formatMetric(name, value);
    }
    return summary;
}

bool higherIsBetter(const std::string &metric)
{
    // "loss" also covers the names training logs use (eval_loss, val_loss).
    return metric != "perplexity" && metric.find("loss") == std::string::npos;
}

std::vector<MetricComparison> compareMetrics(const std::vector<EvaluationReport> &reports)
{
    std::set<std::string> names;
    for (const auto &report : reports)
        for (const auto &[name, value] : report.metrics)
            names.insert(name);
    std::vector<MetricComparison> rows;
    for (const auto &name : names) {
        MetricComparison row{name, {}, std::vector<bool>(reports.size(), false)};
        std::vector<double> present;
        for (const auto &report : reports) {
            const auto it = report.metrics.find(name);
            row.values.push_back(it == report.metrics.end() ? std::nullopt : std::optional<double>(it->second));
            if (row.values.back() && std::isfinite(*row.values.back()))
                present.push_back(*row.values.back());
        }
        if (!isDetailMetric(name) && present.size() >= 2) {
            const auto [lowest, highest] = std::minmax_element(present.begin(), present.end());
            if (*lowest != *highest) {
                const double best = higherIsBetter(name) ? *highest : *lowest;
                for (std::size_t i = 0; i < reports.size(); ++i)
                    row.best[i] = row.values[i] == best;
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

json toJson(const EvaluationReport &r)
{
    json samples = json::array();
    for (const auto &s : r.samples)
        samples.push_back({{"prompt", s.prompt}, {"reference", s.reference}, {"answer", s.answer}});
    return {{"version", 1},          {"id", r.id},
            {"model_id", r.modelId}, {"model_name", r.modelName},
            {"task", evaluationTaskName(r.task)},
            {"dataset", r.dataset},  {"dataset_sha256", r.datasetSha256},
            {"examples", r.examples}, {"skipped", r.skipped},
            {"metrics", r.metrics},  {"labels", r.labels},
            {"confusion", r.confusion}, {"samples", samples},
            {"created_ms", r.createdMs}, {"seconds", r.seconds}};
}

EvaluationReport evaluationReportFromJson(const json &j, const std::string &where)
{
    try {
        EvaluationReport r;
        r.id = j.at("id").get<std::string>();
        r.modelId = j.at("model_id").get<std::string>();
        r.modelName = j.at("model_name").get<std::string>();
        r.task = parseEvaluationTask(j.at("task").get<std::string>());
        r.dataset = j.at("dataset").get<std::string>();
        r.datasetSha256 = j.at("dataset_sha256").get<std::string>();
        r.examples = j.at("examples").get<std::int64_t>();
        r.skipped = j.at("skipped").get<std::int64_t>();
        r.metrics = j.at("metrics").get<std::map<std::string, double>>();
        r.labels = j.at("labels").get<std::vector<std::string>>();
        r.confusion = j.at("confusion").get<std::vector<std::vector<std::int64_t>>>();
        for (const auto &s : j.at("samples"))
            r.samples.push_back({s.at("prompt").get<std::string>(), s.at("reference").get<std::string>(),
                                 s.at("answer").get<std::string>()});
        r.createdMs = j.at("created_ms").get<std::int64_t>();
        r.seconds = j.at("seconds").get<double>();
        return r;
    } catch (const json::exception &e) {
        throw Error(ErrorKind::Format, where, std::string("not an evaluation report: ") + e.what());
    }
}

EvaluationStore::EvaluationStore(std::string folder) : m_folder(std::move(folder)) {}

void EvaluationStore::save(const EvaluationReport &report) const
{
    // Reports of models outside the registry are kept under "unregistered".
    const auto owner = report.modelId.empty() ? std::string("unregistered") : report.modelId;
    if (!isSafeFolderName(owner) || !isSafeFolderName(report.id))
        throw Error(ErrorKind::InvalidInput, report.id, "is not the id of an evaluation report");
    const auto folder = fs::path(m_folder) / owner;
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
        throw Error(ErrorKind::Io, folder.string(), "cannot create the folder: " + ec.message());
    writeFileAtomically((folder / (report.id + ".json")).string(), toJson(report).dump(1));
}

namespace {

void sortNewestFirst(std::vector<EvaluationReport> &reports)
{
    std::sort(reports.begin(), reports.end(), [](const auto &a, const auto &b) {
        return a.createdMs != b.createdMs ? a.createdMs > b.createdMs : a.id > b.id;
    });
}

std::vector<EvaluationReport> readFolder(const fs::path &folder)
{
    std::vector<EvaluationReport> reports;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() != ".json")
            continue;
        std::ifstream in(it->path());
        std::stringstream text;
        text << in.rdbuf();
        try {
            reports.push_back(evaluationReportFromJson(json::parse(text.str()), it->path().string()));
        } catch (const std::exception &) {
            // A damaged report is left out; the others are still worth showing.
        }
    }
    sortNewestFirst(reports);
    return reports;
}

// The reports of every model's folder under `store` that `keep` accepts, newest first.
template <typename Keep> std::vector<EvaluationReport> readEveryModel(const fs::path &store, Keep keep)
{
    std::vector<EvaluationReport> kept;
    std::error_code ec;
    for (fs::directory_iterator it(store, ec), end; !ec && it != end; it.increment(ec))
        for (auto &report : readFolder(it->path()))
            if (keep(report))
                kept.push_back(std::move(report));
    sortNewestFirst(kept);
    return kept;
}

} // namespace

std::vector<EvaluationReport> EvaluationStore::reportsOf(const std::string &modelId) const
{
    if (!isSafeFolderName(modelId))
        return {};
    return readFolder(fs::path(m_folder) / modelId);
}

EvaluationReport EvaluationStore::find(const std::string &reportId) const
{
    if (isSafeFolderName(reportId)) {
        auto found = readEveryModel(m_folder, [&](const EvaluationReport &r) { return r.id == reportId; });
        if (!found.empty())
            return std::move(found.front());
    }
    throw Error(ErrorKind::NotFound, reportId, "no evaluation report has this id");
}

std::vector<EvaluationReport> EvaluationStore::reportsOnData(const std::string &datasetSha256,
                                                             EvaluationTask task) const
{
    if (datasetSha256.empty())
        return {};
    return readEveryModel(m_folder, [&](const EvaluationReport &r) {
        return r.datasetSha256 == datasetSha256 && r.task == task;
    });
}

} // namespace llmos
