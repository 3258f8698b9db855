// llmos datasets validate|import|show: training data checked before any run uses it.
// validate prints the report a run would start from (rows, bad rows with their lines,
// token lengths, labels, the split); import records the dataset in the registry with
// that report and its SHA-256; show lists them, or tells whether one changed on disk.

#include "cli/commandline.h"
#include "cli/interruptscope.h"
#include "cli/registryopen.h"

#include "chat/chattemplate.h"
#include "chat/modelchattemplate.h"
#include "datasets/datasetfingerprint.h"
#include "datasets/datasetloader.h"
#include "recipe/trainingrecipe.h"
#include "registry/modelregistry.h"
#include "registry/registryid.h"
#include "tokenizer/loadtokenizer.h"
#include "util/error.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <optional>

namespace llmos::cli {

namespace {

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

const QString kFormat = QStringLiteral("format");
const QString kKind = QStringLiteral("kind");
const QString kTextField = QStringLiteral("text-field");
const QString kLabelField = QStringLiteral("label-field");
const QString kSkipBadRows = QStringLiteral("skip-bad-rows");
const QString kMaxSeqLen = QStringLiteral("max-seq-len");
const QString kValidationFraction = QStringLiteral("validation-fraction");
const QString kName = QStringLiteral("name");

std::string onlyPath(CommandContext &ctx, const QString &usage)
{
    const QStringList args = ctx.parser().positionalArguments();
    if (args.size() != 2)
        throw UsageError{CommandContext::tr("usage: llmos datasets %1").arg(usage)};
    return args.at(1).toStdString();
}

// The options as a recipe's "dataset" section, so they are checked by the same rules.
DatasetSpec datasetSpec(CommandContext &ctx, const std::string &path)
{
    auto &p = ctx.parser();
    nlohmann::json section{{"path", std::filesystem::absolute(path).lexically_normal().string()}};
    if (p.isSet(kFormat))
        section["format"] = p.value(kFormat).toStdString();
    if (p.isSet(kKind))
        section["kind"] = p.value(kKind).toStdString();
    if (p.isSet(kTextField))
        section["fields"]["text"] = p.value(kTextField).toStdString();
    if (p.isSet(kLabelField))
        section["fields"]["label"] = p.value(kLabelField).toStdString();
    if (p.isSet(kSkipBadRows))
        section["bad_rows"] = "skip";
    if (const auto fraction = ctx.number(kValidationFraction))
        section["validation_fraction"] = *fraction;
    try {
        return parseDatasetSection(section, "options");
    } catch (const Error &e) {
        throw UsageError{q(e.what())};
    }
}

struct Validation {
    DatasetReport report;
    std::optional<std::string> rejected; // why the dataset cannot be used
};

Validation validate(CommandContext &ctx, const DatasetSpec &spec)
{
    const std::string modelPath = ctx.modelPath();
    const auto tokenizer = loadTokenizer(modelPath);
    DatasetOptions options;
    const auto maxSeqLen = ctx.integer(kMaxSeqLen).value_or(512);
    if (maxSeqLen < 2)
        throw UsageError{CommandContext::tr("--max-seq-len must be at least 2")};
    options.maxSeqLen = static_cast<std::size_t>(maxSeqLen);
    std::optional<ChatTemplate> chatTemplate;
    if (const auto source = findChatTemplate(modelPath)) {
        chatTemplate.emplace(source->text, source->origin);
        options.chatTemplate = &*chatTemplate;
    }
    InterruptScope interrupt;
    options.onProgress = [](std::uint64_t, std::uint64_t) {
        if (InterruptScope::interrupted())
            throw Error(ErrorKind::Cancelled, "dataset", "stopped by Ctrl-C");
    };
    try {
        return {validateDataset(spec, *tokenizer, options), std::nullopt};
    } catch (const DatasetRejected &e) {
        return {e.report(), std::string(e.what())};
    }
}

void printReport(CommandContext &ctx, const DatasetReport &r)
{
    auto field = [&](const QString &label, const QString &value) {
        ctx.printLine(QStringLiteral("%1 %2").arg(label, -16).arg(value));
    };
    field(CommandContext::tr("dataset:"), CommandContext::tr("%1 (%2, %3)")
                                              .arg(q(r.path), QLatin1String(datasetFileFormatName(r.format)),
                                                   QLatin1String(datasetKindName(r.kind))));
    field(CommandContext::tr("size:"), humanBytes(r.fingerprint.sizeBytes));
    field(CommandContext::tr("sha256:"), q(r.fingerprint.sha256));
    field(CommandContext::tr("rows:"), CommandContext::tr("%1 read, %2 used, %3 skipped, %4 bad, %5 duplicates")
                                           .arg(r.rowsRead).arg(r.rowsUsed).arg(r.rowsSkipped).arg(r.badRowCount).arg(r.duplicates));
    field(CommandContext::tr("split:"), CommandContext::tr("%1 training, %2 validation examples")
                                            .arg(r.trainExamples).arg(r.validationExamples));
    QStringList buckets;
    std::size_t lower = 0;
    for (const auto &b : r.tokenLengths) {
        if (b.count > 0)
            buckets << (b.upTo ? QStringLiteral("%1-%2: %3").arg(lower + 1).arg(b.upTo).arg(b.count)
                               : QStringLiteral(">%1: %2").arg(lower).arg(b.count));
        lower = b.upTo;
    }
    field(CommandContext::tr("token lengths:"), buckets.join(QStringLiteral(", ")));
    field(CommandContext::tr("truncated:"), QString::number(r.truncated));
    field(CommandContext::tr("no labels left:"), QString::number(r.examplesWithoutLabels));
    if (!r.labels.empty()) {
        QStringList labels;
        for (const auto &[label, count] : r.labels)
            labels << QStringLiteral("%1 %2").arg(q(label)).arg(count);
        field(CommandContext::tr("labels:"), labels.join(QStringLiteral(", ")));
    }
    for (const auto &bad : r.badRows)
        field(CommandContext::tr("bad row:"), CommandContext::tr("%1line %2: %3")
                                                  .arg(bad.file.empty() ? QString() : q(bad.file) + QStringLiteral(" "))
                                                  .arg(bad.line)
                                                  .arg(q(bad.reason)));
    if (r.badRowCount > r.badRows.size())
        field(QString(), CommandContext::tr("... and %1 more bad rows").arg(r.badRowCount - r.badRows.size()));
}

int runValidate(CommandContext &ctx)
{
    const auto spec = datasetSpec(ctx, onlyPath(ctx, QStringLiteral("validate PATH --model MODEL")));
    const auto result = validate(ctx, spec);
    if (ctx.json()) {
        auto out = nlohmann::json(result.report.toJson());
        out["usable"] = !result.rejected;
        if (result.rejected)
            out["error"] = *result.rejected;
        ctx.printJson(out);
    } else {
        printReport(ctx, result.report);
    }
    if (result.rejected) {
        QTextStream(stderr) << "llmos: " << q(*result.rejected) << '\n';
        return 1;
    }
    return 0;
}

int runImport(CommandContext &ctx)
{
    const auto spec = datasetSpec(ctx, onlyPath(ctx, QStringLiteral("import PATH --model MODEL [--name NAME]")));
    const auto result = validate(ctx, spec);
    if (result.rejected) {
        if (!ctx.json())
            printReport(ctx, result.report);
        throw Error(ErrorKind::InvalidInput, spec.path, "was not imported: " + *result.rejected);
    }
    DatasetRecord dataset;
    const QString name = ctx.parser().value(kName);
    dataset.name = name.isEmpty() ? std::filesystem::path(spec.path).filename().string() : name.toStdString();
    dataset.format = datasetKindName(result.report.kind);
    dataset.sourcePath = spec.path;
    dataset.sha256 = result.report.fingerprint.sha256;
    dataset.sizeBytes = result.report.fingerprint.sizeBytes;
    dataset.metadataJson = nlohmann::json{{"report", nlohmann::json(result.report.toJson())}}.dump();
    ModelRegistry registry = openRegistry();
    const auto stored = registry.recordDataset(dataset);
    if (ctx.json()) {
        ctx.printJson(toJson(stored));
        return 0;
    }
    printReport(ctx, result.report);
    ctx.printLine(CommandContext::tr("Imported as %1 (%2).").arg(q(stored.name), q(stored.id)));
    return 0;
}

int runShow(CommandContext &ctx)
{
    const QStringList args = ctx.parser().positionalArguments();
    if (args.size() > 2)
        throw UsageError{CommandContext::tr("usage: llmos datasets show [ID|NAME]")};
    ModelRegistry registry = openRegistry();
    if (args.size() == 1) {
        const auto all = registry.datasets();
        if (ctx.json()) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto &d : all)
                list.push_back(toJson(d));
            ctx.printJson({{"datasets", std::move(list)}});
            return 0;
        }
        if (all.empty()) {
            ctx.printLine(CommandContext::tr("No datasets yet: llmos datasets import PATH --model MODEL records one."));
            return 0;
        }
        ctx.printLine(QStringLiteral("%1  %2 %3 %4 %5").arg(CommandContext::tr("ID"), -14).arg(CommandContext::tr("NAME"), -28)
                          .arg(CommandContext::tr("KIND"), -15).arg(CommandContext::tr("SIZE"), -11).arg(CommandContext::tr("PATH")));
        for (const auto &d : all)
            ctx.printLine(QStringLiteral("%1  %2 %3 %4 %5").arg(q(d.id), -14).arg(q(d.name), -28).arg(q(d.format), -15)
                              .arg(humanBytes(d.sizeBytes), -11).arg(q(d.sourcePath)));
        return 0;
    }
    const auto dataset = registry.findDataset(args.at(1).toStdString());
    if (!dataset)
        throw Error(ErrorKind::NotFound, "dataset " + args.at(1).toStdString(),
                    "is not in the registry (llmos datasets show lists them)");
    // Whether the data is still what was recorded: what a run checks before it trains.
    QString status = CommandContext::tr("unchanged since it was recorded");
    try {
        checkDatasetUnchanged(dataset->sourcePath, {dataset->sizeBytes, dataset->sha256});
    } catch (const Error &e) {
        status = q(e.what());
    }
    if (ctx.json()) {
        auto out = toJson(*dataset);
        out["status"] = status.toStdString();
        ctx.printJson(out);
        return 0;
    }
    auto field = [&](const QString &label, const QString &value) {
        ctx.printLine(QStringLiteral("%1 %2").arg(label, -16).arg(value));
    };
    field(CommandContext::tr("id:"), q(dataset->id));
    field(CommandContext::tr("name:"), q(dataset->name));
    field(CommandContext::tr("kind:"), q(dataset->format));
    field(CommandContext::tr("path:"), q(dataset->sourcePath));
    field(CommandContext::tr("size:"), humanBytes(dataset->sizeBytes));
    field(CommandContext::tr("sha256:"), q(dataset->sha256));
    field(CommandContext::tr("recorded:"), q(isoTimeUtc(dataset->createdAt)));
    field(CommandContext::tr("on disk:"), status);
    return 0;
}

