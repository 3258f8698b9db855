// llmos runs list|show|resume|export-metrics: training and other job runs kept under
// $LLMOS_HOME/runs, from a terminal.

#include "cli/commandline.h"

#include "jobs/metricscsv.h"
#include "jobs/runstore.h"
#include "registry/registryid.h"
#include "util/atomicfile.h"
#include "util/error.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <sstream>

namespace llmos::cli {

namespace {

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

QString timeText(std::int64_t unixMs)
{
    return unixMs > 0 ? q(isoTimeUtc(unixMs / 1000)) : QStringLiteral("-");
}

void checkArguments(const QStringList &positional, qsizetype count, const QString &usage)
{
    if (positional.size() != count + 1)
        throw UsageError{CommandContext::tr("usage: llmos runs %1").arg(usage)};
}

void warn(const QString &text)
{
    QTextStream(stderr) << "llmos: " << text << '\n';
}

// Runs a dead process left queued or running become interrupted before anyone looks.
void recover(const RunStore &store)
{
    for (const auto &problem : store.recoverInterrupted().problems)
        warn(CommandContext::tr("could not mark a run as interrupted: %1").arg(q(problem)));
}

nlohmann::json metricsJson(std::int64_t step, double epoch, const MetricValues &values)
{
    // The event encoding, so NaN and infinities read the same as in events.jsonl.
    const auto values_ = toJson(JobEvent{"", 0, 0, StepMetrics{step, epoch, values}});
    return {{"step", step}, {"epoch", values_.at("epoch")}, {"values", values_.at("values")}};
}

QString metricsText(const MetricValues &values)
{
    QStringList parts;
    for (const auto &[name, v] : values)
        parts << QStringLiteral("%1=%2").arg(q(name)).arg(v, 0, 'g', 6);
    return parts.join(QStringLiteral(" "));
}

int runList(CommandContext &ctx, const RunStore &store)
{
    checkArguments(ctx.parser().positionalArguments(), 0, QStringLiteral("list"));
    recover(store);
    const auto runs = store.list();
    if (ctx.json()) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto &r : runs)
            list.push_back(r.state ? toJson(*r.state) : nlohmann::json{{"id", r.id}, {"state", "damaged"}, {"damage", r.damage}});
        ctx.printJson({{"runs", std::move(list)}});
        return 0;
    }
    if (runs.empty()) {
        ctx.printLine(CommandContext::tr("No runs yet. Runs appear here when a training job starts."));
        return 0;
    }
    ctx.printLine(QStringLiteral("%1  %2 %3 %4 %5 %6")
                      .arg(CommandContext::tr("ID"), -14)
                      .arg(CommandContext::tr("NAME"), -24)
                      .arg(CommandContext::tr("KIND"), -8)
                      .arg(CommandContext::tr("STATE"), -11)
                      .arg(CommandContext::tr("CREATED"), -20)
                      .arg(CommandContext::tr("REASON")));
    for (const auto &r : runs) {
        if (!r.state) {
            ctx.printLine(QStringLiteral("%1  %2 %3").arg(q(r.id), -14).arg(CommandContext::tr("[damaged]"), -65).arg(q(r.damage)));
            continue;
        }
        const RunState &s = *r.state;
        ctx.printLine(QStringLiteral("%1  %2 %3 %4 %5 %6")
                          .arg(q(s.id), -14)
                          .arg(q(s.name), -24)
                          .arg(q(s.kind), -8)
                          .arg(QLatin1String(jobStateName(s.state)), -11)
                          .arg(timeText(s.createdMs), -20)
                          .arg(q(s.reason)));
    }
    return 0;
}

