#include "cli/generationoptions.h"

#include "cli/commandline.h"
#include "runtime/runtimeinfo.h"
#include "util/error.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <nlohmann/json.hpp>

namespace llmos::cli {

void addGenerationOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("model"), CommandContext::tr("A Hugging Face model folder, a .gguf file, or the id or name of a registered model."), QStringLiteral("PATH")});
    p.addOption({QStringLiteral("max-tokens"), CommandContext::tr("Most tokens to generate (default 256)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("temperature"), CommandContext::tr("Sampling temperature; 0 picks the most likely token."),
                 QStringLiteral("T")});
    p.addOption({QStringLiteral("top-k"), CommandContext::tr("Sample from the K most likely tokens (0: all)."), QStringLiteral("K")});
    p.addOption({QStringLiteral("top-p"), CommandContext::tr("Sample from the most likely tokens that make up probability P."),
                 QStringLiteral("P")});
    p.addOption({QStringLiteral("min-p"), CommandContext::tr("Drop tokens less likely than P times the most likely one."),
                 QStringLiteral("P")});
    p.addOption({QStringLiteral("repetition-penalty"), CommandContext::tr("Above 1, makes tokens already seen less likely."),
                 QStringLiteral("X")});
    p.addOption({QStringLiteral("seed"), CommandContext::tr("Random seed; the same seed gives the same output."), QStringLiteral("S")});
    p.addOption({QStringLiteral("stop"), CommandContext::tr("Stop before this text (may be repeated)."), QStringLiteral("STR")});
    p.addOption({QStringLiteral("device"), CommandContext::tr("auto, cpu, cuda or cuda:N (default auto)."), QStringLiteral("D")});
    p.addOption({QStringLiteral("threads"), CommandContext::tr("CPU threads to compute with (default: all cores)."),
                 QStringLiteral("N")});
}

TextGenerator openGenerator(CommandContext &ctx, const std::string &modelPath)
{
    if (const auto threads = ctx.integer(QStringLiteral("threads"))) {
        if (*threads < 1)
            throw UsageError{CommandContext::tr("--threads must be at least 1")};
        configureTorchThreads(static_cast<int>(*threads));
    }
    GeneratorOptions options;
    if (ctx.parser().isSet(QStringLiteral("device")))
        options.device = ctx.parser().value(QStringLiteral("device")).toStdString();
    return TextGenerator::open(modelPath.empty() ? ctx.modelPath() : modelPath,
                               options);
}

GenerationRequest requestFromOptions(CommandContext &ctx, const TextGenerator &generator,
                                     std::vector<std::int32_t> promptIds)
{
    const auto &defaults = generator.defaults();
    GenerationRequest request;
    request.promptIds = std::move(promptIds);
    request.maxNewTokens = ctx.integer(QStringLiteral("max-tokens")).value_or(defaults.maxNewTokens.value_or(256));
    if (request.maxNewTokens < 1)
        throw UsageError{CommandContext::tr("--max-tokens must be at least 1")};

    auto &sampling = request.sampling;
    sampling = defaults.sampling();
    const bool samplingAsked = ctx.parser().isSet(QStringLiteral("top-k")) || ctx.parser().isSet(QStringLiteral("top-p"))
                               || ctx.parser().isSet(QStringLiteral("min-p"));
    if (const auto t = ctx.number(QStringLiteral("temperature")))
        sampling.temperature = *t;
    else if (samplingAsked && sampling.greedy())
        sampling.temperature = 1.0; // asking for top-k/top-p means sampling, as in transformers
    if (const auto k = ctx.integer(QStringLiteral("top-k")))
        sampling.topK = *k;
    if (const auto p = ctx.number(QStringLiteral("top-p")))
        sampling.topP = *p;
    if (const auto p = ctx.number(QStringLiteral("min-p")))
        sampling.minP = *p;
    if (const auto r = ctx.number(QStringLiteral("repetition-penalty")))
        sampling.repetitionPenalty = *r;
    if (const auto s = ctx.integer(QStringLiteral("seed")))
        sampling.seed = static_cast<std::uint64_t>(*s);
    for (const auto &stop : ctx.parser().values(QStringLiteral("stop")))
        request.stopStrings.push_back(stop.toStdString());
    try {
        validateSamplingOptions(sampling);
    } catch (const Error &e) {
        throw UsageError{CommandContext::tr("--%1: %2").arg(QString::fromStdString(e.where()).replace(QLatin1Char('_'), QLatin1Char('-')),
                                             QString::fromStdString(e.detail()))};
    }
    return request;
}

nlohmann::json resultJson(const GenerationResult &result)
{
    return {{"text", result.text},
            {"ids", result.ids},
            {"prompt_tokens", result.promptTokens},
            {"completion_tokens", result.ids.size()},
            {"tokens_per_second", result.tokensPerSecond()},
            {"time_to_first_token", result.timeToFirstToken},
            {"finish_reason", finishReasonName(result.finishReason)},
            {"seed", result.seed}};
}

void printResultSummary(const GenerationResult &result)
{
    QTextStream(stderr) << CommandContext::tr("[%1 tokens in %2 s (%3 tokens/s), stopped: %4]")
                               .arg(result.ids.size())
                               .arg(result.totalSeconds, 0, 'f', 2)
                               .arg(result.tokensPerSecond(), 0, 'f', 1)
                               .arg(QString::fromLatin1(finishReasonName(result.finishReason)))
                        << '\n';
}

} // namespace llmos::cli
