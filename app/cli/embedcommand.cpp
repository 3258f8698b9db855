#include "cli/commandline.h"

#include "architectures/textembedder.h"

#include <QCommandLineParser>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace llmos::cli {

namespace {

// How many leading values the human-readable output shows.
constexpr std::size_t kShownValues = 8;

EmbeddingOptions embeddingOptions(CommandContext &ctx)
{
    EmbeddingOptions options;
    const auto &p = ctx.parser();
    if (p.isSet(QStringLiteral("pooling"))) {
        const QString pooling = p.value(QStringLiteral("pooling")).toLower();
        if (pooling == QLatin1String("cls"))
            options.pooling = EmbeddingPooling::Cls;
        else if (pooling == QLatin1String("mean"))
            options.pooling = EmbeddingPooling::Mean;
        else if (pooling == QLatin1String("last"))
            options.pooling = EmbeddingPooling::Last;
        else
            throw UsageError{CommandContext::tr("--pooling: '%1' is not cls, mean or last")
                                 .arg(p.value(QStringLiteral("pooling")))};
    }
    const bool normalize = p.isSet(QStringLiteral("normalize"));
    const bool noNormalize = p.isSet(QStringLiteral("no-normalize"));
    if (normalize && noNormalize)
        throw UsageError{CommandContext::tr("give either --normalize or --no-normalize, not both")};
    if (normalize || noNormalize)
        options.normalize = normalize;
    return options;
}

int runEmbed(CommandContext &ctx)
{
    const std::string model = ctx.modelPath();
    std::vector<std::string> texts;
    for (const auto &text : ctx.parser().values(QStringLiteral("text")))
        texts.push_back(text.toStdString());
    if (texts.empty())
        throw UsageError{CommandContext::tr("missing required option --%1").arg(QStringLiteral("text"))};
    const auto options = embeddingOptions(ctx);

    const auto embedder = TextEmbedder::open(model);
    const auto embeddings = embedder.embed(texts, options);

    if (ctx.json()) {
        // One text: "embedding", as the spec's single-text shape; several: "embeddings".
        if (embeddings.size() == 1) {
            const auto &e = embeddings.front();
            ctx.printJson({{"embedding", e.values}, {"tokens", e.tokens}, {"truncated", e.truncated}});
            return 0;
        }
        nlohmann::json vectors = nlohmann::json::array();
        nlohmann::json tokens = nlohmann::json::array();
        nlohmann::json truncated = nlohmann::json::array();
        for (const auto &e : embeddings) {
            vectors.push_back(e.values);
            tokens.push_back(e.tokens);
            truncated.push_back(e.truncated);
        }
        ctx.printJson({{"embeddings", vectors}, {"tokens", tokens}, {"truncated", truncated}});
        return 0;
    }

    for (std::size_t i = 0; i < embeddings.size(); ++i) {
        const auto &e = embeddings[i];
        if (embeddings.size() > 1)
            ctx.printLine(CommandContext::tr("text %1:").arg(i + 1));
        double squares = 0;
        for (float v : e.values)
            squares += static_cast<double>(v) * v;
        QStringList shown;
        for (std::size_t k = 0; k < std::min(kShownValues, e.values.size()); ++k)
            shown << QString::number(e.values[k], 'f', 4);
        if (e.values.size() > kShownValues)
            shown << QStringLiteral("...");
        ctx.printLine(CommandContext::tr("dimension: %1").arg(e.values.size()));
        ctx.printLine(CommandContext::tr("values:    %1").arg(shown.join(QLatin1Char(' '))));
        ctx.printLine(CommandContext::tr("norm:      %1").arg(std::sqrt(squares), 0, 'f', 4));
        ctx.printLine(CommandContext::tr("tokens:    %1").arg(e.tokens));
        if (e.truncated)
            ctx.printLine(CommandContext::tr("note:      the text was longer than the model reads and was cut to its "
                                             "first %1 tokens")
                              .arg(e.tokens));
    }
    return 0;
}

} // namespace

Command embedCommand()
{
    return {"embed", QT_TRANSLATE_NOOP("Commands", "Embedding vectors of texts from a BERT encoder or a decoder."),
            [](QCommandLineParser &p) {
                p.addOption({QStringLiteral("model"),
                             QCoreApplication::translate("Commands",
                                                         "A Hugging Face or sentence-transformers model folder (BERT, or a "
                                                         "decoder), or the id or name of a registered one."),
                             QStringLiteral("PATH")});
                p.addOption({QStringLiteral("text"),
                             QCoreApplication::translate("Commands", "A text to embed; repeat for several."),
                             QStringLiteral("STR")});
                p.addOption({QStringLiteral("pooling"),
                             QCoreApplication::translate("Commands", "cls, mean or last (default: the model folder's "
                                                                     "1_Pooling setting, else mean)."),
                             QStringLiteral("cls|mean|last")});
                p.addOption({QStringLiteral("normalize"),
                             QCoreApplication::translate("Commands", "Scale each vector to unit length.")});
                p.addOption({QStringLiteral("no-normalize"),
                             QCoreApplication::translate("Commands", "Keep the raw vectors (default unless the "
                                                                     "folder has a Normalize module).")});
            },
            runEmbed};
}

} // namespace llmos::cli
