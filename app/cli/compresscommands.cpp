#include "cli/commandline.h"
#include "cli/interruptscope.h"
#include "cli/registryopen.h"

#include "services/modelpruning.h"
#include "services/modelquantization.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <nlohmann/json.hpp>

namespace llmos::cli {

namespace {

// --bits 8 (default) or 4, --group N for 4-bit (default 32).
WeightQuantization schemeOption(CommandContext &ctx)
{
    WeightQuantization scheme;
    scheme.bits = static_cast<int>(ctx.integer(QStringLiteral("bits")).value_or(8));
    if (scheme.bits != 8 && scheme.bits != 4)
        throw UsageError{CommandContext::tr("--bits must be 8 or 4")};
    if (scheme.bits == 4) {
        scheme.group = ctx.integer(QStringLiteral("group")).value_or(32);
        if (scheme.group < 32 || scheme.group % 32 != 0 || scheme.group > 4096)
            throw UsageError{CommandContext::tr("--group must be a multiple of 32 (32 to 4096)")};
    } else if (ctx.parser().isSet(QStringLiteral("group"))) {
        throw UsageError{CommandContext::tr("--group goes with --bits 4; int8 has one scale per output channel")};
    }
    scheme.quantizedHead = !ctx.parser().isSet(QStringLiteral("keep-head"));
    return scheme;
}

QString stageText(QuantizationStage stage)
{
    switch (stage) {
    case QuantizationStage::Quantizing: return CommandContext::tr("quantizing");
    case QuantizationStage::MeasuringOriginal: return CommandContext::tr("measuring the original");
    case QuantizationStage::MeasuringQuantized: return CommandContext::tr("measuring the quantized model");
    case QuantizationStage::Registering: return CommandContext::tr("registering");
    }
    return {};
}

// What a derived model changed: size, speed, agreement, perplexity.
void printComparison(CommandContext &ctx, const DerivedModelComparison &c)
{
    const auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
    ctx.printLine(CommandContext::tr("  size      %1 -> %2 (%3x smaller)")
                      .arg(humanBytes(c.sourceBytes), humanBytes(c.derivedBytes))
                      .arg(ratio(static_cast<double>(c.sourceBytes), static_cast<double>(c.derivedBytes)), 0, 'f', 2));
    ctx.printLine(CommandContext::tr("  decoding  %1 -> %2 tokens/s (%3x)")
                      .arg(c.sourceTokensPerSecond, 0, 'f', 1)
                      .arg(c.derivedTokensPerSecond, 0, 'f', 1)
                      .arg(ratio(c.derivedTokensPerSecond, c.sourceTokensPerSecond), 0, 'f', 2));
    ctx.printLine(CommandContext::tr("  agreement %1% of %2 next-token choices match the original's")
                      .arg(c.greedyAgreement * 100, 0, 'f', 1)
                      .arg(c.agreementPositions));
    if (c.sourcePerplexity && c.derivedPerplexity)
        ctx.printLine(CommandContext::tr("  perplexity %1 -> %2 (%3%)")
                          .arg(*c.sourcePerplexity, 0, 'f', 2)
                          .arg(*c.derivedPerplexity, 0, 'f', 2)
                          .arg((*c.derivedPerplexity / *c.sourcePerplexity - 1) * 100, 0, 'f', 1));
}

// --data and --limit: perplexity data for the comparison.
void perplexityOptions(CommandContext &ctx, std::string &data, std::int64_t &examples)
{
    data = ctx.parser().value(QStringLiteral("data")).toStdString();
    if (const auto limit = ctx.integer(QStringLiteral("limit"))) {
        if (*limit < 1)
            throw UsageError{CommandContext::tr("--limit must be at least 1")};
        examples = *limit;
    }
}

void addComparisonOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("name"),
                 QCoreApplication::translate("Commands", "The new model's name (default: the source's name with a "
                                                         "suffix saying what was done)."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("data"), QCoreApplication::translate("Commands", "A text dataset to compare perplexity on."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("limit"),
                 QCoreApplication::translate("Commands", "Perplexity over at most this many rows (default 200)."),
                 QStringLiteral("N")});
}

void printReport(CommandContext &ctx, const ModelQuantizationReport &r)
{
    if (ctx.json()) {
        ctx.printJson(toJson(r));
        return;
    }
    ctx.printLine(CommandContext::tr("registered %1 (%2): %3 quantization of %4")
                      .arg(QString::fromStdString(r.modelName), QString::fromStdString(r.modelId),
                           QString::fromStdString(r.scheme.describe()), QString::fromStdString(r.sourceName)));
    printComparison(ctx, r.comparison);
}

int runQuantize(CommandContext &ctx)
{
    ModelQuantizationRequest request;
    request.model = ctx.required(QStringLiteral("model")).toStdString();
    request.scheme = schemeOption(ctx);
    request.name = ctx.parser().value(QStringLiteral("name")).toStdString();
    perplexityOptions(ctx, request.perplexityData, request.perplexityExamples);
    const InterruptScope interrupt;
    request.progress = [&](QuantizationStage stage, double fraction) {
        if (!ctx.json())
            QTextStream(stderr) << "\r" << stageText(stage) << QStringLiteral(" (%1%)  ").arg(fraction * 100, 0, 'f', 0)
                                << Qt::flush;
        return !InterruptScope::interrupted();
    };
    auto registry = openRegistry();
    const auto report = quantizeRegisteredModel(registry, request);
    if (!ctx.json())
        QTextStream(stderr) << "\n";
    printReport(ctx, report);
    return 0;
}

// --drop-layers 3,4 and --sparsity 0.5.
void pruningOptions(CommandContext &ctx, ModelPruningRequest &request)
{
    if (const auto layers = ctx.parser().value(QStringLiteral("drop-layers")); !layers.isEmpty())
        for (const auto &item : layers.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            request.dropLayers.push_back(item.trimmed().toLongLong(&ok));
            if (!ok)
                throw UsageError{CommandContext::tr("--drop-layers: '%1' is not a layer number").arg(item)};
        }
    if (const auto sparsity = ctx.number(QStringLiteral("sparsity"))) {
        if (!(*sparsity >= 0 && *sparsity <= 0.95))
            throw UsageError{CommandContext::tr("--sparsity must be between 0 and 0.95")};
        request.sparsity = *sparsity;
    }
}

int runPrune(CommandContext &ctx)
{
    ModelPruningRequest request;
    request.model = ctx.required(QStringLiteral("model")).toStdString();
    pruningOptions(ctx, request);
    request.name = ctx.parser().value(QStringLiteral("name")).toStdString();
    perplexityOptions(ctx, request.perplexityData, request.perplexityExamples);
    const InterruptScope interrupt;
    request.progress = [&](double fraction) {
        if (!ctx.json())
            QTextStream(stderr) << "\r" << CommandContext::tr("pruning and measuring (%1%)").arg(fraction * 100, 0, 'f', 0)
                                << Qt::flush;
        return !InterruptScope::interrupted();
    };
    auto registry = openRegistry();
    const auto report = pruneRegisteredModel(registry, request);
    if (ctx.json()) {
        ctx.printJson(toJson(report));
        return 0;
    }
    QTextStream(stderr) << "\n";
    QStringList dropped;
    for (const auto layer : report.droppedLayers)
        dropped << QString::number(layer);
    ctx.printLine(CommandContext::tr("registered %1 (%2), pruned from %3: layers removed: %4; weights zeroed: %5%")
                      .arg(QString::fromStdString(report.modelName), QString::fromStdString(report.modelId),
                           QString::fromStdString(report.sourceName),
                           dropped.isEmpty() ? CommandContext::tr("none") : dropped.join(QStringLiteral(", ")))
                      .arg(report.sparsity * 100, 0, 'f', 0));
    ctx.printLine(CommandContext::tr("  parameters %1 -> %2 (zeros not counted)")
                      .arg(report.sourceParameters)
                      .arg(report.keptParameters));
    printComparison(ctx, report.comparison);
    return 0;
}

} // namespace

