#include "datasets/datasetloader.h"

#include "datasets/chatexampleencoder.h"
#include "datasets/datasetsplit.h"
#include "datasets/rowinterpreter.h"
#include "datasets/rowreader.h"
#include "datasets/textaugmenter.h"
#include "datasets/textpacker.h"
#include "text/privatedatamasker.h"
#include "tokenizer/tokenizer.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <unordered_set>

namespace llmos {

namespace {

// FNV-1a, 64 bits: enough to count duplicate rows, and the same on every platform.
std::uint64_t fnv1a(std::string_view bytes)
{
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (unsigned char c : bytes) hash = (hash ^ c) * 0x100000001b3ull;
    return hash;
}

class DatasetBuilder {
public:
    DatasetBuilder(const DatasetSpec &spec, const Tokenizer &tokenizer, const DatasetOptions &options)
        : m_spec(spec), m_tokenizer(tokenizer), m_options(options), m_interpreter(spec.kind, spec.fields)
    {
        if (options.maxSeqLen == 0) throw Error(ErrorKind::InvalidInput, "max_seq_len", "must be at least 1");
        m_result.report.path = spec.path;
        m_result.report.format = resolveFileFormat(spec);
        m_result.report.tokenLengths = emptyTokenLengthHistogram();
    }

    LoadedDataset build()
    {
        DatasetReport &report = m_result.report;
        report.fingerprint = fingerprintDataset(m_spec.path, m_options.stop);
        readRows(m_spec);
        const std::size_t trainingRows = m_examples.size();
        if (!m_spec.validationPath.empty()) {
            DatasetSpec validation = m_spec;
            validation.path = m_spec.validationPath;
            readRows(validation);
        }
        report.kind = m_interpreter.kind();
        rejectBadRows();
        if (trainingRows == 0) rejectEmpty();
        DatasetSplit split = m_spec.validationPath.empty()
                ? splitDataset(m_examples.size(), m_spec.validationFraction, m_spec.seed)
                : fileSplit(trainingRows, m_examples.size());
        m_sourceExamples = m_examples.size();
        augment(split);
        tokenize(split);
        rejectBadRows();
        report.trainExamples = m_result.train.size();
        report.validationExamples = m_result.validation.size();
        if (m_result.train.empty()) rejectEmpty();
        return std::move(m_result);
    }

private:
    [[noreturn]] void rejectEmpty() const
    {
        const DatasetReport &report = m_result.report;
        throw DatasetRejected(ErrorKind::InvalidInput, m_spec.path,
                fmt::format("no usable training examples ({} rows read, {} bad, {} lost every label to "
                            "max_seq_len {}); nothing to train on",
                        report.rowsRead, report.badRowCount, report.examplesWithoutLabels, m_options.maxSeqLen),
                report);
    }


    void addBadRow(BadRow &&bad)
    {
        DatasetReport &report = m_result.report;
        ++report.badRowCount;
        if (m_spec.policy == BadRowPolicy::Skip) ++report.rowsSkipped;
        if (report.badRows.size() < m_options.maxBadRowsListed) report.badRows.push_back(std::move(bad));
    }

    void mask(DatasetExample &example)
    {
        auto maskText = [this](std::string &text) {
            auto masked = maskPrivateData(text);
            for (const auto &[kind, count] : masked.counts) m_result.report.maskedPrivateData[kind] += count;
            text = std::move(masked.text);
        };
        maskText(example.text);
        for (ChatTurn &turn : example.turns) maskText(turn.content);
    }

    // The examples of a training file and a validation file: the first `trainingRows` train.
    static DatasetSplit fileSplit(std::size_t trainingRows, std::size_t total)
    {
        DatasetSplit split;
        for (std::size_t i = 0; i < total; ++i) (i < trainingRows ? split.train : split.validation).push_back(i);
        return split;
    }

