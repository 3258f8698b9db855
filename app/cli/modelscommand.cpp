// llmos models list|show|import|export|rm|tag|lineage|rebuild: the model registry from a
// terminal. Every subverb prints text for people or, with --json, one JSON document.

#include "cli/commandline.h"
#include "cli/interruptscope.h"
#include "cli/registryopen.h"

#include "registry/modelregistry.h"
#include "registry/registryid.h"
#include "runtime/datadirectory.h"
#include "services/modelexport.h"
#include "util/error.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include <map>
#include <stop_token>
#include <unistd.h>

namespace llmos::cli {

namespace {

// Options and the subverbs they belong to: one parser serves all subverbs, so an option
// given to the wrong one is refused rather than silently ignored.
const std::map<QString, QStringList> &optionOwners()
{
    static const std::map<QString, QStringList> owners{
        {QStringLiteral("search"), {QStringLiteral("list")}},
        {QStringLiteral("family"), {QStringLiteral("list")}},
        {QStringLiteral("tag"), {QStringLiteral("list")}},
        {QStringLiteral("name"), {QStringLiteral("import")}},
        {QStringLiteral("description"), {QStringLiteral("import")}},
        {QStringLiteral("in-place"), {QStringLiteral("import")}},
        {QStringLiteral("force"), {QStringLiteral("rm"), QStringLiteral("rebuild")}},
        {QStringLiteral("remove"), {QStringLiteral("tag")}},
        {QStringLiteral("format"), {QStringLiteral("export")}},
        {QStringLiteral("out"), {QStringLiteral("export")}},
        {QStringLiteral("max-shard-size"), {QStringLiteral("export")}},
        {QStringLiteral("dtype"), {QStringLiteral("export")}},
        {QStringLiteral("register"), {QStringLiteral("export")}},
    };
    return owners;
}

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

void checkArguments(const QStringList &positional, qsizetype count, const QString &usage)
{
    if (positional.size() != count + 1)
        throw UsageError{CommandContext::tr("usage: llmos models %1").arg(usage)};
}

// The model a subverb that takes exactly ID|NAME names.
ModelRecord modelArgument(CommandContext &ctx, ModelRegistry &registry, const QString &usage)
{
    const QStringList args = ctx.parser().positionalArguments();
    checkArguments(args, 1, usage);
    return registry.get(args.at(1).toStdString());
}

nlohmann::json lineageJson(const ModelLineage &lineage)
{
    nlohmann::json up = nlohmann::json::array(), down = nlohmann::json::array();
    for (const auto &e : lineage.ancestors)
        up.push_back(toJson(e));
    for (const auto &e : lineage.descendants)
        down.push_back(toJson(e));
    return {{"ancestors", std::move(up)}, {"descendants", std::move(down)}};
}

QString edgeText(const LineageEdge &e)
{
    const QString from = e.fromId.empty() ? CommandContext::tr("%1 (removed)").arg(q(e.fromName))
                                          : QStringLiteral("%1 (%2)").arg(q(e.fromName), q(e.fromId));
    QString text = QStringLiteral("%1%2 -> %3 (%4) [%5]")
                       .arg(QString(e.depth * 2, QLatin1Char(' ')), from, q(e.toName), q(e.toId), QLatin1String(lineageKindName(e.kind)));
    if (!e.runId.empty())
        text += CommandContext::tr(", run %1").arg(q(e.runId));
    if (!e.datasetId.empty())
        text += CommandContext::tr(", dataset %1").arg(q(e.datasetId));
    return text;
}

void printLineage(CommandContext &ctx, const ModelLineage &lineage)
{
    ctx.printLine(CommandContext::tr("made from:"));
    if (lineage.ancestors.empty())
        ctx.printLine(CommandContext::tr("  (nothing registered: an original import)"));
    for (const auto &e : lineage.ancestors)
        ctx.printLine(edgeText(e));
    ctx.printLine(CommandContext::tr("made from it:"));
    if (lineage.descendants.empty())
        ctx.printLine(CommandContext::tr("  (nothing yet)"));
    for (const auto &e : lineage.descendants)
        ctx.printLine(edgeText(e));
}

int runList(CommandContext &ctx, ModelRegistry &registry)
{
    checkArguments(ctx.parser().positionalArguments(), 0, QStringLiteral("list [--search TEXT] [--family F] [--tag T]"));
    ModelQuery query;
    query.text = ctx.parser().value(QStringLiteral("search")).toStdString();
    query.family = ctx.parser().value(QStringLiteral("family")).toStdString();
    query.tag = ctx.parser().value(QStringLiteral("tag")).toStdString();
    const auto models = registry.list(query);
    if (ctx.json()) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto &m : models) {
            auto j = toJson(m);
            j.erase("files"); // list() has none; show gives them
            list.push_back(std::move(j));
        }
        ctx.printJson({{"models", std::move(list)}});
        return 0;
    }
    if (models.empty()) {
        const bool filtered = !query.text.empty() || !query.family.empty() || !query.tag.empty();
        ctx.printLine(filtered ? CommandContext::tr("No registered model matches.")
                               : CommandContext::tr("No models registered yet. Add one with: llmos models import PATH"));
        return 0;
    }
    ctx.printLine(QStringLiteral("%1  %2 %3 %4 %5 %6 %7")
                      .arg(CommandContext::tr("ID"), -14)
                      .arg(CommandContext::tr("NAME"), -28)
                      .arg(CommandContext::tr("FAMILY"), -7)
                      .arg(CommandContext::tr("FORMAT"), -6)
                      .arg(CommandContext::tr("PARAMETERS"), 14)
                      .arg(CommandContext::tr("SIZE"), 10)
                      .arg(CommandContext::tr("TAGS")));
    for (const auto &m : models) {
        QStringList tags;
        for (const auto &t : m.tags)
            tags << q(t);
        QString name = q(m.name);
        if (m.status != ModelStatus::Ready)
            name += QStringLiteral(" [%1]").arg(QLatin1String(modelStatusName(m.status)));
        ctx.printLine(QStringLiteral("%1  %2 %3 %4 %5 %6 %7")
                          .arg(q(m.id), -14)
                          .arg(name, -28)
                          .arg(q(m.family), -7)
                          .arg(QLatin1String(modelFormatName(m.format)), -6)
                          .arg(QStringLiteral("%L1").arg(m.parameterCount), 14)
                          .arg(humanBytes(m.sizeBytes), 10)
                          .arg(tags.join(QStringLiteral(", "))));
    }
    return 0;
}

