#include "cli/commandline.h"

#include "cli/modelpath.h"

#include "util/error.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <thread>
#include <vector>

namespace llmos::cli {

namespace {

const std::vector<Command> &commands()
{
    static const std::vector<Command> all{doctorCommand(), tokenizeCommand(), detokenizeCommand(),
                                          inspectCommand(), scoreCommand(),      generateCommand(),
                                          chatCommand(),     embedCommand(),    classifyCommand(),
                                          evalCommand(),     quantizeCommand(),  pruneCommand(),
                                          ensembleCommand(),
                                          benchmarkCommand(), modelsCommand(),     tokenizerCommand(),
                                          runsCommand(),     trainCommand(),
                                          datasetsCommand(), demoCommand(),
                                          sweepCommand(),    sweepsCommand(),
                                          serveCommand()};
    return all;
}

const Command *findCommand(const QString &name)
{
    for (const auto &c : commands())
        if (name == QLatin1String(c.name))
            return &c;
    return nullptr;
}

QString usage()
{
    QString text = QCoreApplication::translate("Commands", "Usage: llmos [VERB] [OPTIONS]\n\n"
                                                           "Without a verb, opens the workbench window.\n\nVerbs:\n");
    for (const auto &c : commands())
        text += QStringLiteral("  %1%2\n")
                    .arg(QLatin1String(c.name), -14)
                    .arg(QCoreApplication::translate("Commands", c.summary));
    text += QCoreApplication::translate("Commands", "\nEvery verb takes --json for machine-readable output. "
                                                    "Run 'llmos VERB --help' for its options.\n");
    return text;
}

void printError(bool json, const QString &kind, const QString &message)
{
    // One line on stderr for people and scripts; the same as JSON on stdout with --json.
    QTextStream(stderr) << "llmos: " << QString(message).replace(QLatin1Char('\n'), QLatin1Char(' ')) << '\n';
    if (json) {
        const nlohmann::json error{{"error", {{"kind", kind.toStdString()}, {"message", message.toStdString()}}}};
        std::fputs((error.dump() + "\n").c_str(), stdout);
    }
}

} // namespace

CommandContext::CommandContext(QCommandLineParser &parser, bool json)
    : m_parser(parser)
    , m_json(json)
{
}

QString CommandContext::required(const QString &option) const
{
    if (!m_parser.isSet(option))
        throw UsageError{tr("missing required option --%1").arg(option)};
    return m_parser.value(option);
}

std::string CommandContext::modelPath() const
{
    return resolveModelPath(required(QStringLiteral("model"))).toStdString();
}

std::optional<double> CommandContext::number(const QString &option) const
{
    if (!m_parser.isSet(option))
        return std::nullopt;
    bool ok = false;
    const double value = m_parser.value(option).toDouble(&ok);
    if (!ok)
        throw UsageError{tr("--%1: '%2' is not a number").arg(option, m_parser.value(option))};
    return value;
}

std::optional<std::int64_t> CommandContext::integer(const QString &option) const
{
    if (!m_parser.isSet(option))
        return std::nullopt;
    bool ok = false;
    const qlonglong value = m_parser.value(option).toLongLong(&ok);
    if (!ok)
        throw UsageError{tr("--%1: '%2' is not a whole number").arg(option, m_parser.value(option))};
    return value;
}

void CommandContext::printJson(const nlohmann::json &value) const
{
    // Invalid UTF-8 (a token that is half a character) is written as U+FFFD, not thrown.
    const std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::fputs((text + "\n").c_str(), stdout);
    std::fflush(stdout); // a line is an event: whoever reads the pipe sees it now
}

void CommandContext::printLine(const QString &text) const
{
    std::fputs((text.toStdString() + "\n").c_str(), stdout);
}

void addThreadsOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("threads"),
                      QCoreApplication::translate("Commands", "Compute threads (default: every core)."), QStringLiteral("N")});
}

int threadsOption(const CommandContext &ctx)
{
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const auto asked = ctx.integer(QStringLiteral("threads"));
    if (!asked)
        return cores;
    if (*asked < 1 || *asked > cores)
        throw UsageError{CommandContext::tr("--threads must be between 1 and %1 (the cores of this machine)").arg(cores)};
    return static_cast<int>(*asked);
}

QString humanBytes(std::uint64_t bytes)
{
    const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1024 && unit < 4) {
        value /= 1024;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(value, 0, 'f', unit == 0 ? 0 : 1).arg(QLatin1String(units[unit]));
}

bool isCommandLineInvocation(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString &first = arguments.at(1);
    // Window options start with "--"; any bare word is a verb (or a mistyped one,
    // which should get "unknown verb" rather than a window).
    return !first.startsWith(QLatin1Char('-')) || first == QLatin1String("--version") || first == QLatin1String("-v")
           || first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help");
}

int runCommandLine(const QStringList &arguments)
{
    const QString verb = arguments.value(1);
    if (verb == QLatin1String("--version") || verb == QLatin1String("-v")) {
        std::fputs("llmos " LLMOS_VERSION "\n", stdout);
        return 0;
    }
    if (verb == QLatin1String("--help") || verb == QLatin1String("-h") || verb == QLatin1String("help")) {
        std::fputs(usage().toStdString().c_str(), stdout);
        return 0;
    }
    const Command *command = findCommand(verb);
    if (!command) {
        printError(false, QStringLiteral("usage"), QCoreApplication::translate("Commands", "unknown verb '%1'").arg(verb));
        return 2;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("Commands", command->summary));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), QCoreApplication::translate("Commands", "Print machine-readable JSON.")});
    command->addOptions(parser);
    QStringList verbArguments = arguments;
    verbArguments.removeAt(1);
    verbArguments[0] = QStringLiteral("llmos ") + verb;
    const bool json = verbArguments.contains(QStringLiteral("--json"));
    if (!parser.parse(verbArguments)) {
        printError(json, QStringLiteral("usage"), parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(parser.helpText().toStdString().c_str(), stdout);
        return 0;
    }

    CommandContext context(parser, json);
    try {
        return command->run(context);
    } catch (const UsageError &e) {
        printError(json, QStringLiteral("usage"), e.message);
        return 2;
    } catch (const Error &e) {
        printError(json, QString::fromLatin1(errorKindName(e.kind())), QString::fromStdString(e.what()));
        return 1;
    } catch (const std::exception &e) {
        printError(json, QStringLiteral("internal"),
                   QCoreApplication::translate("Commands", "unexpected error: %1").arg(QString::fromLocal8Bit(e.what())));
        return 1;
    }
}

} // namespace llmos::cli