int runShow(CommandContext &ctx, const RunStore &store)
{
    const QStringList args = ctx.parser().positionalArguments();
    checkArguments(args, 1, QStringLiteral("show ID"));
    const std::string id = args.at(1).toStdString();
    recover(store);
    const RunState state = store.readState(id);
    nlohmann::json recipe;
    std::string recipeProblem;
    try {
        recipe = store.readRecipe(id);
    } catch (const Error &e) {
        recipeProblem = e.what();
    }
    const EventLog log = store.readEvents(id);
    const StepMetrics *lastStep = nullptr;
    const EvalMetrics *lastEval = nullptr;
    for (const auto &e : log.events) {
        if (const auto *s = std::get_if<StepMetrics>(&e.payload))
            lastStep = s;
        else if (const auto *m = std::get_if<EvalMetrics>(&e.payload))
            lastEval = m;
    }
    const auto checkpoints = store.checkpoints(id);
    std::vector<std::string> warnings = log.warnings;
    if (!recipeProblem.empty())
        warnings.push_back(recipeProblem);

    if (ctx.json()) {
        nlohmann::json out = toJson(state);
        out["recipe"] = recipe;
        out["last_step"] = lastStep ? metricsJson(lastStep->step, lastStep->epoch, lastStep->values) : nlohmann::json();
        out["last_eval"] = lastEval ? metricsJson(lastEval->step, lastEval->epoch, lastEval->values) : nlohmann::json();
        out["checkpoints"] = checkpoints;
        out["events"] = log.events.size();
        out["warnings"] = warnings;
        ctx.printJson(out);
        return 0;
    }
    auto field = [&](const QString &label, const QString &value) {
        if (!value.isEmpty())
            ctx.printLine(QStringLiteral("%1 %2").arg(label, -14).arg(value));
    };
    field(CommandContext::tr("id:"), q(state.id));
    field(CommandContext::tr("name:"), q(state.name));
    field(CommandContext::tr("kind:"), q(state.kind));
    field(CommandContext::tr("state:"), QLatin1String(jobStateName(state.state)));
    field(CommandContext::tr("reason:"), q(state.reason));
    field(CommandContext::tr("priority:"), QString::number(state.priority));
    field(CommandContext::tr("memory:"), humanBytes(state.memoryEstimateBytes));
    field(CommandContext::tr("threads:"), QString::number(state.threads));
    field(CommandContext::tr("created:"), timeText(state.createdMs));
    field(CommandContext::tr("started:"), timeText(state.startedMs));
    field(CommandContext::tr("stopped:"), timeText(state.finishedMs));
    if (lastStep)
        field(CommandContext::tr("last step:"),
              CommandContext::tr("%1 (epoch %2): %3").arg(lastStep->step).arg(lastStep->epoch).arg(metricsText(lastStep->values)));
    if (lastEval)
        field(CommandContext::tr("last eval:"),
              CommandContext::tr("%1 (epoch %2): %3").arg(lastEval->step).arg(lastEval->epoch).arg(metricsText(lastEval->values)));
    field(CommandContext::tr("final:"), metricsText(state.finalMetrics));
    field(CommandContext::tr("events:"), QString::number(log.events.size()));
    ctx.printLine(CommandContext::tr("checkpoints:"));
    if (checkpoints.empty())
        ctx.printLine(CommandContext::tr("  (none)"));
    for (const auto &c : checkpoints)
        ctx.printLine(QStringLiteral("  %1").arg(q(c)));
    ctx.printLine(CommandContext::tr("recipe:"));
    ctx.printLine(recipe.is_null() ? CommandContext::tr("  (unreadable)") : q(recipe.dump(2)));
    for (const auto &w : warnings)
        field(CommandContext::tr("warning:"), q(w));
    return 0;
}

int runExportMetrics(CommandContext &ctx, const RunStore &store)
{
    const QStringList args = ctx.parser().positionalArguments();
    checkArguments(args, 1, QStringLiteral("export-metrics ID [--output FILE.csv]"));
    const std::string id = args.at(1).toStdString();
    store.readState(id); // an unknown or damaged run says so, rather than an empty CSV
    const EventLog log = store.readEvents(id);
    for (const auto &w : log.warnings)
        warn(q(w));
    std::ostringstream csv;
    writeMetricsCsv(log.events, csv);
    const QString output = ctx.parser().value(QStringLiteral("output"));
    if (output.isEmpty()) {
        std::fputs(csv.str().c_str(), stdout);
        return 0;
    }
    writeFileAtomically(output.toStdString(), csv.str());
    if (ctx.json()) {
        ctx.printJson({{"id", id}, {"output", output.toStdString()}, {"warnings", log.warnings}});
        return 0;
    }
    ctx.printLine(CommandContext::tr("Wrote the metrics of %1 to %2.").arg(q(id), output));
    return 0;
}

int runResume(CommandContext &ctx, const RunStore &store)
{
    const QStringList args = ctx.parser().positionalArguments();
    checkArguments(args, 1, QStringLiteral("resume ID"));
    store.readState(args.at(1).toStdString()); // an unknown run says so before anything starts
    return resumeTrainingRun(ctx, args.at(1).toStdString());
}

int runRuns(CommandContext &ctx)
{
    const QStringList args = ctx.parser().positionalArguments();
    if (args.isEmpty())
        throw UsageError{CommandContext::tr("runs needs a subverb: list, show, resume or export-metrics")};
    const QString sub = args.front();
    if (ctx.parser().isSet(QStringLiteral("output")) && sub != QLatin1String("export-metrics"))
        throw UsageError{CommandContext::tr("--output does not apply to 'runs %1'").arg(sub)};
    if (ctx.parser().isSet(QStringLiteral("threads")) && sub != QLatin1String("resume"))
        throw UsageError{CommandContext::tr("--threads does not apply to 'runs %1'").arg(sub)};
    using Run = int (*)(CommandContext &, const RunStore &);
    static const std::map<QString, Run> subverbs{
        {QStringLiteral("list"), runList},
        {QStringLiteral("show"), runShow},
        {QStringLiteral("resume"), runResume},
        {QStringLiteral("export-metrics"), runExportMetrics},
    };
    const auto it = subverbs.find(sub);
    if (it == subverbs.end())
        throw UsageError{CommandContext::tr("unknown subverb 'runs %1' (list, show, resume, export-metrics)").arg(sub)};
    return it->second(ctx, RunStore::inDataDirectory());
}

} // namespace

Command runsCommand()
{
    return {"runs",
            QT_TRANSLATE_NOOP("Commands", "Training and job runs: list, show, resume, export-metrics."),
            [](QCommandLineParser &p) {
                p.addPositionalArgument(QStringLiteral("SUBVERB"),
                                        QCoreApplication::translate("Commands", "list, show, resume or export-metrics."));
                p.addPositionalArgument(QStringLiteral("ID"), QCoreApplication::translate("Commands", "A run id."),
                                        QStringLiteral("[ID]"));
                p.addOption({QStringLiteral("output"),
                             QCoreApplication::translate("Commands", "export-metrics: write the CSV to this file instead of stdout."),
                             QStringLiteral("FILE")});
                addThreadsOption(p);
            },
            runRuns};
}

} // namespace llmos::cli
