#include "windowfixture.h"

#include <QApplication>
#include <QSettings>

WindowFixture::WindowFixture()
{
    QSettings().clear();
    m_settings = std::make_unique<llmos::SettingsStore>();
    m_language = std::make_unique<llmos::LanguageSetup>(*QCoreApplication::instance());
    (void)m_language->apply(QStringLiteral("en")); // not the machine's language: tests read English
    m_theme = std::make_unique<llmos::ThemeSetup>(*qApp);
    m_models = std::make_unique<llmos::ModelLibrary>(registryHome());
}

WindowFixture::~WindowFixture()
{
    m_theme->apply(llmos::ColorTheme::System); // the next test starts from the same look
}

llmos::JobCenter &WindowFixture::jobs()
{
    if (!m_jobs)
        m_jobs = std::make_unique<llmos::JobCenter>(registryHome(), 2);
    return *m_jobs;
}

llmos::ServerController &WindowFixture::server()
{
    if (!m_server)
        m_server = std::make_unique<llmos::ServerController>(registryHome(), &jobs());
    return *m_server;
}

llmos::AppInference &WindowFixture::inference()
{
    if (!m_inference)
        m_inference = std::make_unique<llmos::AppInference>(registryHome());
    return *m_inference;
}

void WindowFixture::nameApplication(const char *testName)
{
    QCoreApplication::setOrganizationName(QStringLiteral("llmos-tests"));
    QCoreApplication::setApplicationName(QString::fromLatin1(testName));
}
