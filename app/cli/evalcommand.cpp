#include "cli/commandline.h"
#include "cli/interruptscope.h"
#include "cli/registryopen.h"

#include "evaluation/modelevaluation.h"
#include "registry/modelregistry.h"
#include "runtime/datadirectory.h"
#include "util/error.h"
#include "util/randomid.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <filesystem>
#include <map>
#include <set>

namespace llmos::cli {

namespace {

EvaluationStore store()
{
    return EvaluationStore((std::filesystem::path(dataDirectory()) / "evaluations").string());
}

QString metricText(const std::string &name, double value)
{
    return QString::fromStdString(formatMetric(name, value));
}

void printReport(CommandContext &ctx, const EvaluationReport &report)
{
    if (ctx.json()) {
        ctx.printJson(toJson(report));
        return;
    }
    ctx.printLine(CommandContext::tr("%1 on %2: %3 examples (%4 skipped), %5 s")
                      .arg(QString::fromStdString(report.modelName), QString::fromStdString(report.dataset))
                      .arg(report.examples)
                      .arg(report.skipped)
                      .arg(report.seconds, 0, 'f', 1));
    for (const auto &[name, value] : report.metrics)
        ctx.printLine(QStringLiteral("  %1  %2").arg(QString::fromStdString(name), -22).arg(metricText(name, value)));
    if (!report.confusion.empty()) {
        ctx.printLine(CommandContext::tr("confusion matrix (rows: actual, columns: predicted):"));
        QString header = QStringLiteral("  %1").arg(QString(), -14);
        for (const auto &label : report.labels)
            header += QStringLiteral(" %1").arg(QString::fromStdString(label).left(10), 10);
        ctx.printLine(header);
        for (std::size_t row = 0; row < report.confusion.size(); ++row) {
            QString line = QStringLiteral("  %1").arg(QString::fromStdString(report.labels[row]).left(14), -14);
            for (const auto count : report.confusion[row])
                line += QStringLiteral(" %1").arg(count, 10);
            ctx.printLine(line);
        }
    }
    for (const auto &sample : report.samples)
        ctx.printLine(CommandContext::tr("  asked: %1\n  wanted: %2\n  answered: %3")
                          .arg(QString::fromStdString(sample.prompt).left(200),
                               QString::fromStdString(sample.reference).left(200),
                               QString::fromStdString(sample.answer).left(200)));
    ctx.printLine(CommandContext::tr("report %1").arg(QString::fromStdString(report.id)));
}

int runEvaluation(CommandContext &ctx)
{
    const auto reference = ctx.required(QStringLiteral("model")).toStdString();
    const auto path = ctx.modelPath();
    EvaluationOptions options;
    options.data.path = ctx.required(QStringLiteral("data")).toStdString();
    options.task = parseEvaluationTask(ctx.parser().value(QStringLiteral("task")).isEmpty()
                                           ? std::string("perplexity")
                                           : ctx.parser().value(QStringLiteral("task")).toStdString());
    if (ctx.parser().isSet(QStringLiteral("text-field")))
        options.data.fields.text = ctx.parser().value(QStringLiteral("text-field")).toStdString();
    if (ctx.parser().isSet(QStringLiteral("label-field")))
        options.data.fields.label = ctx.parser().value(QStringLiteral("label-field")).toStdString();
    if (const auto limit = ctx.integer(QStringLiteral("limit"))) {
        if (*limit < 1)
            throw UsageError{CommandContext::tr("--limit must be at least 1")};
        options.maxExamples = *limit;
    }
    if (const auto tokens = ctx.integer(QStringLiteral("max-new-tokens"))) {
        if (*tokens < 1 || *tokens > 4096)
            throw UsageError{CommandContext::tr("--max-new-tokens must be between 1 and 4096")};
        options.maxNewTokens = *tokens;
    }
    const InterruptScope interrupt;
    std::stop_source stop;
    options.onProgress = [&](std::int64_t done, std::int64_t total) {
        if (InterruptScope::interrupted())
            stop.request_stop();
        if (!ctx.json())
            QTextStream(stderr) << "\r" << CommandContext::tr("evaluating: %1 of %2").arg(done).arg(total) << Qt::flush;
    };
    options.stop = stop.get_token();
    auto report = evaluateModel(path, options);
    if (!ctx.json())
        QTextStream(stderr) << "\n";
    report.id = randomId("ev-");
    report.modelName = std::filesystem::path(path).filename().string();
    // A registered model keeps its reports; a folder of its own gets them under "unregistered".
    if (!std::filesystem::exists(reference)) {
        const auto registry = openRegistry();
        if (const auto model = registry.find(reference)) {
            report.modelId = model->id;
            report.modelName = model->name;
        }
    }
    store().save(report);
    printReport(ctx, report);
    return 0;
}

int listReports(CommandContext &ctx)
{
    auto registry = openRegistry();
    const auto reference = ctx.required(QStringLiteral("model")).toStdString();
    const auto model = registry.find(reference);
    if (!model)
        throw Error(ErrorKind::NotFound, reference, "no registered model has this id or name");
    const auto reports = store().reportsOf(model->id);
    if (ctx.json()) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto &report : reports)
            list.push_back(toJson(report));
        ctx.printJson(list);
        return 0;
    }
    if (reports.empty())
        ctx.printLine(CommandContext::tr("%1 has no evaluation yet; run: llmos eval --model %1 --data FILE")
                          .arg(QString::fromStdString(model->name)));
    for (const auto &report : reports) {
        QString metrics;
        for (const auto &[name, value] : report.metrics)
            metrics += QStringLiteral("  %1=%2").arg(QString::fromStdString(name), metricText(name, value));
        ctx.printLine(QStringLiteral("%1  %2  %3 (%4)%5")
                          .arg(QString::fromStdString(report.id), QString::fromLatin1(evaluationTaskName(report.task)),
                               QString::fromStdString(report.dataset))
                          .arg(report.examples)
                          .arg(metrics));
    }
    return 0;
}

