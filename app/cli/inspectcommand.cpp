#include "cli/commandline.h"

#include "model/modelinspection.h"

#include <QCommandLineParser>

#include <nlohmann/json.hpp>

namespace llmos::cli {

namespace {

QString shapeText(const std::vector<std::uint64_t> &shape)
{
    QStringList parts;
    for (auto d : shape)
        parts << QString::number(d);
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

int runInspect(CommandContext &ctx)
{
    const QStringList positional = ctx.parser().positionalArguments();
    if (positional.size() != 1)
        throw UsageError{CommandContext::tr("inspect takes exactly one PATH (a model folder, .safetensors or .gguf file)")};
    const ModelInspection m = inspectModel(positional.front().toStdString());
    if (ctx.json()) {
        ctx.printJson(toJson(m));
        return 0;
    }
    auto q = [](const std::string &s) { return QString::fromStdString(s); };
    ctx.printLine(CommandContext::tr("path:         %1").arg(q(m.path)));
    ctx.printLine(CommandContext::tr("format:       %1").arg(q(m.format)));
    ctx.printLine(CommandContext::tr("architecture: %1").arg(m.architecture.empty() ? CommandContext::tr("(unknown)") : q(m.architecture)));
    if (!m.family.empty())
        ctx.printLine(CommandContext::tr("family:       %1").arg(q(m.family)));
    ctx.printLine(CommandContext::tr("parameters:   %L1").arg(m.parameterCount));
    ctx.printLine(CommandContext::tr("tensor data:  %1").arg(humanBytes(m.tensorBytes)));
    QStringList dtypes;
    for (const auto &[dtype, count] : m.dtypeCounts)
        dtypes << QStringLiteral("%1 ×%2").arg(q(dtype)).arg(count);
    ctx.printLine(CommandContext::tr("dtypes:       %1").arg(dtypes.join(QStringLiteral(", "))));
    if (m.config) {
        const auto &c = *m.config;
        ctx.printLine(CommandContext::tr("config:       %1 layers, hidden %2, %3 heads (%4 key/value), vocabulary %5, context %6")
                          .arg(c.numLayers).arg(c.hiddenSize).arg(c.numHeads).arg(c.numKeyValueHeads)
                          .arg(c.vocabSize).arg(c.maxPositionEmbeddings));
    }
    for (const auto &w : m.warnings)
        ctx.printLine(CommandContext::tr("warning:      %1").arg(q(w)));
    if (!m.metadata.empty()) {
        ctx.printLine(CommandContext::tr("metadata:"));
        for (const auto &[k, v] : m.metadata) {
            QString value = q(v);
            if (value.size() > 120)
                value = value.left(117) + QStringLiteral("...");
            ctx.printLine(QStringLiteral("  %1 = %2").arg(q(k), value.replace(QLatin1Char('\n'), QStringLiteral("\\n"))));
        }
    }
    ctx.printLine(CommandContext::tr("tensors (%1):").arg(m.tensors.size()));
    for (const auto &t : m.tensors)
        ctx.printLine(QStringLiteral("  %1  %2  %3%4")
                          .arg(q(t.name), q(t.dtype), shapeText(t.shape),
                               t.file.empty() ? QString() : QStringLiteral("  (") + q(t.file) + QLatin1Char(')')));
    return 0;
}

} // namespace

Command inspectCommand()
{
    return {"inspect", QT_TRANSLATE_NOOP("Commands", "Show a model's format, architecture, parameters, dtypes and tensors."),
            [](QCommandLineParser &p) {
                p.addPositionalArgument(QStringLiteral("PATH"),
                                        QCoreApplication::translate("Commands", "A model folder, .safetensors or .gguf file."));
            },
            runInspect};
}

} // namespace llmos::cli
