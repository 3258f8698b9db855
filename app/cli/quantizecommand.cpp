#include "cli/commandline.h"
#include "cli/interruptscope.h"
#include "cli/registryopen.h"

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

void printReport(CommandContext &ctx, const ModelQuantizationReport &r)
{
    if (ctx.json()) {
        ctx.printJson(toJson(r));
        return;
    }
    const auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
    ctx.printLine(CommandContext::tr("registered %1 (%2): %3 quantization of %4")
                      .arg(QString::fromStdString(r.modelName), QString::fromStdString(r.modelId),
                           QString::fromStdString(r.scheme.describe()), QString::fromStdString(r.sourceName)));
    ctx.printLine(CommandContext::tr("  size      %1 -> %2 (%3x smaller)")
                      .arg(humanBytes(r.sourceBytes), humanBytes(r.quantizedBytes))
                      .arg(ratio(static_cast<double>(r.sourceBytes), static_cast<double>(r.quantizedBytes)), 0, 'f', 2));
    ctx.printLine(CommandContext::tr("  decoding  %1 -> %2 tokens/s (%3x)")
                      .arg(r.sourceTokensPerSecond, 0, 'f', 1)
                      .arg(r.quantizedTokensPerSecond, 0, 'f', 1)
                      .arg(ratio(r.quantizedTokensPerSecond, r.sourceTokensPerSecond), 0, 'f', 2));
    ctx.printLine(CommandContext::tr("  agreement %1% of %2 next-token choices match the original's")
                      .arg(r.greedyAgreement * 100, 0, 'f', 1)
                      .arg(r.agreementPositions));
    if (r.sourcePerplexity && r.quantizedPerplexity)
        ctx.printLine(CommandContext::tr("  perplexity %1 -> %2 (%3%)")
                          .arg(*r.sourcePerplexity, 0, 'f', 2)
                          .arg(*r.quantizedPerplexity, 0, 'f', 2)
                          .arg((*r.quantizedPerplexity / *r.sourcePerplexity - 1) * 100, 0, 'f', 1));
}

int runQuantize(CommandContext &ctx)
{
    ModelQuantizationRequest request;
    request.model = ctx.required(QStringLiteral("model")).toStdString();
    request.scheme = schemeOption(ctx);
    request.name = ctx.parser().value(QStringLiteral("name")).toStdString();
    request.perplexityData = ctx.parser().value(QStringLiteral("data")).toStdString();
    if (const auto limit = ctx.integer(QStringLiteral("limit"))) {
        if (*limit < 1)
            throw UsageError{CommandContext::tr("--limit must be at least 1")};
        request.perplexityExamples = *limit;
    }
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

} // namespace

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
                p.addOption({QStringLiteral("name"),
                             QCoreApplication::translate("Commands", "The new model's name (default: the source's name "
                                                                     "with -int8 or -q4g32)."),
                             QStringLiteral("NAME")});
                p.addOption({QStringLiteral("data"),
                             QCoreApplication::translate("Commands", "A text dataset to compare perplexity on."),
                             QStringLiteral("FILE")});
                p.addOption({QStringLiteral("limit"),
                             QCoreApplication::translate("Commands", "Perplexity over at most this many rows (default 200)."),
                             QStringLiteral("N")});
            },
            runQuantize};
}

} // namespace llmos::cli
