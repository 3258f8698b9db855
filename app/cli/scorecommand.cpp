#include "cli/commandline.h"

#include "architectures/tokenscorer.h"
#include "tokenizer/loadtokenizer.h"
#include "tokenizer/tokenizer.h"

#include <QCommandLineParser>

#include <nlohmann/json.hpp>

namespace llmos::cli {

namespace {

int runScore(CommandContext &ctx)
{
    const std::string model = ctx.modelPath();
    const bool haveText = ctx.parser().isSet(QStringLiteral("text"));
    const bool haveIds = ctx.parser().isSet(QStringLiteral("ids"));
    if (haveText == haveIds)
        throw UsageError{CommandContext::tr("give either --text or --ids")};

    std::vector<std::int64_t> ids;
    if (haveIds) {
        for (auto id : parseTokenIds(ctx.parser().value(QStringLiteral("ids"))))
            ids.push_back(id);
    } else {
        // The model's own tokenizer, with its special tokens (BOS), as Hugging Face scores.
        const auto tokenizer = loadTokenizer(model);
        for (auto id : tokenizer->encode(ctx.parser().value(QStringLiteral("text")).toStdString(), true))
            ids.push_back(id);
    }
    const TokenScorer scorer = TokenScorer::open(model);
    const TokenScores scores = scorer.score(ids);
    if (ctx.json()) {
        ctx.printJson({{"ids", ids}, {"logprobs", scores.logprobs}, {"perplexity", scores.perplexity}});
        return 0;
    }
    ctx.printLine(CommandContext::tr("tokens:     %1").arg(ids.size()));
    ctx.printLine(CommandContext::tr("log-prob:   %1").arg(scores.totalLogprob, 0, 'f', 4));
    ctx.printLine(CommandContext::tr("perplexity: %1").arg(scores.perplexity, 0, 'f', 4));
    return 0;
}

} // namespace

Command scoreCommand()
{
    return {"score", QT_TRANSLATE_NOOP("Commands", "Log-probabilities and perplexity of a text under a model."),
            [](QCommandLineParser &p) {
                p.addOption({QStringLiteral("model"),
                             QCoreApplication::translate("Commands", "A Hugging Face model folder, a .gguf file, or the id or name of a registered model."), QStringLiteral("PATH")});
                p.addOption({QStringLiteral("text"), QCoreApplication::translate("Commands", "The text to score."),
                             QStringLiteral("STR")});
                p.addOption({QStringLiteral("ids"), QCoreApplication::translate("Commands", "Comma-separated token ids."),
                             QStringLiteral("1,2,3")});
            },
            runScore};
}

} // namespace llmos::cli