int runShow(CommandContext &ctx, ModelRegistry &registry)
{
    const ModelRecord m = modelArgument(ctx, registry, QStringLiteral("show ID|NAME"));
    const ModelLineage lineage = registry.lineage(m.id);
    const auto card = registry.modelCard(m.id);
    if (ctx.json()) {
        auto j = toJson(m);
        j["lineage"] = lineageJson(lineage);
        j["model_card"] = card ? nlohmann::json(*card) : nlohmann::json();
        ctx.printJson(j);
        return 0;
    }
    auto field = [&](const QString &label, const QString &value) {
        if (!value.isEmpty())
            ctx.printLine(QStringLiteral("%1 %2").arg(label, -14).arg(value));
    };
    field(CommandContext::tr("id:"), q(m.id));
    field(CommandContext::tr("name:"), q(m.name));
    field(CommandContext::tr("format:"), QLatin1String(modelFormatName(m.format)));
    field(CommandContext::tr("origin:"), QLatin1String(modelOriginName(m.origin)));
    field(CommandContext::tr("status:"), QLatin1String(modelStatusName(m.status)));
    field(CommandContext::tr("family:"), q(m.family));
    field(CommandContext::tr("architecture:"), q(m.architecture));
    field(CommandContext::tr("parameters:"), QStringLiteral("%L1").arg(m.parameterCount));
    field(CommandContext::tr("dtype:"), q(m.dtype));
    if (m.contextLength > 0)
        field(CommandContext::tr("context:"), QStringLiteral("%L1").arg(m.contextLength));
    field(CommandContext::tr("size:"), humanBytes(m.sizeBytes));
    field(CommandContext::tr("license:"), q(m.license));
    field(CommandContext::tr("description:"), q(m.description));
    field(CommandContext::tr("created:"), q(isoTimeUtc(m.createdAt)));
    field(CommandContext::tr("source:"), m.inPlace ? CommandContext::tr("%1 (used in place)").arg(q(m.sourcePath)) : q(m.sourcePath));
    QStringList tags;
    for (const auto &t : m.tags)
        tags << q(t);
    field(CommandContext::tr("tags:"), tags.join(QStringLiteral(", ")));
    for (const auto &[key, value] : m.metadata)
        if (key != "warnings" && key != "model_card")
            field(q(key) + QLatin1Char(':'), q(value));
    if (auto w = m.metadata.find("warnings"); w != m.metadata.end())
        for (const auto &line : q(w->second).split(QLatin1Char('\n')))
            field(CommandContext::tr("warning:"), line);
    ctx.printLine(CommandContext::tr("files:"));
    for (const auto &f : m.files)
        ctx.printLine(QStringLiteral("  %1 %2  sha256:%3").arg(q(f.path), -32).arg(humanBytes(f.size), 10).arg(q(f.sha256)));
    printLineage(ctx, lineage);
    if (card) {
        ctx.printLine(CommandContext::tr("model card:"));
        for (const auto &line : q(*card).split(QLatin1Char('\n')).mid(0, 40))
            ctx.printLine(QStringLiteral("  ") + line);
    }
    return 0;
}

