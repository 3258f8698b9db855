// llmos tokenizer train: learns a byte-level BPE tokenizer from text files, offline, and
// writes it as a Hugging Face tokenizer folder (tokenizer.json, tokenizer_config.json,
// special_tokens_map.json) that loadTokenizer and transformers both read.

#include "cli/commandline.h"
#include "cli/interruptscope.h"

#include "tokenizer/bpetokenizerfiles.h"
#include "tokenizer/bpetrainer.h"
#include "tokenizer/gguftokenizerkeys.h"
#include "tokenizer/textcorpus.h"
#include "util/error.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <stop_token>
#include <unistd.h>

namespace llmos::cli {

namespace {

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

// Reading the corpus and learning the merges take about the same time on the fortunes.
constexpr double kReadingShare = 0.5;

// One line on stderr, rewritten in place as the percentage changes; only on a terminal,
// where carriage returns are not noise.
class TrainingProgressLine {
public:
    explicit TrainingProgressLine(bool enabled)
        : m_enabled(enabled)
    {
    }
    ~TrainingProgressLine()
    {
        if (m_shown)
            QTextStream(stderr) << '\n';
    }

    void update(const QString &stage, double fraction)
    {
        const int percent = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 100);
        if (!m_enabled || percent == m_lastPercent)
            return;
        m_lastPercent = percent;
        m_shown = true;
        QTextStream(stderr) << '\r' << CommandContext::tr("training tokenizer: %1% (%2)").arg(percent).arg(stage)
                            << QStringLiteral("   ");
    }

private:
    bool m_enabled;
    bool m_shown = false;
    int m_lastPercent = -1;
};

// --split: a family's name or a regex of one's own.
std::string splitPatternFrom(const QString &value)
{
    if (value.isEmpty() || value == QLatin1String("gpt2"))
        return std::string(gguftokenizer::kGpt2Regex);
    if (value == QLatin1String("llama3"))
        return std::string(gguftokenizer::kLlama3Regex);
    if (value == QLatin1String("qwen2"))
        return std::string(gguftokenizer::kQwen2Regex);
    return value.toStdString();
}

std::size_t positiveSize(CommandContext &ctx, const QString &option, std::int64_t fallback)
{
    const std::int64_t value = ctx.integer(option).value_or(fallback);
    if (value < 0)
        throw UsageError{CommandContext::tr("--%1: %2 is negative").arg(option).arg(value)};
    return static_cast<std::size_t>(value);
}

BpeTrainerOptions trainerOptions(CommandContext &ctx)
{
    BpeTrainerOptions options;
    options.vocabSize = positiveSize(ctx, QStringLiteral("vocab-size"), 0); // required: checked by the caller
    options.minFrequency = positiveSize(ctx, QStringLiteral("min-frequency"), 0);
    options.maxTokenLength = positiveSize(ctx, QStringLiteral("max-token-length"), 0);
    options.splitPattern = splitPatternFrom(ctx.parser().value(QStringLiteral("split")));
    for (const QString &special : ctx.parser().values(QStringLiteral("special")))
        options.specialTokens.push_back(special.toStdString());
    if (options.specialTokens.empty())
        options.specialTokens = {"<|endoftext|>", "<|pad|>"};
    return options;
}

// --bos/--eos/--pad/--unk, each one of the special tokens. Without any, the GPT-2
// convention: <|endoftext|> begins and ends a text, <|pad|> pads, when they are there.
BpeTokenizerFileOptions fileOptions(CommandContext &ctx, const std::vector<std::string> &specials)
{
    BpeTokenizerFileOptions files;
    const auto has = [&](const std::string &token) {
        return std::find(specials.begin(), specials.end(), token) != specials.end();
    };
    const std::pair<const char *, std::optional<std::string> *> roles[] = {
        {"bos", &files.bosToken}, {"eos", &files.eosToken}, {"pad", &files.padToken}, {"unk", &files.unkToken}};
    bool anyRole = false;
    for (const auto &[name, slot] : roles) {
        const QString option = QLatin1String(name);
        if (!ctx.parser().isSet(option))
            continue;
        anyRole = true;
        const std::string token = ctx.parser().value(option).toStdString();
        if (!has(token))
            throw UsageError{CommandContext::tr("--%1: '%2' is not one of the special tokens; add --special '%2'")
                                 .arg(option, q(token))};
        *slot = token;
    }
    if (!anyRole) {
        if (has("<|endoftext|>"))
            files.bosToken = files.eosToken = "<|endoftext|>";
        if (has("<|pad|>"))
            files.padToken = "<|pad|>";
    }
    if (const auto length = ctx.integer(QStringLiteral("model-max-length")))
        files.modelMaxLength = *length;
    return files;
}

int runTokenizer(CommandContext &ctx)
{
    const QStringList args = ctx.parser().positionalArguments();
    if (args.size() != 1 || args.front() != QLatin1String("train"))
        throw UsageError{CommandContext::tr("usage: llmos tokenizer train --input PATH... --vocab-size N --output DIR")};
    const QStringList inputs = ctx.parser().values(QStringLiteral("input"));
    if (inputs.isEmpty())
        throw UsageError{CommandContext::tr("missing required option --input")};
    ctx.required(QStringLiteral("vocab-size"));
    const std::string output = ctx.required(QStringLiteral("output")).toStdString();

    const BpeTrainerOptions options = trainerOptions(ctx);
    const BpeTokenizerFileOptions files = fileOptions(ctx, options.specialTokens);
    std::vector<std::string> paths;
    for (const QString &input : inputs)
        paths.push_back(input.toStdString());
    const CorpusFormat format = TextCorpus::formatNamed(ctx.parser().value(QStringLiteral("format")).toStdString());
    const TextCorpus corpus(paths, format);

    const auto started = std::chrono::steady_clock::now();
    std::stop_source stop;
    TrainingProgressLine line(::isatty(STDERR_FILENO) != 0);
    const auto polled = [&](const QString &stage, double fraction) {
        if (InterruptScope::interrupted())
            stop.request_stop();
        line.update(stage, fraction);
    };
    const InterruptScope interrupt;
    BpeTrainer trainer(options);
    trainer.addCorpus(
        corpus, [&](double read) { polled(CommandContext::tr("reading"), read * kReadingShare); }, stop.get_token());
    const TrainedBpe trained = trainer.train(
        [&](double merged) { polled(CommandContext::tr("merging"), kReadingShare + merged * (1 - kReadingShare)); },
        stop.get_token());
    writeBpeTokenizerFiles(trained, files, output);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const std::uint64_t bytes = trainer.wordCounts().bytes();
    const double mbPerSecond = seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0;

    if (ctx.json()) {
        ctx.printJson({{"output", output},
                       {"vocab_size", trained.tokens.size()},
                       {"merges", trained.merges.size()},
                       {"special_tokens", options.specialTokens},
                       {"files", corpus.files().size()},
                       {"documents", trainer.wordCounts().documents()},
                       {"bytes", bytes},
                       {"distinct_words", trainer.wordCounts().counts().size()},
                       {"seconds", seconds},
                       {"mb_per_s", mbPerSecond}});
        return 0;
    }
    ctx.printLine(CommandContext::tr("Trained a byte-level BPE tokenizer of %1 tokens (%2 merges) on %3 documents "
                                     "(%4) in %5 s (%6 MB/s).")
                      .arg(trained.tokens.size())
                      .arg(trained.merges.size())
                      .arg(trainer.wordCounts().documents())
                      .arg(humanBytes(bytes))
                      .arg(seconds, 0, 'f', 2)
                      .arg(mbPerSecond, 0, 'f', 1));
    ctx.printLine(CommandContext::tr("Wrote %1").arg(q(output)));
    return 0;
}

} // namespace

