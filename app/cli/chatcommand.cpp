#include "cli/commandline.h"
#include "cli/interruptscope.h"
#include "cli/generationoptions.h"

#include "util/error.h"
#include "util/mappedfile.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <string>

namespace llmos::cli {

namespace {

nlohmann::ordered_json message(const char *role, const std::string &content)
{
    return {{"role", role}, {"content", content}};
}

// One reply: streamed to stdout as it is generated, or with --json printed as one JSON
// line at the end (so the output stays machine-readable).
GenerationResult reply(CommandContext &ctx, const TextGenerator &generator, const nlohmann::ordered_json &messages)
{
    const auto request = requestFromOptions(ctx, generator, generator.encodeChat(messages));
    const InterruptScope interrupt;
    const bool json = ctx.json();
    const auto result = generator.generate(request, [json](const GeneratedToken &token) {
        if (!json) {
            std::fwrite(token.text.data(), 1, token.text.size(), stdout);
            std::fflush(stdout);
        }
        return !InterruptScope::interrupted();
    });
    if (json) {
        ctx.printJson(resultJson(result));
    } else {
        std::fputc('\n', stdout);
        printResultSummary(result);
    }
    return result;
}

int runChat(CommandContext &ctx)
{
    TextGenerator generator = openGenerator(ctx);
    if (ctx.parser().isSet(QStringLiteral("chat-template"))) {
        const auto path = ctx.parser().value(QStringLiteral("chat-template")).toStdString();
        generator.setChatTemplate({readWholeFile(path), path});
    } else if (!generator.chatTemplate()) {
        throw Error(ErrorKind::NotFound, ctx.required(QStringLiteral("model")).toStdString(),
                    "this model has no chat template (it may be a base model, not a chat model); give one with "
                    "--chat-template FILE, or use 'llmos generate' with a plain prompt");
    }

    auto messages = nlohmann::ordered_json::array();
    if (ctx.parser().isSet(QStringLiteral("system")))
        messages.push_back(message("system", ctx.parser().value(QStringLiteral("system")).toStdString()));

    if (ctx.parser().isSet(QStringLiteral("message"))) {
        messages.push_back(message("user", ctx.parser().value(QStringLiteral("message")).toStdString()));
        reply(ctx, generator, messages);
        return 0;
    }

    QTextStream err(stderr);
    err << CommandContext::tr("Chatting with %1 on %2. Type /reset to start over, /exit or Ctrl-D to leave; Ctrl-C stops a reply.")
               .arg(ctx.required(QStringLiteral("model")), QString::fromStdString(generator.deviceName()))
        << '\n';
    const auto system = messages;
    std::string line;
    while (true) {
        err << "> " << Qt::flush;
        if (!std::getline(std::cin, line) || line == "/exit")
            break;
        if (line == "/reset") {
            messages = system;
            err << CommandContext::tr("(conversation cleared)") << '\n';
            continue;
        }
        if (line.empty())
            continue;
        messages.push_back(message("user", line));
        try {
            messages.push_back(message("assistant", reply(ctx, generator, messages).text));
        } catch (const Error &e) {
            // A turn that fails (the conversation outgrew the context, say) leaves the chat usable.
            messages.erase(messages.end() - 1);
            err << "llmos: " << QString::fromStdString(e.what()) << '\n';
        }
    }
    return 0;
}

} // namespace

Command chatCommand()
{
    return {"chat", QT_TRANSLATE_NOOP("Commands", "Chat with a model in the terminal, using its chat template."),
            [](QCommandLineParser &p) {
                addGenerationOptions(p);
                p.addOption({QStringLiteral("message"),
                             QCoreApplication::translate("Commands", "Send one message, print the reply and exit."),
                             QStringLiteral("STR")});
                p.addOption({QStringLiteral("system"), QCoreApplication::translate("Commands", "A system message."),
                             QStringLiteral("STR")});
                p.addOption({QStringLiteral("chat-template"),
                             QCoreApplication::translate("Commands", "A Jinja chat template file to use instead of "
                                                                     "the model's own."),
                             QStringLiteral("FILE")});
            },
            runChat};
}

} // namespace llmos::cli
