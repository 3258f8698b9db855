#include "cli/commandline.h"

#include "architectures/textclassifier.h"

#include <QCommandLineParser>

#include <nlohmann/json.hpp>

namespace llmos::cli {

namespace {

int runClassify(CommandContext &ctx)
{
    const std::string model = ctx.modelPath();
    const std::string text = ctx.required(QStringLiteral("text")).toStdString();
    const auto classifier = TextClassifier::open(model);
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
            },
            runClassify};
}

} // namespace llmos::cli
