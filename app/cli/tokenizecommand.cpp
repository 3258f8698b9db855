#include "cli/commandline.h"

#include "tokenizer/loadtokenizer.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"

#include <QCommandLineParser>

#include <nlohmann/json.hpp>

namespace llmos::cli {

std::vector<std::int32_t> parseTokenIds(const QString &text)
{
    std::vector<std::int32_t> ids;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (int i = 0; i < parts.size(); ++i) {
        bool ok = false;
        const qlonglong id = parts.at(i).trimmed().toLongLong(&ok);
        if (!ok || id < INT32_MIN || id > INT32_MAX)
            throw UsageError{CommandContext::tr("--ids: item %1 ('%2') is not a token id").arg(i + 1).arg(parts.at(i))};
        ids.push_back(static_cast<std::int32_t>(id));
    }
    return ids;
}

namespace {

void addTokenizerOption(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("tokenizer"),
                 QCoreApplication::translate("Commands", "tokenizer.json, tokenizer.model, a .gguf file or a model folder."),
                 QStringLiteral("PATH")});
}

int runTokenize(CommandContext &ctx)
{
    const auto tokenizer = loadTokenizer(ctx.required(QStringLiteral("tokenizer")).toStdString());
    // toUtf8 of a QString from the command line: invalid bytes were already replaced
    // by U+FFFD when the argument was decoded.
    const std::string text = ctx.required(QStringLiteral("text")).toStdString();
    const bool addSpecial = !ctx.parser().isSet(QStringLiteral("no-special"));
    const auto ids = tokenizer->encode(text, addSpecial);
    if (ctx.json()) {
        nlohmann::json tokens = nlohmann::json::array();
        for (auto id : ids)
            tokens.push_back(tokenizer->idToToken(id));
        ctx.printJson({{"ids", ids}, {"tokens", tokens}});
        return 0;
    }
    QStringList parts;
    for (auto id : ids)
        parts << QString::number(id);
    ctx.printLine(parts.join(QLatin1Char(' ')));
    return 0;
}

int runDetokenize(CommandContext &ctx)
{
    const auto tokenizer = loadTokenizer(ctx.required(QStringLiteral("tokenizer")).toStdString());
    const auto ids = parseTokenIds(ctx.required(QStringLiteral("ids")));
    const std::string text = tokenizer->decode(ids, ctx.parser().isSet(QStringLiteral("skip-special")));
    if (ctx.json())
        ctx.printJson({{"text", text}});
    else
        ctx.printLine(QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())));
    return 0;
}

} // namespace

Command tokenizeCommand()
{
    return {"tokenize", QT_TRANSLATE_NOOP("Commands", "Turn text into token ids with a model's tokenizer."),
            [](QCommandLineParser &p) {
                addTokenizerOption(p);
                p.addOption({QStringLiteral("text"), QCoreApplication::translate("Commands", "The text to tokenize."),
                             QStringLiteral("STR")});
                p.addOption({QStringLiteral("no-special"),
                             QCoreApplication::translate("Commands", "Do not add special tokens such as BOS.")});
            },
            runTokenize};
}

Command detokenizeCommand()
{
    return {"detokenize", QT_TRANSLATE_NOOP("Commands", "Turn token ids back into text."),
            [](QCommandLineParser &p) {
                addTokenizerOption(p);
                p.addOption({QStringLiteral("ids"), QCoreApplication::translate("Commands", "Comma-separated token ids."),
                             QStringLiteral("1,2,3")});
                p.addOption({QStringLiteral("skip-special"),
                             QCoreApplication::translate("Commands", "Leave special tokens out of the text.")});
            },
            runDetokenize};
}

} // namespace llmos::cli
