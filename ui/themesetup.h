#pragma once

#include "settings/workbenchsettings.h"

#include <QPalette>
#include <QString>

class QApplication;

namespace llmos {

// Applies the colour theme to the whole application at once. Light and Dark switch to
// the Fusion style with a fixed palette (native styles ignore parts of a custom
// palette); System puts back the style and palette the application started with.
class ThemeSetup {
public:
    explicit ThemeSetup(QApplication &app);

    void apply(ColorTheme theme);
    ColorTheme current() const { return m_current; }

    static QPalette lightPalette();
    static QPalette darkPalette();

private:
    QApplication &m_app;
    QString m_systemStyle;
    QPalette m_systemPalette;
    ColorTheme m_current = ColorTheme::System;
};

} // namespace llmos
