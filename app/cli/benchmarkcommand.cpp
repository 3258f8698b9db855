#include "cli/commandline.h"
#include "cli/generationoptions.h"

#include "generation/benchmarkmodel.h"
#include "generation/textgenerator.h"
#include "services/modelquantization.h"
#include "runtime/runtimeinfo.h"
#include "util/heaptuning.h"
#include "util/error.h"

#include <QCommandLineParser>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <optional>

namespace llmos::cli {

namespace {

nlohmann::json figuresJson(const BenchmarkFigures &f)
{
    return {{"batch", f.batch},
            {"prefill_tokens_per_second", f.prefillTokensPerSecond},
            {"decode_tokens_per_second", f.decodeTokensPerSecond},
            {"time_to_first_token", f.timeToFirstToken}};
}

void printFigures(CommandContext &ctx, const QString &what, const BenchmarkFigures &f)
{
    ctx.printLine(CommandContext::tr("%1: prefill %2 tokens/s, decode %3 tokens/s, first token after %4 ms")
                      .arg(what)
                      .arg(f.prefillTokensPerSecond, 0, 'f', 0)
                      .arg(f.decodeTokensPerSecond, 0, 'f', 1)
                      .arg(f.timeToFirstToken * 1000, 0, 'f', 1));
}

// --quantize 8 or 4 (4-bit in groups of 32), or nothing.
std::optional<WeightQuantization> quantizeOption(CommandContext &ctx)
{
    if (!ctx.parser().isSet(QStringLiteral("quantize")))
        return std::nullopt;
    const auto bits = ctx.integer(QStringLiteral("quantize"));
    if (bits != 8 && bits != 4)
        throw UsageError{CommandContext::tr("--quantize must be 8 or 4")};
    return WeightQuantization{static_cast<int>(*bits), *bits == 4 ? 32 : 0, true};
}

int runBenchmark(CommandContext &ctx)
{
    const bool haveModel = ctx.parser().isSet(QStringLiteral("model"));
    const bool haveShape = ctx.parser().isSet(QStringLiteral("shape"));
    if (haveModel == haveShape)
        throw UsageError{CommandContext::tr("give either --model PATH or --shape small|tiny")};
    std::vector<std::int64_t> batches;
    for (const auto &item : ctx.parser().value(QStringLiteral("batch")).split(QLatin1Char(','))) {
        bool ok = false;
        batches.push_back(item.trimmed().toLongLong(&ok));
        if (!ok || batches.back() < 1)
            throw UsageError{CommandContext::tr("--batch: '%1' is not a batch size").arg(item)};
    }
    // --save-model: the shape's random model written where asked, for other benchmarks
    // (tests/tools/bench/serve_load.py serves it), and nothing measured.
    if (const auto keep = ctx.parser().value(QStringLiteral("save-model")); !keep.isEmpty()) {
        if (!haveShape)
            throw UsageError{CommandContext::tr("--save-model needs --shape small|tiny")};
        writeBenchmarkModel(keep.toStdString(), benchmarkShape(ctx.parser().value(QStringLiteral("shape")).toStdString()));
        if (ctx.json())
            ctx.printJson({{"saved", keep.toStdString()}});
        else
            ctx.printLine(CommandContext::tr("Wrote the random model to %1").arg(keep));
        return 0;
    }
    const auto promptTokens = ctx.integer(QStringLiteral("prompt-tokens")).value_or(128);
    const auto newTokens = ctx.integer(QStringLiteral("new-tokens")).value_or(128);
    const auto repeat = ctx.integer(QStringLiteral("repeat")).value_or(3);

    // A shape is written as a random model into a temporary folder, removed afterwards.
    QTemporaryDir scratch;
    if (haveShape) {
        if (!scratch.isValid())
            throw Error(ErrorKind::Io, scratch.path().toStdString(), "cannot create a temporary folder");
        const auto &shape = benchmarkShape(ctx.parser().value(QStringLiteral("shape")).toStdString());
        writeBenchmarkModel(scratch.path().toStdString(), shape);
        // The peak should be what loading and generating take, as a user's run has: the
        // random weights just written are freed, and kept by malloc (util/heaptuning.h)
        // unless handed back.
        returnFreedMemoryToSystem();
        restartPeakResidentCount();
    }
    const std::string modelPath = haveShape ? scratch.path().toStdString() : ctx.modelPath();
    const TextGenerator generator = openGenerator(ctx, modelPath);
    // --quantize: the same model quantized, measured in the same run, so the ratio holds
    // on a busy machine.
    QTemporaryDir quantizedScratch;
    std::optional<TextGenerator> quantized;
    if (const auto scheme = quantizeOption(ctx)) {
        writeQuantizedModel(modelPath, *scheme, quantizedScratch.path().toStdString());
        quantized.emplace(openGenerator(ctx, quantizedScratch.path().toStdString()));
    }

    const RuntimeInfo runtime = collectRuntimeInfo(false);
    nlohmann::json runs = nlohmann::json::array();
    for (const auto batch : batches) {
        const auto f = benchmarkGeneration(generator, batch, promptTokens, newTokens, static_cast<int>(repeat));
        auto run = figuresJson(f);
        if (!ctx.json())
            printFigures(ctx, CommandContext::tr("batch %1").arg(f.batch), f);
        if (quantized) {
            const auto q = benchmarkGeneration(*quantized, batch, promptTokens, newTokens, static_cast<int>(repeat));
            run["quantized"] = figuresJson(q);
            if (!ctx.json())
                printFigures(ctx, CommandContext::tr("quantized, batch %1 (%2x decode)")
                                      .arg(q.batch)
                                      .arg(q.decodeTokensPerSecond / f.decodeTokensPerSecond, 0, 'f', 2),
                             q);
        }
        runs.push_back(run);
    }
    // Peak memory before the bandwidth test, whose buffers are not the model's.
    const double peakMiB = static_cast<double>(peakResidentBytes()) / (1024.0 * 1024.0);
    const double bandwidth = measureCopyBandwidth();
    const auto weightBytes = generator.weightBytesPerDecodeStep();
    const double bound = bandwidth / static_cast<double>(weightBytes);
    const double readBandwidth = measureWeightReadBandwidth(weightBytes);
    const double readBound = readBandwidth / static_cast<double>(weightBytes);
    if (ctx.json()) {
        ctx.printJson({{"engine", "llmos"},
                       {"device", generator.deviceName()},
                       {"threads", runtime.threads},
                       {"prompt_tokens", promptTokens},
                       {"new_tokens", newTokens},
                       {"runs", runs},
                       {"copy_bandwidth_bytes_per_second", bandwidth},
                       {"weight_bytes_per_token", weightBytes},
                       {"bandwidth_bound_tokens_per_second", bound},
                       {"weight_read_bandwidth_bytes_per_second", readBandwidth},
                       {"weight_read_bound_tokens_per_second", readBound},
                       {"peak_rss_mib", peakMiB},
                       {"quantized_weight_bytes_per_token",
                        quantized ? nlohmann::json(quantized->weightBytesPerDecodeStep()) : nlohmann::json()}});
        return 0;
    }
    if (quantized)
        ctx.printLine(CommandContext::tr("quantized weights read per decode step: %1 MiB")
                          .arg(static_cast<double>(quantized->weightBytesPerDecodeStep()) / (1024.0 * 1024.0), 0, 'f', 1));
    ctx.printLine(CommandContext::tr("weights read per decode step: %1 MiB; copy bandwidth %2 GB/s; batch-1 bound %3 tokens/s")
                      .arg(static_cast<double>(weightBytes) / (1024.0 * 1024.0), 0, 'f', 1)
                      .arg(bandwidth / 1e9, 0, 'f', 1)
                      .arg(bound, 0, 'f', 0));
    ctx.printLine(CommandContext::tr("reading weights of that size: %1 GB/s; batch-1 bound %2 tokens/s")
                      .arg(readBandwidth / 1e9, 0, 'f', 1)
                      .arg(readBound, 0, 'f', 0));
    ctx.printLine(CommandContext::tr("peak memory: %1 MiB").arg(peakMiB, 0, 'f', 0));
    return 0;
}

} // namespace

Command benchmarkCommand()
{
    return {"benchmark", QT_TRANSLATE_NOOP("Commands", "Measure prefill and decode speed of a model on this machine."),
            [](QCommandLineParser &p) {
                addGenerationOptions(p);
                p.addOption({QStringLiteral("shape"),
                             QCoreApplication::translate("Commands", "Benchmark a random model of this shape "
                                                                     "(small or tiny) instead of --model."),
                             QStringLiteral("NAME")});
                p.addOption({QStringLiteral("save-model"),
                             QCoreApplication::translate("Commands", "Only write the --shape model's random weights "
                                                                     "and tokenizer into DIR (for other benchmarks)."),
                             QStringLiteral("DIR")});
                p.addOption({QStringLiteral("batch"),
                             QCoreApplication::translate("Commands", "Comma-separated batch sizes (default 1,8)."),
                             QStringLiteral("1,8"), QStringLiteral("1,8")});
                p.addOption({QStringLiteral("prompt-tokens"),
                             QCoreApplication::translate("Commands", "Prompt length (default 128)."), QStringLiteral("N")});
                p.addOption({QStringLiteral("new-tokens"),
                             QCoreApplication::translate("Commands", "Tokens to generate (default 128)."),
                             QStringLiteral("N")});
                p.addOption({QStringLiteral("quantize"),
                             QCoreApplication::translate("Commands", "Also measure the model quantized to 8 bits, or "
                                                                     "to 4 bits in groups of 32, in the same run."),
                             QStringLiteral("BITS")});
                p.addOption({QStringLiteral("repeat"),
                             QCoreApplication::translate("Commands", "Runs per batch size; the best counts (default 3)."),
                             QStringLiteral("N")});
            },
            runBenchmark};
}

} // namespace llmos::cli
