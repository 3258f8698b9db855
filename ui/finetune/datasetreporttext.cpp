#include "finetune/datasetreporttext.h"

#include <QLocale>

#include <algorithm>

namespace llmos {

namespace {

int count(std::uint64_t n)
{
    return int(std::min<std::uint64_t>(n, INT32_MAX));
}

QString kindText(DatasetKind kind)
{
    switch (kind) {
    case DatasetKind::PretrainText:
        return DatasetReportText::tr("plain text");
    case DatasetKind::Alpaca:
        return DatasetReportText::tr("instructions with answers");
    case DatasetKind::OpenAiChat:
    case DatasetKind::ShareGpt:
        return DatasetReportText::tr("chat conversations");
    case DatasetKind::Classification:
        return DatasetReportText::tr("texts with labels");
    case DatasetKind::Auto:
        break;
    }
    return DatasetReportText::tr("not recognised");
}

} // namespace

QStringList DatasetReportText::describe(const DatasetReport &r, const std::optional<std::string> &rejected)
{
    QStringList lines;
    const QLocale locale;
    if (rejected)
        lines << tr("This file cannot be used as it is: %1").arg(QString::fromStdString(*rejected));
    lines << tr("It reads as %1.").arg(kindText(r.kind));
    lines << tr("%1 of %2 rows can be used: %3 to learn from and %4 kept aside to check the model on.")
                 .arg(locale.toString(qulonglong(r.rowsUsed)), locale.toString(qulonglong(r.rowsRead)),
                      locale.toString(qulonglong(r.trainExamples)), locale.toString(qulonglong(r.validationExamples)));
    if (r.badRowCount > 0) {
        lines << tr("%Ln row(s) have a problem and are left out:", nullptr, count(r.badRowCount));
        int shown = 0;
        for (const BadRow &bad : r.badRows) {
            if (++shown > 5)
                break;
            QString where = bad.file.empty() ? QString() : QString::fromStdString(bad.file) + QStringLiteral(", ");
            where += tr("line %1").arg(bad.line);
            lines << QStringLiteral("  • %1: %2").arg(where, QString::fromStdString(bad.reason));
        }
    }
    if (r.duplicates > 0)
        lines << tr("%Ln row(s) repeat an earlier one word for word (kept; worth a look).", nullptr, count(r.duplicates));
    if (r.truncated > 0)
        lines << tr("%Ln example(s) are longer than the length limit and will be cut at the end.", nullptr, count(r.truncated));
    if (r.examplesWithoutLabels > 0)
        lines << tr("%Ln example(s) have the whole answer past the length limit and are left out.", nullptr, count(r.examplesWithoutLabels));
    if (!r.labels.empty()) {
        QStringList labels;
        for (const auto &[label, count] : r.labels)
            labels << QStringLiteral("%1 (%2)").arg(QString::fromStdString(label), locale.toString(qulonglong(count)));
        lines << tr("Labels: %1.").arg(labels.join(QStringLiteral(", ")));
    }
    return lines;
}

} // namespace llmos
