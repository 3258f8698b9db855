#include "cli/commandline.h"
#include "cli/generationoptions.h"

#include <QCommandLineParser>

#include <nlohmann/json.hpp>

#include <cstdio>

namespace llmos::cli {

namespace {

int runGenerate(CommandContext &ctx)
{
    const std::string prompt = ctx.required(QStringLiteral("prompt")).toStdString();
    const TextGenerator generator = openGenerator(ctx);
    const auto request = requestFromOptions(ctx, generator, generator.encode(prompt));
    if (ctx.json()) {
        ctx.printJson(resultJson(generator.generate(request)));
        return 0;
    }
    // Text goes to stdout as it is generated; the summary to stderr, so stdout is the text.
    const auto result = generator.generate(request, [](const GeneratedToken &token) {
        std::fwrite(token.text.data(), 1, token.text.size(), stdout);
        std::fflush(stdout);
        return true;
    });
    std::fputc('\n', stdout);
    printResultSummary(result);
    return 0;
}

} // namespace

Command generateCommand()
{
    return {"generate", QT_TRANSLATE_NOOP("Commands", "Continue a prompt with a language model."),
            [](QCommandLineParser &p) {
                addGenerationOptions(p);
                p.addOption({QStringLiteral("prompt"), QCoreApplication::translate("Commands", "The text to continue."),
                             QStringLiteral("STR")});
            },
            runGenerate};
}

} // namespace llmos::cli
