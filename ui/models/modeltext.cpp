#include "models/modeltext.h"

#include <QDateTime>
#include <QLocale>

namespace llmos {

namespace {

// One decimal below 10 ("1.1B", "6.7B"), none above ("124M", "70B"), and "1B" rather
// than "1.0B": how model names and model cards write sizes.
QString scaled(double value, const char *unit)
{
    const int decimals = value < 10 ? 1 : 0;
    QString text = QString::number(value, 'f', decimals);
    if (text.endsWith(QLatin1String(".0")))
        text.chop(2);
    return text + QLatin1String(unit);
}

} // namespace

QString ModelText::parameters(std::uint64_t count)
{
    if (count == 0)
        return QStringLiteral("—");
    const double n = static_cast<double>(count);
    if (n >= 1e12)
        return scaled(n / 1e12, "T");
    if (n >= 1e9)
        return scaled(n / 1e9, "B");
    if (n >= 1e6)
        return scaled(n / 1e6, "M");
    if (n >= 1e3)
        return scaled(n / 1e3, "K");
    return QString::number(count);
}

QString ModelText::percent(std::int64_t part, std::int64_t whole)
{
    const double share = whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
    return QLocale().toString(share, 'g', share >= 10 ? 3 : 2);
}

QString ModelText::size(std::uint64_t bytes)
{
    constexpr double kKiB = 1024.0;
    const double n = static_cast<double>(bytes);
    if (n >= kKiB * kKiB * kKiB)
        return tr("%1 GiB").arg(n / (kKiB * kKiB * kKiB), 0, 'f', 1);
    if (n >= kKiB * kKiB)
        return tr("%1 MiB").arg(n / (kKiB * kKiB), 0, 'f', 1);
    if (n >= kKiB)
        return tr("%1 KiB").arg(n / kKiB, 0, 'f', 1);
    return tr("%1 B").arg(bytes);
}

QString ModelText::contextLength(std::uint64_t tokens)
{
    if (tokens == 0)
        return QStringLiteral("—");
    // 2048 and 131072 read better as 2K and 128K, the way model cards write them.
    if (tokens >= 1024 && tokens % 1024 == 0)
        return QStringLiteral("%1K").arg(tokens / 1024);
    return QString::number(tokens);
}

QString ModelText::date(std::int64_t unixSeconds)
{
    if (unixSeconds <= 0)
        return QStringLiteral("—");
    return QDateTime::fromSecsSinceEpoch(unixSeconds).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString ModelText::origin(ModelOrigin origin)
{
    switch (origin) {
    case ModelOrigin::Imported:
        return tr("imported");
    case ModelOrigin::FineTuned:
        return tr("fine-tuned");
    case ModelOrigin::Quantized:
        return tr("quantized");
    case ModelOrigin::Merged:
        return tr("merged");
    case ModelOrigin::Adapter:
        return tr("adapter");
    case ModelOrigin::Exported:
        return tr("exported");
    }
    return {};
}

QString ModelText::format(ModelFormat format)
{
    switch (format) {
    case ModelFormat::HuggingFace:
        return tr("Hugging Face folder");
    case ModelFormat::Gguf:
        return tr("GGUF file");
    case ModelFormat::Peft:
        return tr("PEFT adapter");
    }
    return {};
}

QString ModelText::status(ModelStatus status)
{
    switch (status) {
    case ModelStatus::Ready:
        return tr("ready");
    case ModelStatus::Changed:
        return tr("files changed since import");
    case ModelStatus::Missing:
        return tr("files missing");
    }
    return {};
}

QString ModelText::task(ModelTask task)
{
    switch (task) {
    case ModelTask::Any:
        return tr("any task");
    case ModelTask::TextGeneration:
        return tr("text generation");
    case ModelTask::Classification:
        return tr("classification");
    case ModelTask::Embeddings:
        return tr("embeddings");
    case ModelTask::Other:
        return tr("other");
    }
    return {};
}

QString ModelText::demoStage(DemoStage stage)
{
    switch (stage) {
    case DemoStage::Corpus:
        return tr("Reading the fortunes");
    case DemoStage::Tokenizer:
        return tr("Learning a tokenizer");
    case DemoStage::Model:
        return tr("Making an untrained model");
    case DemoStage::LanguageModel:
        return tr("Training the language model");
    case DemoStage::Classifier:
        return tr("Training the topic classifier");
    case DemoStage::Done:
        return tr("Done");
    }
    return {};
}

QString ModelText::lineageKind(LineageKind kind)
{
    switch (kind) {
    case LineageKind::FineTune:
        return tr("fine-tune");
    case LineageKind::Lora:
        return tr("LoRA");
    case LineageKind::Merge:
        return tr("merge");
    case LineageKind::Quantize:
        return tr("quantize");
    case LineageKind::Export:
        return tr("export");
    case LineageKind::Prune:
        return tr("prune");
    }
    return {};
}

QString ModelText::orUnknown(const std::string &text)
{
    return text.empty() ? QStringLiteral("—") : QString::fromStdString(text);
}

QStringList ModelText::tags(const std::vector<std::string> &tags)
{
    QStringList list;
    for (const auto &tag : tags)
        list << QString::fromStdString(tag);
    return list;
}

} // namespace llmos