Command pruneCommand()
{
    return {"prune",
            QT_TRANSLATE_NOOP("Commands", "Remove whole layers of a registered model, or zero its smallest weights, "
                                          "and register the result with its size and quality change."),
            [](QCommandLineParser &p) {
                p.addOption({QStringLiteral("model"),
                             QCoreApplication::translate("Commands", "The id or name of a registered GPT-2 or "
                                                                     "Llama-family model."),
                             QStringLiteral("MODEL")});
                p.addOption({QStringLiteral("drop-layers"),
                             QCoreApplication::translate("Commands", "Decoder layers to remove, counted from 0, "
                                                                     "comma-separated (depth pruning)."),
                             QStringLiteral("N,N")});
                p.addOption({QStringLiteral("sparsity"),
                             QCoreApplication::translate("Commands", "Share of each layer matrix to set to zero, the "
                                                                     "smallest weights first (0 to 0.95)."),
                             QStringLiteral("X")});
                addComparisonOptions(p);
            },
            runPrune};
}

Command quantizeCommand()
{
    return {"quantize",
            QT_TRANSLATE_NOOP("Commands", "Quantize a registered model's weights (int8 per channel, or 4-bit in "
                                          "groups) and register the smaller model with its size, speed and quality "
                                          "change."),
            [](QCommandLineParser &p) {
                p.addOption({QStringLiteral("model"),
                             QCoreApplication::translate("Commands", "The id or name of a registered Llama-family model."),
                             QStringLiteral("MODEL")});
                p.addOption({QStringLiteral("bits"), QCoreApplication::translate("Commands", "8 (default) or 4."),
                             QStringLiteral("N")});
                p.addOption({QStringLiteral("group"),
                             QCoreApplication::translate("Commands", "4-bit: columns per scale, a multiple of 32 "
                                                                     "(default 32)."),
                             QStringLiteral("N")});
                p.addOption({QStringLiteral("keep-head"),
                             QCoreApplication::translate("Commands", "Leave the output layer (LM head) in floating "
                                                                     "point.")});
                addComparisonOptions(p);
            },
            runQuantize};
}

} // namespace llmos::cli