// A progress line on stderr for imports that take a moment, rewritten in place.
class ImportProgressLine {
public:
    explicit ImportProgressLine(bool enabled)
        : m_enabled(enabled)
    {
    }

    void update(const ImportProgress &p)
    {
        if (!m_enabled || p.bytesTotal < kMinimumBytes)
            return;
        const int percent = static_cast<int>(p.bytesDone * 100 / std::max<std::uint64_t>(p.bytesTotal, 1));
        if (p.stage == ImportStage::Copying && percent == m_lastPercent)
            return;
        m_lastPercent = percent;
        m_shown = true;
        QTextStream(stderr) << '\r'
                            << CommandContext::tr("importing: %1% (%2 of %3) %4")
                                   .arg(percent)
                                   .arg(humanBytes(p.bytesDone), humanBytes(p.bytesTotal), QLatin1String(importStageName(p.stage)))
                            << QStringLiteral("   ");
    }

    ~ImportProgressLine()
    {
        if (m_shown)
            QTextStream(stderr) << '\n';
    }

private:
    // Small models import in a blink; a progress line would only flicker.
    static constexpr std::uint64_t kMinimumBytes = 64ull << 20;
    bool m_enabled;
    bool m_shown = false;
    int m_lastPercent = -1;
};

int runImport(CommandContext &ctx, ModelRegistry &registry)
{
    const QStringList args = ctx.parser().positionalArguments();
    checkArguments(args, 1, QStringLiteral("import PATH [--name NAME] [--in-place]"));
    ImportOptions options;
    options.name = ctx.parser().value(QStringLiteral("name")).toStdString();
    options.description = ctx.parser().value(QStringLiteral("description")).toStdString();
    options.inPlace = ctx.parser().isSet(QStringLiteral("in-place"));
    std::stop_source stop;
    options.stop = stop.get_token();
    // Only a terminal gets the line: in a log or a pipe, carriage returns are noise.
    ImportProgressLine line(::isatty(STDERR_FILENO) != 0);
    options.progress = [&](const ImportProgress &p) {
        if (InterruptScope::interrupted())
            stop.request_stop();
        line.update(p);
    };
    const InterruptScope interrupt;
    const ModelRecord m = registry.importModel(args.at(1).toStdString(), options);
    std::vector<std::string> warnings;
    if (auto w = m.metadata.find("warnings"); w != m.metadata.end())
        for (const auto &text : q(w->second).split(QLatin1Char('\n')))
            warnings.push_back(text.toStdString());
    if (ctx.json()) {
        ctx.printJson({{"id", m.id}, {"name", m.name}, {"size_bytes", m.sizeBytes}, {"warnings", warnings}});
        return 0;
    }
    for (const auto &w : warnings)
        QTextStream(stderr) << CommandContext::tr("warning: %1").arg(q(w)) << '\n';
    ctx.printLine(CommandContext::tr("Imported %1 as %2 (%3 files, %4%5).")
                      .arg(q(m.name), q(m.id))
                      .arg(m.files.size())
                      .arg(humanBytes(m.sizeBytes))
                      .arg(m.inPlace ? CommandContext::tr(", used in place") : QString()));
    return 0;
}

