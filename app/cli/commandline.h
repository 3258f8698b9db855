#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

class QCommandLineParser;

namespace llmos::cli {

// True when argv names a headless verb (or --version/--help), so main() runs the
// command line and never creates a window.
bool isCommandLineInvocation(const QStringList &arguments);

// Runs the verb in arguments[1] and returns the process exit code:
// 0 success, 1 the operation failed (one-line reason on stderr), 2 bad usage.
int runCommandLine(const QStringList &arguments);

// What every verb gets: its parsed options and the output conventions.
class CommandContext {
    Q_DECLARE_TR_FUNCTIONS(CommandContext)
public:
    CommandContext(QCommandLineParser &parser, bool json);

    QCommandLineParser &parser() { return m_parser; }
    bool json() const { return m_json; }
    // A required option's value; throws UsageError naming it when absent.
    QString required(const QString &option) const;
    // --model as a path a loader takes: a folder or file as given, else a registered
    // model's id or name resolved through the registry (resolveModelPath).
    std::string modelPath() const;
    // An option's value as a number; empty when the option is absent, UsageError naming
    // it when the value is not a number.
    std::optional<double> number(const QString &option) const;
    std::optional<std::int64_t> integer(const QString &option) const;

    void printJson(const nlohmann::json &value) const;
    void printLine(const QString &text) const;

private:
    QCommandLineParser &m_parser;
    bool m_json;
};

// Thrown for bad usage (missing option, malformed value): exit code 2.
struct UsageError {
    QString message;
};

struct Command {
    const char *name;
    const char *summary; // translated through QCoreApplication::translate("Commands", ...)
    std::function<void(QCommandLineParser &)> addOptions;
    std::function<int(CommandContext &)> run;
};

// "1,2,3" -> ids; throws UsageError naming the item that is not an id.
std::vector<std::int32_t> parseTokenIds(const QString &text);

// --threads N for verbs that compute: adds the option, and reads it (default: every core;
// UsageError outside 1..cores).
void addThreadsOption(QCommandLineParser &parser);
int threadsOption(const CommandContext &ctx);

// "1.5 GiB": a byte count for people.
QString humanBytes(std::uint64_t bytes);

// Registered in their own files.
Command doctorCommand();
Command inspectCommand();
Command tokenizeCommand();
Command detokenizeCommand();
Command scoreCommand();
Command embedCommand();
Command classifyCommand();
Command evalCommand();
Command quantizeCommand();
Command pruneCommand();
Command ensembleCommand();
Command generateCommand();
Command serveCommand();
Command chatCommand();
Command benchmarkCommand();
Command modelsCommand();
Command runsCommand();
Command tokenizerCommand();
Command trainCommand();
Command datasetsCommand();
Command sweepCommand();
Command sweepsCommand();
Command demoCommand();

// `llmos runs resume ID [--threads N]`: continues a paused or interrupted training run in
// the foreground (traincommand.cpp).
int resumeTrainingRun(CommandContext &ctx, const std::string &runId);

} // namespace llmos::cli