    // Rows of the training file, or of the validation file (whose bad rows name it).
    void readRows(const DatasetSpec &file)
    {
        const bool validationFile = file.path != m_spec.path;
        const auto named = [&](BadRow &bad) {
            if (validationFile && bad.file.empty()) bad.file = file.path;
        };
        RowSink sink;
        sink.onProgress = m_options.onProgress;
        sink.onBadRow = [this, named](BadRow &&bad) {
            ++m_result.report.rowsRead;
            named(bad);
            addBadRow(std::move(bad));
        };
        sink.onRow = [this, named](SourceRow &&row) {
            ++m_result.report.rowsRead;
            BadRow bad;
            std::optional<DatasetExample> example = m_interpreter.interpret(row, bad);
            if (!example) {
                named(bad);
                addBadRow(std::move(bad));
                return;
            }
            if (!m_seen.insert(fnv1a(row.value.dump())).second) ++m_result.report.duplicates;
            if (m_spec.maskPrivateData) mask(*example);
            m_examples.push_back(std::move(*example));
        };
        readDatasetRows(file, sink, m_options.stop);
    }

    void rejectBadRows() const
    {
        const DatasetReport &report = m_result.report;
        if (m_spec.policy != BadRowPolicy::Abort || report.badRowCount == 0) return;
        std::string detail = fmt::format("{} bad row(s) of {}:", report.badRowCount, report.rowsRead);
        for (std::size_t i = 0; i < std::min<std::size_t>(report.badRows.size(), 5); ++i) {
            const BadRow &bad = report.badRows[i];
            detail += fmt::format("\n  {}line {}{}: {}", bad.file.empty() ? "" : bad.file + " ", bad.line,
                    bad.column ? fmt::format(", column {}", bad.column) : std::string(), bad.reason);
        }
        detail += "\nfix them, or choose to skip bad rows (they are then counted in the report)";
        throw DatasetRejected(ErrorKind::Format, m_spec.path, std::move(detail), report);
    }

    // Adds augmented variants of the training examples after the split, so the validation
    // examples and their near-copies never meet the training side.
    void augment(DatasetSplit &split)
    {
        if (!m_spec.augmentation)
            return;
        const auto kind = m_interpreter.kind();
        if (kind != DatasetKind::PretrainText && kind != DatasetKind::Classification)
            throw Error(ErrorKind::InvalidInput, "recipe: dataset.augmentation",
                    fmt::format("applies to text and classification data only; this dataset is {} data, whose "
                                "answers deletion and swaps would garble: remove dataset.augmentation",
                            datasetKindName(kind)));
        const AugmentationSettings &settings = *m_spec.augmentation;
        const TextAugmenter augmenter(settings,
                settings.synonyms.empty() ? SynonymTable() : SynonymTable::load(settings.synonyms));
        SplitMix64 random(settings.seed);
        const std::vector<std::size_t> sources = split.train;
        for (std::size_t index : sources) {
            if (m_options.stop.stop_requested())
                throw Error(ErrorKind::Cancelled, m_spec.path, "loading was cancelled");
            const DatasetExample source = m_examples[index]; // a copy: push_back below may move it
            for (std::string &text : augmenter.variants(source.text, random)) {
                DatasetExample variant = source;
                variant.text = std::move(text);
                split.train.push_back(m_examples.size());
                m_examples.push_back(std::move(variant));
            }
        }
        m_result.report.augmentedExamples = m_examples.size() - m_sourceExamples;
    }

    // Augmented variants are not rows of the file: the row counts and the histogram
    // describe the file alone.
    bool isSource(std::size_t index) const { return index < m_sourceExamples; }

    void tokenize(const DatasetSplit &split)
    {
        switch (m_interpreter.kind()) {
        case DatasetKind::PretrainText: packText(split); break;
        case DatasetKind::Classification: encodeClassification(split); break;
        default: encodeChats(split); break;
        }
    }

    void packText(const DatasetSplit &split)
    {
        auto pack = [this](const std::vector<std::size_t> &indices) {
            TextPacker packer(m_tokenizer, m_options.maxSeqLen);
            for (std::size_t index : indices) {
                const std::size_t length = packer.add(m_examples[index].text, m_examples[index].line);
                if (!isSource(index))
                    continue;
                m_result.report.countTokenLength(length);
                ++m_result.report.rowsUsed;
            }
            return packer.finish();
        };
        m_result.train = pack(split.train);
        m_result.validation = pack(split.validation);
    }

