#include "finetune/numbertext.h"

#include <QLocale>
#include <QRegularExpression>

#include <charconv>
#include <cmath>

namespace llmos {

QString numberText(double value)
{
    // Plain decimals where people read them best ("0.0002", not "2e-04"); powers of ten
    // for the very small and the very large ("1e-8").
    char buffer[400];
    const double magnitude = std::fabs(value);
    const bool scientific = value != 0 && (magnitude < 1e-4 || magnitude >= 1e15);
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value,
                                   scientific ? std::chars_format::scientific : std::chars_format::fixed)
                         .ptr;
    QString text = QString::fromLatin1(buffer, end - buffer);
    if (scientific) // "1e-08" → "1e-8"
        text.replace(QRegularExpression(QStringLiteral("e([-+]?)0+(\\d)")), QStringLiteral("e\\1\\2"));
    return text;
}

std::optional<double> parseNumberText(const QString &text)
{
    bool ok = false;
    double value = QLocale::c().toDouble(text.trimmed(), &ok);
    if (!ok)
        value = QLocale().toDouble(text.trimmed(), &ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<qint64> parseWholeText(const QString &text)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (ok)
        return value;
    const auto number = parseNumberText(text);
    if (number && *number == std::floor(*number) && std::fabs(*number) < 9.0e15)
        return static_cast<qint64>(*number);
    return std::nullopt;
}

} // namespace llmos