// "5GB", "500MB", "2GiB", "123": bytes, as the Hub's max_shard_size spells them.
std::uint64_t parseByteSize(const QString &text)
{
    static const std::map<QString, std::uint64_t> units{
        {QString(), 1},           {QStringLiteral("B"), 1},
        {QStringLiteral("KB"), 1000}, {QStringLiteral("MB"), 1000'000}, {QStringLiteral("GB"), 1000'000'000},
        {QStringLiteral("KIB"), 1ull << 10}, {QStringLiteral("MIB"), 1ull << 20}, {QStringLiteral("GIB"), 1ull << 30},
    };
    const QString upper = text.trimmed().toUpper();
    qsizetype split = 0;
    while (split < upper.size() && (upper[split].isDigit() || upper[split] == QLatin1Char('.')))
        ++split;
    bool ok = false;
    const double number = upper.left(split).toDouble(&ok);
    const auto unit = units.find(upper.mid(split).trimmed());
    if (!ok || number <= 0 || unit == units.end())
        throw UsageError{CommandContext::tr("--max-shard-size: '%1' is not a size like 2GB or 500MB").arg(text)};
    return static_cast<std::uint64_t>(number * static_cast<double>(unit->second));
}

std::optional<GgmlType> ggufTypeOption(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    const QString lower = text.toLower();
    if (lower == QLatin1String("f32"))
        return GgmlType::F32;
    if (lower == QLatin1String("f16"))
        return GgmlType::F16;
    if (lower == QLatin1String("bf16"))
        return GgmlType::BF16;
    if (lower == QLatin1String("q8_0"))
        return GgmlType::Q8_0;
    throw UsageError{CommandContext::tr("--dtype: '%1' is not one of f32, f16, bf16, q8_0").arg(text)};
}

int runExport(CommandContext &ctx, ModelRegistry &registry)
{
    const QStringList args = ctx.parser().positionalArguments();
    checkArguments(args, 1,
                   QStringLiteral("export ID|NAME --format hf|gguf --out PATH [--max-shard-size 5GB] "
                                  "[--dtype f32|f16|bf16|q8_0] [--register NAME]"));
    ModelExportRequest request;
    request.model = args.at(1).toStdString();
    const QString format = ctx.required(QStringLiteral("format"));
    if (format == QLatin1String("hf"))
        request.format = ModelExportFormat::HuggingFace;
    else if (format == QLatin1String("gguf"))
        request.format = ModelExportFormat::Gguf;
    else
        throw UsageError{CommandContext::tr("--format: '%1' is not hf or gguf").arg(format)};
    request.destination = ctx.required(QStringLiteral("out")).toStdString();
    if (ctx.parser().isSet(QStringLiteral("max-shard-size"))) {
        if (request.format != ModelExportFormat::HuggingFace)
            throw UsageError{CommandContext::tr("--max-shard-size applies to --format hf")};
        request.maxShardBytes = parseByteSize(ctx.parser().value(QStringLiteral("max-shard-size")));
    }
    request.ggufType = ggufTypeOption(ctx.parser().value(QStringLiteral("dtype")));
    if (request.ggufType && request.format != ModelExportFormat::Gguf)
        throw UsageError{CommandContext::tr("--dtype applies to --format gguf")};
    request.registerAs = ctx.parser().value(QStringLiteral("register")).toStdString();
    std::stop_source stop;
    request.progress = [&](double) {
        if (InterruptScope::interrupted())
            stop.request_stop();
        return !stop.stop_requested();
    };
    const InterruptScope interrupt;
    const ModelExportResult result = exportRegisteredModel(registry, request);
    if (ctx.json()) {
        nlohmann::json out{{"path", result.path}};
        if (!result.registeredId.empty())
            out["registered_id"] = result.registeredId;
        ctx.printJson(out);
        return 0;
    }
    ctx.printLine(CommandContext::tr("Exported to %1.").arg(q(result.path)));
    if (!result.registeredId.empty())
        ctx.printLine(CommandContext::tr("Registered as %1.").arg(q(result.registeredId)));
    return 0;
}

int runRemove(CommandContext &ctx, ModelRegistry &registry)
{
    const QStringList args = ctx.parser().positionalArguments();
    checkArguments(args, 1, QStringLiteral("rm ID|NAME [--force]"));
    const auto report = registry.remove(args.at(1).toStdString(), ctx.parser().isSet(QStringLiteral("force")));
    if (ctx.json()) {
        ctx.printJson({{"removed", report.removed.id},
                       {"name", report.removed.name},
                       {"orphaned", report.orphaned},
                       {"bytes_freed", report.bytesFreed}});
        return 0;
    }
    ctx.printLine(CommandContext::tr("Removed %1 (%2); %3 freed.")
                      .arg(q(report.removed.name), q(report.removed.id), humanBytes(report.bytesFreed)));
    for (const auto &child : report.orphaned)
        ctx.printLine(CommandContext::tr("The lineage of %1 keeps the name %2 without an id.").arg(q(child), q(report.removed.name)));
    return 0;
}

int runTag(CommandContext &ctx, ModelRegistry &registry)
{
    const QStringList args = ctx.parser().positionalArguments();
    checkArguments(args, 2, QStringLiteral("tag ID|NAME TAG [--remove]"));
    const std::string model = args.at(1).toStdString();
    const std::string tag = args.at(2).toStdString();
    if (ctx.parser().isSet(QStringLiteral("remove")))
        registry.removeTag(model, tag);
    else
        registry.addTag(model, tag);
    const ModelRecord m = registry.get(model);
    if (ctx.json()) {
        ctx.printJson({{"id", m.id}, {"name", m.name}, {"tags", m.tags}});
        return 0;
    }
    QStringList tags;
    for (const auto &t : m.tags)
        tags << q(t);
    ctx.printLine(CommandContext::tr("%1 is tagged: %2")
                      .arg(q(m.name), tags.isEmpty() ? CommandContext::tr("(no tags)") : tags.join(QStringLiteral(", "))));
    return 0;
}

int runLineage(CommandContext &ctx, ModelRegistry &registry)
{
    const ModelRecord m = modelArgument(ctx, registry, QStringLiteral("lineage ID|NAME"));
    const ModelLineage lineage = registry.lineage(m.id);
    if (ctx.json()) {
        auto j = lineageJson(lineage);
        j["id"] = m.id;
        j["name"] = m.name;
        ctx.printJson(j);
        return 0;
    }
    ctx.printLine(CommandContext::tr("Lineage of %1 (%2)").arg(q(m.name), q(m.id)));
    printLineage(ctx, lineage);
    return 0;
}

int runRebuild(CommandContext &ctx)
{
    checkArguments(ctx.parser().positionalArguments(), 0, QStringLiteral("rebuild [--force]"));
    // Rebuilding a healthy database would throw away runs and datasets (they have no
    // manifests): only a database that does not open is rebuilt without --force.
    if (!ctx.parser().isSet(QStringLiteral("force"))) {
        bool registryOpened = false;
        try {
            ModelRegistry registry(dataDirectory());
            registryOpened = true;
        } catch (const Error &e) {
            if (e.kind() != ErrorKind::Format)
                throw; // a newer schema, a lock, the disk: not something a rebuild mends
        }
        if (registryOpened)
            throw Error(ErrorKind::InvalidInput, dataDirectory(),
                        "the registry database opens fine, so there is nothing to rebuild; "
                        "--force rebuilds it anyway (runs and datasets are then kept only as references)");
    }
    const auto report = ModelRegistry::rebuild(dataDirectory());
    if (ctx.json()) {
        ctx.printJson({{"moved_aside", report.movedAside},
                       {"models_restored", report.modelsRestored},
                       {"skipped", report.skipped}});
        return 0;
    }
    if (!report.movedAside.empty())
        ctx.printLine(CommandContext::tr("The old database was kept as %1.").arg(q(report.movedAside)));
    ctx.printLine(CommandContext::tr("Restored %1 models from their manifests.").arg(report.modelsRestored));
    for (const auto &s : report.skipped)
        ctx.printLine(CommandContext::tr("skipped: %1").arg(q(s)));
    return 0;
}

int runModels(CommandContext &ctx)
{
    const QStringList args = ctx.parser().positionalArguments();
    if (args.isEmpty())
        throw UsageError{CommandContext::tr("models needs a subverb: list, show, import, export, rm, tag, lineage or rebuild")};
    const QString sub = args.front();
    for (const auto &[option, owners] : optionOwners())
        if (ctx.parser().isSet(option) && !owners.contains(sub))
            throw UsageError{CommandContext::tr("--%1 does not apply to 'models %2'").arg(option, sub)};
    // rebuild works on a registry that no longer opens.
    if (sub == QLatin1String("rebuild"))
        return runRebuild(ctx);
    using Run = int (*)(CommandContext &, ModelRegistry &);
    static const std::map<QString, Run> subverbs{
        {QStringLiteral("list"), runList},     {QStringLiteral("show"), runShow}, {QStringLiteral("import"), runImport},
        {QStringLiteral("rm"), runRemove},     {QStringLiteral("tag"), runTag},   {QStringLiteral("lineage"), runLineage},
        {QStringLiteral("export"), runExport},
    };
    const auto it = subverbs.find(sub);
    if (it == subverbs.end())
        throw UsageError{CommandContext::tr("unknown subverb 'models %1' (list, show, import, export, rm, tag, lineage, rebuild)").arg(sub)};
    ModelRegistry registry = openRegistry();
    return it->second(ctx, registry);
}

} // namespace

