// llmos sweep SWEEP.json and llmos sweeps list|show|resume|promote: hyperparameter
// sweeps (docs/sweeps.md) run in the foreground as training jobs of this process.

#include "cli/commandline.h"
#include "cli/interruptscope.h"
#include "cli/registryopen.h"
#include "cli/runfollower.h"

#include "registry/modelregistry.h"
#include "runtime/datadirectory.h"
#include "services/sweepcatalog.h"
#include "services/sweeprunner.h"
#include "services/trainingjobs.h"
#include "sweep/pruner.h"
#include "sweep/sweepfile.h"
#include "sweep/sweepfolder.h"
#include "util/error.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <map>

namespace llmos::cli {

namespace {

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

QString objectiveText(const nlohmann::json &value)
{
    return value.is_number() ? QString::number(value.get<double>(), 'g', 6) : QStringLiteral("-");
}

// Prints the runner's events: --json one object per line, else a line for people.
class SweepPrinter {
public:
    SweepPrinter(CommandContext &ctx, const SweepSpec &spec, std::string id)
        : m_ctx(ctx), m_spec(spec), m_id(std::move(id))
    {
    }

    void operator()(const nlohmann::json &event) const
    {
        if (m_ctx.json()) {
            std::fputs((event.dump() + "\n").c_str(), stdout);
            std::fflush(stdout);
            return;
        }
        const auto kind = event.value("event", "");
        const auto trial = QString::number(event.value("trial", -1));
        if (kind == "trial_started") {
            const auto parameters = assignmentFromJson(event.at("parameters"), "parameters");
            m_ctx.printLine(CommandContext::tr("trial %1 (run %2): %3")
                                .arg(trial, q(event.value("run_id", "")), q(describeAssignment(m_spec.space, parameters))));
        } else if (kind == "trial_report") {
            m_ctx.printLine(CommandContext::tr("trial %1 at step %2: %3 %4")
                                .arg(trial).arg(event.value("step", 0)).arg(q(m_spec.objective.metric))
                                .arg(objectiveText(event.at("value"))));
        } else if (kind == "trial_pruned") {
            m_ctx.printLine(CommandContext::tr("trial %1 stopped early: %2").arg(trial, q(event.value("reason", ""))));
        } else if (kind == "trial_finished") {
            const auto state = event.value("state", "");
            if (state == "succeeded")
                m_ctx.printLine(CommandContext::tr("trial %1 finished: %2 %3 (%4 s)")
                                    .arg(trial, q(m_spec.objective.metric), objectiveText(event.at("objective")))
                                    .arg(event.value("seconds", 0.0), 0, 'f', 0));
            else
                m_ctx.printLine(CommandContext::tr("trial %1 %2: %3").arg(trial, q(state), q(event.value("reason", ""))));
        } else if (kind == "log") {
            m_ctx.printLine(q(event.value("text", "")));
        } else if (kind == "sweep_finished") {
            printEnd(event);
        }
    }

private:
    void printEnd(const nlohmann::json &event) const
    {
        const auto trials = event.value("trials", 0);
        if (event.value("status", "") == "stopped") {
            m_ctx.printLine(CommandContext::tr("Sweep %1 stopped after %2 trials; continue it with: llmos sweeps resume %1")
                                .arg(q(m_id)).arg(trials));
        } else if (event.contains("best_trial")) {
            m_ctx.printLine(CommandContext::tr("Sweep %1 finished: %2 trials; the best is trial %3 with %4 %5. "
                                               "Register it with: llmos sweeps promote %1")
                                .arg(q(m_id)).arg(trials).arg(event.value("best_trial", 0))
                                .arg(q(m_spec.objective.metric), objectiveText(event.at("best_objective"))));
        } else {
            m_ctx.printLine(CommandContext::tr("Sweep %1 finished: %2 trials, none of them succeeded.").arg(q(m_id)).arg(trials));
        }
    }

