#pragma once

#include <QPalette>
#include <QString>
#include <QWidget>

namespace llmos {

// The designers' red for errors: one that stays readable on the dark theme's background
// as well as on the light one (the progress dialog uses the same pair).
inline QString designerErrorColor(const QWidget &widget)
{
    const bool dark = widget.palette().color(QPalette::Window).lightness() < 128;
    return dark ? QStringLiteral("#ff7b72") : QStringLiteral("#d1242f");
}

inline QString designerErrorStyle(const QWidget &widget)
{
    return QStringLiteral("color: %1;").arg(designerErrorColor(widget));
}

} // namespace llmos
