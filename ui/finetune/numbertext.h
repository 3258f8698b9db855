#pragma once

#include <QString>

#include <optional>

namespace llmos {

// Numbers in the designers' text boxes and table cells.

// The shortest text that reads back as the same double ("0.0002", "1e-08").
QString numberText(double value);
// As people type them: "1e-4" and "0.0001" everywhere, "0,0001" where the system's
// language writes decimals with a comma. Not finite: nullopt.
std::optional<double> parseNumberText(const QString &text);
// "8", and "8.0" or "1e3" too: whole numbers written as decimals.
std::optional<qint64> parseWholeText(const QString &text);

} // namespace llmos