Command modelsCommand()
{
    return {"models",
            QT_TRANSLATE_NOOP("Commands", "The model registry: list, show, import, export, rm, tag, lineage, rebuild."),
            [](QCommandLineParser &p) {
                p.addPositionalArgument(QStringLiteral("SUBVERB"),
                                        QCoreApplication::translate("Commands", "list, show, import, export, rm, tag, lineage or rebuild."));
                p.addPositionalArgument(QStringLiteral("ARGS"),
                                        QCoreApplication::translate("Commands", "A model id or name, a path to import, a tag."),
                                        QStringLiteral("[ARGS...]"));
                p.addOption({QStringLiteral("search"),
                             QCoreApplication::translate("Commands", "list: models whose name, description, architecture or family contains TEXT."),
                             QStringLiteral("TEXT")});
                p.addOption({QStringLiteral("family"), QCoreApplication::translate("Commands", "list: models of this family (llama, gpt2, bert)."),
                             QStringLiteral("FAMILY")});
                p.addOption({QStringLiteral("tag"), QCoreApplication::translate("Commands", "list: models with this tag."),
                             QStringLiteral("TAG")});
                p.addOption({QStringLiteral("name"), QCoreApplication::translate("Commands", "import: the name to register (default: from the source)."),
                             QStringLiteral("NAME")});
                p.addOption({QStringLiteral("description"), QCoreApplication::translate("Commands", "import: a description to keep with the model."),
                             QStringLiteral("TEXT")});
                p.addOption({QStringLiteral("in-place"),
                             QCoreApplication::translate("Commands", "import: use the files where they are instead of copying them.")});
                p.addOption({QStringLiteral("force"),
                             QCoreApplication::translate("Commands", "rm: remove even when other models were made from it; "
                                                                    "rebuild: rebuild a database that still opens.")});
                p.addOption({QStringLiteral("remove"), QCoreApplication::translate("Commands", "tag: remove the tag instead of adding it.")});
                p.addOption({QStringLiteral("format"), QCoreApplication::translate("Commands", "export: hf (a Hugging Face folder) or gguf."),
                             QStringLiteral("FORMAT")});
                p.addOption({QStringLiteral("out"), QCoreApplication::translate("Commands", "export: the new folder or .gguf file to write."),
                             QStringLiteral("PATH")});
                p.addOption({QStringLiteral("max-shard-size"),
                             QCoreApplication::translate("Commands", "export: the largest safetensors shard, e.g. 2GB (default 5GB)."),
                             QStringLiteral("SIZE")});
                p.addOption({QStringLiteral("dtype"),
                             QCoreApplication::translate("Commands", "export: how GGUF stores weights: f32, f16 (default), bf16 or q8_0."),
                             QStringLiteral("TYPE")});
                p.addOption({QStringLiteral("register"),
                             QCoreApplication::translate("Commands", "export: also register the export under this name, with its lineage."),
                             QStringLiteral("NAME")});
            },
            runModels};
}

} // namespace llmos::cli