Command tokenizerCommand()
{
    return {"tokenizer", QT_TRANSLATE_NOOP("Commands", "Tokenizers: train a byte-level BPE tokenizer from text files."),
            [](QCommandLineParser &p) {
                p.addPositionalArgument(QStringLiteral("SUBVERB"), QCoreApplication::translate("Commands", "train."));
                p.addOption({QStringLiteral("input"),
                             QCoreApplication::translate("Commands", "A text file or a folder of them (repeatable)."),
                             QStringLiteral("PATH")});
                p.addOption({QStringLiteral("format"),
                             QCoreApplication::translate("Commands", "plain (default) or fortune: sayings separated by "
                                                                     "'%' lines, as in fortune(6) files."),
                             QStringLiteral("FORMAT"), QStringLiteral("plain")});
                p.addOption({QStringLiteral("vocab-size"),
                             QCoreApplication::translate("Commands", "Tokens in the vocabulary: special tokens, the 256 "
                                                                     "byte symbols and the merges."),
                             QStringLiteral("N")});
                p.addOption({QStringLiteral("min-frequency"),
                             QCoreApplication::translate("Commands", "Never merge a pair seen fewer times (default 0)."),
                             QStringLiteral("F")});
                p.addOption({QStringLiteral("special"),
                             QCoreApplication::translate("Commands", "A special token, ids from 0 in the order given "
                                                                     "(repeatable; default <|endoftext|> and <|pad|>)."),
                             QStringLiteral("TOKEN")});
                for (const char *role : {"bos", "eos", "pad", "unk"})
                    p.addOption({QLatin1String(role),
                                 QCoreApplication::translate("Commands", "The special token that plays this role."),
                                 QStringLiteral("TOKEN")});
                p.addOption({QStringLiteral("max-token-length"),
                             QCoreApplication::translate("Commands", "The longest token in bytes (default: no limit)."),
                             QStringLiteral("N")});
                p.addOption({QStringLiteral("split"),
                             QCoreApplication::translate("Commands", "How text is cut into words: gpt2 (default), "
                                                                     "llama3, qwen2 or a regex."),
                             QStringLiteral("REGEX")});
                p.addOption({QStringLiteral("model-max-length"),
                             QCoreApplication::translate("Commands", "model_max_length for tokenizer_config.json."),
                             QStringLiteral("N")});
                p.addOption({QStringLiteral("output"),
                             QCoreApplication::translate("Commands", "The folder to write the tokenizer files into."),
                             QStringLiteral("DIR")});
            },
            runTokenizer};
}

} // namespace llmos::cli
