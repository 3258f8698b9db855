#include "cli/commandline.h"
#include "cli/interruptscope.h"
#include "cli/modelpath.h"

#include "evaluation/classifierensemble.h"
#include "evaluation/modelevaluation.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>

#include <nlohmann/json.hpp>

namespace llmos::cli {

namespace {

constexpr int kColumn = 16;

// Every --model, resolved; an ensemble needs two or more.
std::vector<std::string> memberPaths(CommandContext &ctx, QStringList &names)
{
    names = ctx.parser().values(QStringLiteral("model"));
    if (names.size() < 2)
        throw UsageError{CommandContext::tr("an ensemble needs two or more --model")};
    std::vector<std::string> paths;
    for (auto &name : names) {
        paths.push_back(resolveModelPath(name).toStdString());
        if (QFileInfo::exists(name)) // a folder: its name heads the column, not its whole path
            name = QFileInfo(name).fileName();
    }
    return paths;
}

// One text: each member's probabilities and their average, label by label (the first
// member's labels; the others' are matched by name).
int classifyText(CommandContext &ctx, const std::vector<std::string> &paths, const QStringList &names)
{
    const ClassifierEnsemble ensemble(paths);
    const auto &labels = ensemble.labels();
    const auto result = ensemble.classify({ctx.parser().value(QStringLiteral("text")).toStdString()}).front();
    const auto &columns = result.members;
    const auto &average = result.average;
    const auto best = mostLikely(average);
    if (ctx.json()) {
        nlohmann::json members = nlohmann::json::array();
        for (int m = 0; m < names.size(); ++m) {
            nlohmann::json probabilities = nlohmann::json::object();
            for (std::size_t i = 0; i < labels.size(); ++i)
                probabilities[labels[i]] = columns[static_cast<std::size_t>(m)][i];
            members.push_back({{"model", names[m].toStdString()}, {"probabilities", probabilities}});
        }
        nlohmann::json probabilities = nlohmann::json::object();
        for (std::size_t i = 0; i < labels.size(); ++i)
            probabilities[labels[i]] = average[i];
        ctx.printJson({{"label", labels[best]}, {"probabilities", probabilities}, {"members", members}});
        return 0;
    }
    ctx.printLine(CommandContext::tr("label: %1").arg(QString::fromStdString(labels[best])));
    QString header = QStringLiteral("  %1").arg(QString(), -16);
    for (const auto &name : names)
        header += QStringLiteral(" %1").arg(name.left(kColumn), kColumn);
    ctx.printLine(header + QStringLiteral(" %1").arg(CommandContext::tr("ensemble"), kColumn));
    for (std::size_t i = 0; i < labels.size(); ++i) {
        QString line = QStringLiteral("  %1").arg(QString::fromStdString(labels[i]).left(16), -16);
        for (const auto &column : columns)
            line += QStringLiteral(" %1").arg(column[i], kColumn, 'f', 4);
        ctx.printLine(line + QStringLiteral(" %1").arg(average[i], kColumn, 'f', 4));
    }
    return 0;
}

// A labelled file: accuracy, macro-F1 and the confusion of each member and of the
// ensemble, side by side.
int evaluate(CommandContext &ctx, const std::vector<std::string> &paths, const QStringList &names)
{
    EvaluationOptions options;
    options.task = EvaluationTask::Classification;
    options.data.path = ctx.parser().value(QStringLiteral("data")).toStdString();
    if (ctx.parser().isSet(QStringLiteral("text-field")))
        options.data.fields.text = ctx.parser().value(QStringLiteral("text-field")).toStdString();
    if (ctx.parser().isSet(QStringLiteral("label-field")))
        options.data.fields.label = ctx.parser().value(QStringLiteral("label-field")).toStdString();
    const InterruptScope interrupt;
    std::stop_source stop;
    options.stop = stop.get_token();
    options.onProgress = [&](std::int64_t done, std::int64_t total) {
        if (InterruptScope::interrupted())
            stop.request_stop();
        if (!ctx.json())
            QTextStream(stderr) << "\r" << CommandContext::tr("classifying: %1 of %2").arg(done).arg(total) << Qt::flush;
    };
    auto reports = evaluateEnsemble(paths, options);
    QStringList columns = names;
    columns << CommandContext::tr("ensemble");
    for (int i = 0; i < columns.size(); ++i)
        reports[static_cast<std::size_t>(i)].modelName = columns[i].toStdString();
    if (ctx.json()) {
        nlohmann::json out{{"members", nlohmann::json::array()}, {"ensemble", toJson(reports.back())}};
        for (std::size_t i = 0; i + 1 < reports.size(); ++i)
            out["members"].push_back(toJson(reports[i]));
        ctx.printJson(out);
        return 0;
    }
    QTextStream(stderr) << "\n";
    ctx.printLine(CommandContext::tr("%1: %2 examples (%3 skipped)")
                      .arg(QFileInfo(QString::fromStdString(options.data.path)).fileName())
                      .arg(reports.back().examples)
                      .arg(reports.back().skipped));
    QString header = QStringLiteral("  %1").arg(QString(), -12);
    for (const auto &column : columns)
        header += QStringLiteral(" %1").arg(column.left(kColumn), kColumn);
    ctx.printLine(header);
    for (const auto &row : compareMetrics(reports)) {
        QString line = QStringLiteral("  %1").arg(QString::fromStdString(row.metric), -12);
        for (const auto &value : row.values)
            line += QStringLiteral(" %1").arg(value ? QString::fromStdString(formatMetric(row.metric, *value))
                                                    : QStringLiteral("-"),
                                              kColumn);
        ctx.printLine(line);
    }
    return 0;
}

int runEnsemble(CommandContext &ctx)
{
    QStringList names;
    const auto paths = memberPaths(ctx, names);
    const bool text = ctx.parser().isSet(QStringLiteral("text"));
    if (text == ctx.parser().isSet(QStringLiteral("data")))
        throw UsageError{CommandContext::tr("give either --text STR or --data FILE")};
    return text ? classifyText(ctx, paths, names) : evaluate(ctx, paths, names);
}

} // namespace

Command ensembleCommand()
{
    return {"ensemble",
            QT_TRANSLATE_NOOP("Commands", "Classify with several classifiers at once, averaging their probabilities; "
                                          "on a labelled file, report the ensemble against each member."),
            [](QCommandLineParser &p) {
                p.addOption({QStringLiteral("model"),
                             QCoreApplication::translate("Commands", "A classifier (folder, id or name); give two or "
                                                                     "more."),
                             QStringLiteral("MODEL")});
                p.addOption({QStringLiteral("text"), QCoreApplication::translate("Commands", "One text to classify."),
                             QStringLiteral("STR")});
                p.addOption({QStringLiteral("data"),
                             QCoreApplication::translate("Commands", "A labelled file to evaluate the ensemble on."),
                             QStringLiteral("FILE")});
                p.addOption({QStringLiteral("text-field"),
                             QCoreApplication::translate("Commands", "The text column (default text)."),
                             QStringLiteral("NAME")});
                p.addOption({QStringLiteral("label-field"),
                             QCoreApplication::translate("Commands", "The label column (default label)."),
                             QStringLiteral("NAME")});
            },
            runEnsemble};
}

} // namespace llmos::cli