    CommandContext &m_ctx;
    const SweepSpec &m_spec;
    std::string m_id;
};

// Runs sweep `id` (a new one from `spec` when empty) to its end in this process, with
// one worker per concurrent trial sharing the threads; Ctrl-C pauses its trials.
int runSweep(CommandContext &ctx, const SweepSpec &spec, std::string id)
{
    const int threads = threadsOption(ctx);
    const int concurrent = static_cast<int>(std::max<std::int64_t>(1, spec.budget.maxConcurrent));
    JobScheduler scheduler = foregroundScheduler(threads, concurrent);
    TrainingJobs training(scheduler, dataDirectory(), std::max(1, threads / concurrent));
    SweepRunner runner(scheduler, training, dataDirectory());
    if (id.empty()) {
        id = runner.create(spec);
        if (!ctx.json())
            ctx.printLine(CommandContext::tr("Sweep %1 started; its folder is %2")
                              .arg(q(id), q(sweepFolderPath(dataDirectory(), id))));
    }
    InterruptScope interrupt;
    const SweepPrinter printer(ctx, spec, id);
    SweepRunOptions options;
    options.onEvent = [&printer](const nlohmann::json &event) { printer(event); };
    options.stopRequested = [] { return InterruptScope::interrupted(); };
    return runner.run(id, options) == SweepOutcome::Finished ? 0 : 1;
}

int runSweepFile(CommandContext &ctx)
{
    const QStringList args = ctx.parser().positionalArguments();
    if (args.size() != 1)
        throw UsageError{CommandContext::tr("usage: llmos sweep SWEEP.json [--json] [--threads N]")};
    return runSweep(ctx, loadSweepFile(args.front().toStdString()), {});
}

std::string sweepIdArgument(CommandContext &ctx, const QString &usage)
{
    const QStringList args = ctx.parser().positionalArguments();
    if (args.size() != 2)
        throw UsageError{CommandContext::tr("usage: llmos sweeps %1").arg(usage)};
    return args.at(1).toStdString();
}

QString bestText(const SweepSummary &s)
{
    if (!s.best || !s.best->objective)
        return QStringLiteral("-");
    return QStringLiteral("%1 (trial %2)").arg(*s.best->objective, 0, 'g', 6).arg(s.best->number);
}

int runList(CommandContext &ctx)
{
    const auto sweeps = listSweeps(dataDirectory());
    if (ctx.json()) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto &s : sweeps)
            list.push_back(toJson(s));
        ctx.printJson({{"sweeps", list}});
        return 0;
    }
    if (sweeps.empty()) {
        ctx.printLine(CommandContext::tr("No sweeps yet: llmos sweep SWEEP.json starts one (docs/sweeps.md)."));
        return 0;
    }
    ctx.printLine(QStringLiteral("%1  %2 %3 %4 %5 %6").arg(CommandContext::tr("ID"), -14).arg(CommandContext::tr("NAME"), -24)
                      .arg(CommandContext::tr("STATUS"), -9).arg(CommandContext::tr("STRATEGY"), -18)
                      .arg(CommandContext::tr("TRIALS"), -7).arg(CommandContext::tr("BEST")));
    for (const auto &s : sweeps)
        ctx.printLine(QStringLiteral("%1  %2 %3 %4 %5 %6").arg(q(s.id), -14).arg(q(s.name), -24).arg(q(s.status), -9)
                          .arg(q(s.strategy), -18).arg(s.trials, -7).arg(bestText(s)));
    return 0;
}

