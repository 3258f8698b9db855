#include "services/sweepcatalog.h"

#include "services/trainedoutput.h"

#include "jobs/runstore.h"
#include "registry/modelregistry.h"
#include "sweep/pruner.h"
#include "sweep/sweepfolder.h"
#include "sweep/sweepjournal.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace llmos {

namespace {

std::string readStatus(const std::string &folder)
{
    std::ifstream in(folder + "/status.json");
    if (!in)
        return "running";
    try {
        return nlohmann::json::parse(in).value("status", "running");
    } catch (const nlohmann::json::exception &) {
        return "running";
    }
}

SweepSummary summarise(const std::string &id, const std::string &folder, const SweepSpec &spec, const SweepState &state)
{
    SweepSummary s;
    s.id = id;
    s.name = spec.name;
    s.status = readStatus(folder);
    s.strategy = strategyKindName(spec.strategy.kind);
    if (spec.pruner.kind != PrunerKind::None)
        s.strategy += std::string(" + ") + prunerKindName(spec.pruner.kind);
    s.objective = spec.objective;
    s.trials = static_cast<int>(state.trials.size());
    for (const auto &trial : state.trials) {
        switch (trial.state) {
        case TrialState::Succeeded: ++s.succeeded; break;
        case TrialState::Pruned: ++s.pruned; break;
        case TrialState::Failed:
        case TrialState::Cancelled: ++s.failed; break;
        case TrialState::Running: ++s.unfinished; break;
        }
    }
    s.best = bestTrial(state.trials, spec.objective);
    return s;
}

std::string checkedFolder(const std::string &home, const std::string &id)
{
    if (!isSafeSweepId(id))
        throw Error(ErrorKind::InvalidInput, "sweep " + id, "is not a sweep id (s-...)");
    const auto folder = sweepFolderPath(home, id);
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw Error(ErrorKind::NotFound, "sweep " + id, "does not exist (llmos sweeps list shows the sweeps)");
    return folder;
}

} // namespace

nlohmann::json toJson(const SweepSummary &s)
{
    nlohmann::json out = {{"id", s.id},
                          {"name", s.name},
                          {"status", s.status},
                          {"strategy", s.strategy},
                          {"metric", s.objective.metric},
                          {"direction", objectiveDirectionName(s.objective.direction)},
                          {"trials", s.trials},
                          {"succeeded", s.succeeded},
                          {"pruned", s.pruned},
                          {"failed", s.failed},
                          {"unfinished", s.unfinished}};
    if (s.best) {
        out["best_trial"] = s.best->number;
        out["best_objective"] = s.best->objective ? nlohmann::json(*s.best->objective) : nlohmann::json();
        out["best_run_id"] = s.best->runId;
    }
    return out;
}

nlohmann::json toJson(const SweepReport &report)
{
    auto out = toJson(report.summary);
    nlohmann::json rows = nlohmann::json::array();
    for (const auto &row : report.leaderboard)
        rows.push_back({{"trial", row.trial},
                        {"parameters", assignmentToJson(row.parameters)},
                        {"objective", row.objective ? nlohmann::json(*row.objective) : nlohmann::json()},
                        {"state", trialStateName(row.state)},
                        {"step", row.step},
                        {"seconds", row.seconds},
                        {"run_id", row.runId},
                        {"reason", row.reason}});
    out["leaderboard"] = rows;
    nlohmann::json importance = nlohmann::json::array();
    for (const auto &p : report.importance.parameters)
        importance.push_back({{"parameter", p.path}, {"share", p.share}, {"explained", p.explained}});
    out["importance"] = importance;
    out["importance_note"] = report.importance.reason;
    out["warnings"] = report.warnings;
    return out;
}

std::vector<SweepSummary> listSweeps(const std::string &home)
{
    std::vector<std::pair<fs::file_time_type, SweepSummary>> found;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(fs::path(home) / "sweeps", ec)) {
        const auto id = entry.path().filename().string();
        if (!entry.is_directory() || !isSafeSweepId(id))
            continue;
        SweepSummary summary;
        try {
            summary = summarise(id, entry.path().string(), loadSweepFolder(entry.path().string()),
                                replaySweepJournal(entry.path().string()));
        } catch (const Error &e) {
            summary.id = id;
            summary.status = std::string("unreadable: ") + e.what();
        }
        std::error_code timeError;
        found.emplace_back(fs::last_write_time(entry.path(), timeError), std::move(summary));
    }
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    std::vector<SweepSummary> sweeps;
    for (auto &[time, summary] : found)
        sweeps.push_back(std::move(summary));
    return sweeps;
}

SweepReport readSweep(const std::string &home, const std::string &id)
{
    const auto folder = checkedFolder(home, id);
    SweepReport report;
    report.spec = loadSweepFolder(folder);
    const auto state = replaySweepJournal(folder);
    report.summary = summarise(id, folder, report.spec, state);
    report.leaderboard = leaderboard(state.trials, report.spec.objective);
    report.importance = parameterImportance(report.spec.space, state.trials);
    report.warnings = state.warnings;
    return report;
}

ModelRecord promoteBestTrial(ModelRegistry &registry, const std::string &home, const std::string &id,
                             const std::string &name)
{
    const auto report = readSweep(home, id);
    const auto &best = report.summary.best;
    if (!best)
        throw Error(ErrorKind::NotFound, "sweep " + id, "has no succeeded trial to promote yet");
    RegistrationOverrides overrides;
    overrides.name = name.empty() ? report.spec.name + "-best" : name;
    overrides.descriptionSuffix = "; best of sweep " + id + " (trial " + std::to_string(best->number) + ", "
                                  + report.spec.objective.metric + " " + formatMetric(best->objective.value_or(0)) + ")";
    overrides.tags = {"sweep", "sweep:" + id};
    const RunStore runs((fs::path(home) / "runs").string());
    return registerTrainedOutput(registry, runs.runDirectory(best->runId), overrides);
}

} // namespace llmos