    // Cuts to max_seq_len; false (and counted, for a source example) when no label is left.
    bool fitToLength(TokenizedExample &example, bool counted = true)
    {
        DatasetReport scratch;
        DatasetReport &report = counted ? m_result.report : scratch;
        report.countTokenLength(example.inputIds.size());
        if (example.inputIds.size() > m_options.maxSeqLen) {
            ++report.truncated;
            example.inputIds.resize(m_options.maxSeqLen);
            if (!example.labels.empty()) example.labels.resize(m_options.maxSeqLen);
        }
        if (example.classLabel < 0 &&
                std::all_of(example.labels.begin(), example.labels.end(), [](std::int32_t l) { return l == kIgnoreLabel; })) {
            ++report.examplesWithoutLabels;
            ++report.rowsSkipped;
            return false;
        }
        ++report.rowsUsed;
        return true;
    }

    void encodeChats(const DatasetSplit &split)
    {
        if (!m_options.chatTemplate)
            throw Error(ErrorKind::InvalidInput, m_spec.path,
                    fmt::format("{} data is rendered with the model's chat template, and this model has none; "
                                "choose a chat model or give a template",
                            datasetKindName(m_interpreter.kind())));
        const ChatExampleEncoder encoder(m_tokenizer, *m_options.chatTemplate);
        auto encodeAll = [&](const std::vector<std::size_t> &indices, std::vector<TokenizedExample> &out) {
            for (std::size_t index : indices) {
                const DatasetExample &source = m_examples[index];
                TokenizedExample example;
                try {
                    example = encoder.encode(source.turns);
                } catch (const Error &e) {
                    if (e.kind() == ErrorKind::Cancelled) throw;
                    addBadRow({{}, source.line, 0, e.where() + ": " + e.detail()});
                    continue;
                }
                example.line = source.line;
                if (fitToLength(example)) out.push_back(std::move(example));
            }
        };
        encodeAll(split.train, m_result.train);
        encodeAll(split.validation, m_result.validation);
    }

    void encodeClassification(const DatasetSplit &split)
    {
        DatasetReport &report = m_result.report;
        for (std::size_t i = 0; i < m_sourceExamples; ++i) ++report.labels[m_examples[i].label];
        for (const auto &[label, count] : report.labels) m_result.labelNames.push_back(label);
        auto encodeAll = [&](const std::vector<std::size_t> &indices, std::vector<TokenizedExample> &out) {
            for (std::size_t index : indices) {
                const DatasetExample &source = m_examples[index];
                TokenizedExample example;
                example.inputIds = m_tokenizer.encode(source.text, true);
                example.classLabel = static_cast<std::int32_t>(
                        std::lower_bound(m_result.labelNames.begin(), m_result.labelNames.end(), source.label) -
                        m_result.labelNames.begin());
                example.line = source.line;
                if (fitToLength(example, isSource(index))) out.push_back(std::move(example));
            }
        };
        encodeAll(split.train, m_result.train);
        encodeAll(split.validation, m_result.validation);
    }

    const DatasetSpec &m_spec;
    const Tokenizer &m_tokenizer;
    const DatasetOptions &m_options;
    RowInterpreter m_interpreter;
    std::vector<DatasetExample> m_examples;
    std::size_t m_sourceExamples = 0; // examples read from the file; augmented ones follow
    std::unordered_set<std::uint64_t> m_seen;
    LoadedDataset m_result;
};

} // namespace

LoadedDataset loadDataset(const DatasetSpec &spec, const Tokenizer &tokenizer, const DatasetOptions &options)
{
    return DatasetBuilder(spec, tokenizer, options).build();
}

DatasetReport validateDataset(const DatasetSpec &spec, const Tokenizer &tokenizer, const DatasetOptions &options)
{
    return loadDataset(spec, tokenizer, options).report;
}

} // namespace llmos