int runShow(CommandContext &ctx)
{
    const auto id = sweepIdArgument(ctx, QStringLiteral("show ID"));
    const auto report = readSweep(dataDirectory(), id);
    if (ctx.json()) {
        ctx.printJson(toJson(report));
        return 0;
    }
    const auto &s = report.summary;
    ctx.printLine(CommandContext::tr("sweep %1 (%2): %3, %4; %5 %6")
                      .arg(q(s.id), q(s.name), q(s.status), q(s.strategy), q(s.objective.metric),
                           q(objectiveDirectionName(s.objective.direction))));
    ctx.printLine(CommandContext::tr("%1 trials: %2 succeeded, %3 stopped early, %4 failed or cancelled, %5 unfinished")
                      .arg(s.trials).arg(s.succeeded).arg(s.pruned).arg(s.failed).arg(s.unfinished));
    ctx.printLine(QString());
    ctx.printLine(QStringLiteral("%1 %2 %3 %4 %5  %6").arg(CommandContext::tr("TRIAL"), -6).arg(q(s.objective.metric), -12)
                      .arg(CommandContext::tr("STATE"), -10).arg(CommandContext::tr("STEP"), -7)
                      .arg(CommandContext::tr("SECONDS"), -8).arg(CommandContext::tr("PARAMETERS")));
    for (const auto &row : report.leaderboard)
        ctx.printLine(QStringLiteral("%1 %2 %3 %4 %5  %6").arg(row.trial, -6)
                          .arg(row.objective ? QString::number(*row.objective, 'g', 6) : QStringLiteral("-"), -12)
                          .arg(q(trialStateName(row.state)), -10).arg(row.step, -7).arg(row.seconds, -8, 'f', 0)
                          .arg(q(describeAssignment(report.spec.space, row.parameters))));
    ctx.printLine(QString());
    if (report.importance.parameters.empty()) {
        ctx.printLine(CommandContext::tr("Parameter importance: %1").arg(q(report.importance.reason)));
    } else {
        ctx.printLine(CommandContext::tr("Parameter importance (share of what the parameters explain, from %1 trials):")
                          .arg(report.importance.trials));
        for (const auto &p : report.importance.parameters)
            ctx.printLine(QStringLiteral("  %1 %2%").arg(q(p.path), -28).arg(100.0 * p.share, 5, 'f', 1));
    }
    for (const auto &warning : report.warnings)
        ctx.printLine(CommandContext::tr("warning: %1").arg(q(warning)));
    return 0;
}

int runResume(CommandContext &ctx)
{
    const auto id = sweepIdArgument(ctx, QStringLiteral("resume ID"));
    const auto spec = readSweep(dataDirectory(), id).spec; // an unknown sweep says so first
    return runSweep(ctx, spec, id);
}

int runPromote(CommandContext &ctx)
{
    const auto id = sweepIdArgument(ctx, QStringLiteral("promote ID [--name NAME]"));
    ModelRegistry registry = openRegistry();
    const auto model = promoteBestTrial(registry, dataDirectory(), id, ctx.parser().value(QStringLiteral("name")).toStdString());
    if (ctx.json()) {
        ctx.printJson({{"id", model.id}, {"name", model.name}, {"sweep", id}});
        return 0;
    }
    ctx.printLine(CommandContext::tr("Registered the best trial of %1 as %2 (%3).").arg(q(id), q(model.name), q(model.id)));
    return 0;
}

int runSweeps(CommandContext &ctx)
{
    const QStringList args = ctx.parser().positionalArguments();
    if (args.isEmpty())
        throw UsageError{CommandContext::tr("sweeps needs a subverb: list, show, resume or promote")};
    const QString sub = args.front();
    static const std::map<QString, int (*)(CommandContext &)> subverbs{
        {QStringLiteral("list"), runList},
        {QStringLiteral("show"), runShow},
        {QStringLiteral("resume"), runResume},
        {QStringLiteral("promote"), runPromote},
    };
    const auto it = subverbs.find(sub);
    if (it == subverbs.end())
        throw UsageError{CommandContext::tr("unknown subverb 'sweeps %1' (list, show, resume, promote)").arg(sub)};
    return it->second(ctx);
}

} // namespace

Command sweepCommand()
{
    return {"sweep",
            QT_TRANSLATE_NOOP("Commands", "Search hyperparameters: run a sweep file (docs/sweeps.md) of training trials."),
            [](QCommandLineParser &p) {
                p.addPositionalArgument(QStringLiteral("SWEEP"), QCoreApplication::translate("Commands", "The sweep file."));
                addThreadsOption(p);
            },
            runSweepFile};
}

Command sweepsCommand()
{
    return {"sweeps",
            QT_TRANSLATE_NOOP("Commands", "Hyperparameter sweeps: list, show, resume, promote the best trial."),
            [](QCommandLineParser &p) {
                p.addPositionalArgument(QStringLiteral("SUBVERB"),
                                        QCoreApplication::translate("Commands", "list, show, resume or promote."));
                p.addPositionalArgument(QStringLiteral("ID"), QCoreApplication::translate("Commands", "A sweep id."),
                                        QStringLiteral("[ID]"));
                p.addOption({QStringLiteral("name"),
                             QCoreApplication::translate("Commands", "promote: the registered model's name (default: the sweep's name + \"-best\")."),
                             QStringLiteral("NAME")});
                addThreadsOption(p);
            },
            runSweeps};
}

} // namespace llmos::cli
