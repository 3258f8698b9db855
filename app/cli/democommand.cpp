// llmos demo: builds the offline demo (a tokenizer and a small language model trained
// from scratch on Debian's fortunes, and a LoRA topic classifier on top) and registers
// both models. See engine/services/demobuilder.h.

#include "cli/commandline.h"
#include "cli/interruptscope.h"
#include "cli/runfollower.h"

#include "models/modeltext.h"

#include "runtime/datadirectory.h"
#include "services/demobuilder.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>
#include <unistd.h>

namespace llmos::cli {

namespace {

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

int runDemo(CommandContext &ctx)
{
    if (!ctx.parser().positionalArguments().isEmpty())
        throw UsageError{CommandContext::tr("usage: llmos demo [--json] [--threads N]")};
    DemoOptions options;
    options.workFolder = (std::filesystem::path(dataDirectory()) / "demo").string();
    options.threads = threadsOption(ctx);
    JobScheduler scheduler = foregroundScheduler(options.threads);

    // Ctrl-C cancels: a watcher turns the signal flag into a stop request.
    InterruptScope interrupt;
    std::stop_source stop;
    std::jthread watcher([&stop](std::stop_token done) {
        while (!done.stop_requested() && !InterruptScope::interrupted())
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (InterruptScope::interrupted())
            stop.request_stop();
    });

    const bool terminal = isatty(STDERR_FILENO);
    int lastPercent = -1;
    DemoStage lastStage = DemoStage::Done;
    auto progress = [&](const DemoProgress &p) {
        const int percent = static_cast<int>(p.fraction * 100);
        if (percent == lastPercent && p.stage == lastStage)
            return;
        if (ctx.json()) {
            ctx.printJson({{"stage", demoStageName(p.stage)}, {"fraction", p.fraction}, {"run", p.runId}});
        } else if (p.stage != lastStage || terminal) {
            QTextStream err(stderr);
            if (terminal)
                err << '\r';
            err << CommandContext::tr("demo: %1% %2").arg(percent, 3).arg(ModelText::demoStage(p.stage))
                << (p.runId.empty() ? QString() : QStringLiteral(" (%1)").arg(q(p.runId)))
                << (terminal ? QStringLiteral("   ") : QStringLiteral("\n"));
        }
        lastPercent = percent;
        lastStage = p.stage;
    };
    const DemoResult r = buildDemo(scheduler, dataDirectory(), options, progress, stop.get_token());
    if (terminal && !ctx.json())
        QTextStream(stderr) << '\n';
    if (ctx.json()) {
        ctx.printJson({{"language_model", r.languageModelId},
                       {"classifier", r.classifierId},
                       {"language_model_run", r.languageModelRun},
                       {"classifier_run", r.classifierRun},
                       {"perplexity", r.perplexity},
                       {"accuracy", r.accuracy},
                       {"held_out", r.heldOut},
                       {"topics", r.topics},
                       {"seconds", r.seconds}});
        return 0;
    }
    ctx.printLine(CommandContext::tr("Language model %1 (%2): held-out perplexity %3.")
                      .arg(q(options.languageModelName), q(r.languageModelId))
                      .arg(r.perplexity, 0, 'f', 1));
    ctx.printLine(CommandContext::tr("Topic classifier %1 (%2): %3% accuracy on %4 held-out sayings of %5 topics (chance: %6%).")
                      .arg(q(options.classifierName), q(r.classifierId))
                      .arg(r.accuracy * 100, 0, 'f', 1)
                      .arg(r.heldOut)
                      .arg(r.topics.size())
                      .arg(100.0 / static_cast<double>(std::max<std::size_t>(1, r.topics.size())), 0, 'f', 1));
    ctx.printLine(CommandContext::tr("Built in %1 s. Try: llmos generate --model %2 --prompt \"Love is\"")
                      .arg(r.seconds, 0, 'f', 0)
                      .arg(q(options.languageModelName)));
    return 0;
}

} // namespace

Command demoCommand()
{
    return {"demo",
            QT_TRANSLATE_NOOP("Commands", "Build the offline demo models from Debian's fortunes (a few minutes)."),
            addThreadsOption,
            runDemo};
}

} // namespace llmos::cli
