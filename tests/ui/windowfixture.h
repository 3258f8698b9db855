#pragma once

#include "apps/appinference.h"
#include "jobcenter/jobcenter.h"
#include "languagesetup.h"
#include "models/modellibrary.h"
#include "server/servercontroller.h"
#include "settings/settingsstore.h"
#include "themesetup.h"
#include "windowservices.h"

#include <QTemporaryDir>

#include <memory>
#include <string>

// What app/ builds for the window, built the same way for a test: a settings store over
// the test's own config folder (XDG_CONFIG_HOME points at the build tree), the language,
// the theme, a model library over an empty registry in a temporary folder, and a job
// center whose runs live there too. Starts
// from empty settings and no models, so tests do not see each other's choices. The
// registry opens when a page first asks, so a test may register models in
// registryHome() before it builds the window.
class WindowFixture {
public:
    WindowFixture();
    ~WindowFixture();

    llmos::WindowServices services()
    {
        return {*m_settings, *m_language, *m_theme, *m_models, jobs(), server(), inference()};
    }
    llmos::SettingsStore &settings() { return *m_settings; }
    llmos::LanguageSetup &language() { return *m_language; }
    llmos::ThemeSetup &theme() { return *m_theme; }
    llmos::ModelLibrary &models() { return *m_models; }
    // Made on first use, so a test can register models before the job center reads them.
    llmos::JobCenter &jobs();
    // The API server controller, stopped until a test starts it.
    llmos::ServerController &server();
    // The apps' models, made on first use.
    llmos::AppInference &inference();
    std::string registryHome() const { return m_home.path().toStdString(); }

    // QSettings needs these names; the launcher sets the real ones.
    static void nameApplication(const char *testName);

private:
    std::unique_ptr<llmos::SettingsStore> m_settings;
    std::unique_ptr<llmos::LanguageSetup> m_language;
    std::unique_ptr<llmos::ThemeSetup> m_theme;
    QTemporaryDir m_home;
    std::unique_ptr<llmos::ModelLibrary> m_models;
    std::unique_ptr<llmos::JobCenter> m_jobs;
    std::unique_ptr<llmos::ServerController> m_server; // after the job center: destroyed first
    std::unique_ptr<llmos::AppInference> m_inference;
};