int runDatasets(CommandContext &ctx)
{
    const QStringList args = ctx.parser().positionalArguments();
    if (args.isEmpty())
        throw UsageError{CommandContext::tr("datasets needs a subverb: validate, import or show")};
    const QString sub = args.front();
    static const std::map<QString, int (*)(CommandContext &)> subverbs{
        {QStringLiteral("validate"), runValidate},
        {QStringLiteral("import"), runImport},
        {QStringLiteral("show"), runShow},
    };
    const auto it = subverbs.find(sub);
    if (it == subverbs.end())
        throw UsageError{CommandContext::tr("unknown subverb 'datasets %1' (validate, import, show)").arg(sub)};
    return it->second(ctx);
}

} // namespace

Command datasetsCommand()
{
    return {"datasets",
            QT_TRANSLATE_NOOP("Commands", "Training data: validate a file, import it into the registry, show them."),
            [](QCommandLineParser &p) {
                p.addPositionalArgument(QStringLiteral("SUBVERB"),
                                        QCoreApplication::translate("Commands", "validate, import or show."));
                p.addPositionalArgument(QStringLiteral("PATH"),
                                        QCoreApplication::translate("Commands", "A data file or folder (show: a dataset id or name)."),
                                        QStringLiteral("[PATH]"));
                p.addOption({QStringLiteral("model"),
                             QCoreApplication::translate("Commands", "The model whose tokenizer (and chat template) counts the tokens."),
                             QStringLiteral("MODEL")});
                p.addOption({kFormat, QCoreApplication::translate("Commands", "auto, text, jsonl, json, csv or tsv (default auto)."),
                             QStringLiteral("FORMAT")});
                p.addOption({kKind, QCoreApplication::translate("Commands", "auto, text, alpaca, openai, sharegpt or classification."),
                             QStringLiteral("KIND")});
                p.addOption({kTextField, QCoreApplication::translate("Commands", "The text column or field (default text)."),
                             QStringLiteral("NAME")});
                p.addOption({kLabelField, QCoreApplication::translate("Commands", "The label column (default label)."),
                             QStringLiteral("NAME")});
                p.addOption({kSkipBadRows, QCoreApplication::translate("Commands", "Skip and count bad rows instead of refusing the data.")});
                p.addOption({kMaxSeqLen, QCoreApplication::translate("Commands", "Longer examples are cut to this many tokens (default 512)."),
                             QStringLiteral("N")});
                p.addOption({kValidationFraction,
                             QCoreApplication::translate("Commands", "Share held out for evaluation (default 0.1)."), QStringLiteral("F")});
                p.addOption({kName, QCoreApplication::translate("Commands", "import: the dataset's name (default: the file name)."),
                             QStringLiteral("NAME")});
            },
            runDatasets};
}

} // namespace llmos::cli
