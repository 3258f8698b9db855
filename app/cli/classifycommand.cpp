#include "cli/commandline.h"

#include "architectures/textclassifier.h"
#include "util/error.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <nlohmann/json.hpp>

namespace llmos::cli {

namespace {

// --file: one text a line, classified in batches; a label (or a JSON object) a line out,
// and the throughput on stderr.
int classifyFile(CommandContext &ctx, const TextClassifier &classifier)
{
    const auto path = ctx.parser().value(QStringLiteral("file"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        throw Error(ErrorKind::NotFound, path.toStdString(), "cannot be read: " + file.errorString().toStdString());
    std::vector<std::string> texts;
    while (!file.atEnd())
        if (const auto line = file.readLine().trimmed(); !line.isEmpty())
            texts.push_back(line.toStdString());
    if (texts.empty())
        throw Error(ErrorKind::InvalidInput, path.toStdString(), "has no text to classify (one text a line)");
    const auto &labels = classifier.labels();
    QElapsedTimer timer;
    timer.start();
    const auto results = classifier.classify(texts);
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const auto &result = results[i];
        if (ctx.json())
            ctx.printJson({{"line", i + 1}, {"label", labels[result.best]},
                           {"probability", result.probabilities[result.best]}, {"tokens", result.tokens},
                           {"truncated", result.truncated}});
        else
            ctx.printLine(QString::fromStdString(labels[result.best]));
    }
    QTextStream(stderr) << CommandContext::tr("%1 texts in %2 s: %3 texts/s")
                               .arg(texts.size())
                               .arg(seconds, 0, 'f', 2)
                               .arg(static_cast<double>(texts.size()) / seconds, 0, 'f', 1)
                        << "\n";
    return 0;
}

int runClassify(CommandContext &ctx)
{
    const std::string model = ctx.modelPath();
    const bool haveFile = ctx.parser().isSet(QStringLiteral("file"));
    if (haveFile == ctx.parser().isSet(QStringLiteral("text")))
        throw UsageError{CommandContext::tr("give either --text STR or --file FILE")};
    const auto classifier = TextClassifier::open(model);
    if (haveFile)
        return classifyFile(ctx, classifier);
    const std::string text = ctx.parser().value(QStringLiteral("text")).toStdString();
    const auto result = classifier.classify({text}).front();
    const auto &labels = classifier.labels();
    if (ctx.json()) {
        nlohmann::json probabilities = nlohmann::json::object();
        for (std::size_t i = 0; i < labels.size(); ++i)
            probabilities[labels[i]] = result.probabilities[i];
        ctx.printJson({{"label", labels[result.best]},
                       {"probabilities", probabilities},
                       {"tokens", result.tokens},
                       {"truncated", result.truncated}});
        return 0;
    }
    ctx.printLine(CommandContext::tr("label: %1").arg(QString::fromStdString(labels[result.best])));
    for (std::size_t i = 0; i < labels.size(); ++i)
        ctx.printLine(
            QStringLiteral("  %1  %2").arg(result.probabilities[i], 0, 'f', 4).arg(QString::fromStdString(labels[i])));
    if (result.truncated)
        ctx.printLine(CommandContext::tr("note: the text was longer than the model reads and was cut to its "
                                         "first %1 tokens")
                          .arg(result.tokens));
    return 0;
}

} // namespace

Command classifyCommand()
{
    return {"classify", QT_TRANSLATE_NOOP("Commands", "Label a text with a sequence classifier (BERT, GPT-2 or Llama family)."),
            [](QCommandLineParser &p) {
                p.addOption({QStringLiteral("model"),
                             QCoreApplication::translate("Commands", "A Hugging Face *ForSequenceClassification folder "
                                                                     "(or a BERT classifier GGUF), or the id or name of a "
                                                                     "registered one."),
                             QStringLiteral("PATH")});
                p.addOption({QStringLiteral("text"), QCoreApplication::translate("Commands", "The text to classify."),
                             QStringLiteral("STR")});
                p.addOption({QStringLiteral("file"),
                             QCoreApplication::translate("Commands", "Classify every line of this file (one text a "
                                                                     "line) in batches; prints the texts per second."),
                             QStringLiteral("FILE")});
            },
            runClassify};
}

} // namespace llmos::cli
