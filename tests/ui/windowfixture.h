#pragma once

#include "languagesetup.h"
#include "settings/settingsstore.h"
#include "themesetup.h"
#include "windowservices.h"

#include <memory>

// What app/ builds for the window, built the same way for a test: a settings store over
// the test's own config folder (XDG_CONFIG_HOME points at the build tree), the language
// and the theme. Starts from empty settings, so tests do not see each other's choices.
class WindowFixture {
public:
    WindowFixture();
    ~WindowFixture();

    llmos::WindowServices services() { return {*m_settings, *m_language, *m_theme}; }
    llmos::SettingsStore &settings() { return *m_settings; }
    llmos::LanguageSetup &language() { return *m_language; }
    llmos::ThemeSetup &theme() { return *m_theme; }

    // QSettings needs these names; the launcher sets the real ones.
    static void nameApplication(const char *testName);

private:
    std::unique_ptr<llmos::SettingsStore> m_settings;
    std::unique_ptr<llmos::LanguageSetup> m_language;
    std::unique_ptr<llmos::ThemeSetup> m_theme;
};