// Reports side by side: one column each, a row per metric any of them has.
int compareReports(CommandContext &ctx, const QStringList &ids)
{
    if (ids.size() < 2)
        throw UsageError{CommandContext::tr("compare needs two or more report ids (see: llmos eval list --model M)")};
    std::vector<EvaluationReport> reports;
    for (const auto &id : ids)
        reports.push_back(store().find(id.toStdString()));
    std::set<std::string> datasets;
    for (const auto &report : reports)
        datasets.insert(report.datasetSha256);
    if (ctx.json()) {
        nlohmann::json out{{"reports", nlohmann::json::array()}, {"same_data", datasets.size() == 1}};
        for (const auto &report : reports)
            out["reports"].push_back(toJson(report));
        ctx.printJson(out);
        return 0;
    }
    QString header = QStringLiteral("%1").arg(QString(), -22);
    for (const auto &report : reports)
        header += QStringLiteral(" %1").arg(QString::fromStdString(report.modelName).left(18), 18);
    ctx.printLine(header);
    for (const auto &row : compareMetrics(reports)) {
        QString line = QStringLiteral("%1").arg(QString::fromStdString(row.metric), -22);
        for (const auto &value : row.values)
            line += QStringLiteral(" %1").arg(value ? metricText(row.metric, *value) : QStringLiteral("-"), 18);
        ctx.printLine(line);
    }
    if (datasets.size() > 1)
        ctx.printLine(CommandContext::tr("note: these reports were made on different data; their figures do not compare"));
    return 0;
}

int runEval(CommandContext &ctx)
{
    const QStringList args = ctx.parser().positionalArguments();
    if (args.isEmpty())
        return runEvaluation(ctx);
    if (args.first() == QStringLiteral("list"))
        return listReports(ctx);
    if (args.first() == QStringLiteral("compare"))
        return compareReports(ctx, args.mid(1));
    throw UsageError{CommandContext::tr("unknown eval verb '%1': use list or compare, or none to evaluate").arg(args.first())};
}

} // namespace

Command evalCommand()
{
    return {"eval",
            QT_TRANSLATE_NOOP("Commands", "Evaluate a model on a dataset (perplexity, classification or generation); "
                                          "list and compare the reports."),
            [](QCommandLineParser &p) {
                p.addOption({QStringLiteral("model"),
                             QCoreApplication::translate("Commands", "A model folder, or the id or name of a registered one."),
                             QStringLiteral("PATH")});
                p.addOption({QStringLiteral("data"), QCoreApplication::translate("Commands", "The dataset file to evaluate on."),
                             QStringLiteral("FILE")});
                p.addOption({QStringLiteral("task"),
                             QCoreApplication::translate("Commands", "perplexity (default), classification or generation."),
                             QStringLiteral("TASK")});
                p.addOption({QStringLiteral("text-field"),
                             QCoreApplication::translate("Commands", "classification: the text column (default text)."),
                             QStringLiteral("NAME")});
                p.addOption({QStringLiteral("label-field"),
                             QCoreApplication::translate("Commands", "classification: the label column (default label)."),
                             QStringLiteral("NAME")});
                p.addOption({QStringLiteral("limit"),
                             QCoreApplication::translate("Commands", "Evaluate at most this many rows (blocks, for perplexity)."),
                             QStringLiteral("N")});
                p.addOption({QStringLiteral("max-new-tokens"),
                             QCoreApplication::translate("Commands", "generation: the longest answer (default 128)."),
                             QStringLiteral("N")});
                p.addPositionalArgument(QStringLiteral("VERB"),
                                        QCoreApplication::translate("Commands", "list (--model M) or compare ID ID...; "
                                                                                "none: evaluate"));
            },
            runEval};
}

} // namespace llmos::cli
