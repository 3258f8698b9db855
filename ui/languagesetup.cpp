#include "languagesetup.h"

#include "settings/settingsstore.h"

#include <QLocale>

namespace llmos {

LanguageSetup::LanguageSetup(QCoreApplication &app)
    : m_app(app)
{
    const QString saved = SettingsStore().load().language;
    if (saved.isEmpty() || !apply(saved)) {
        const QString system = QLocale::system().name(); // e.g. zh_CN
        if (!apply(system) && !apply(system.section(QLatin1Char('_'), 0, 0)))
            apply(QStringLiteral("en"));
    }
}

LanguageSetup::~LanguageSetup()
{
    m_app.removeTranslator(&m_translator);
}

bool LanguageSetup::apply(const QString &code)
{
    QTranslator next;
    if (!next.load(QStringLiteral(":/i18n/llmos_") + code))
        return false;
    m_app.removeTranslator(&m_translator);
    (void)m_translator.load(QStringLiteral(":/i18n/llmos_") + code);
    m_app.installTranslator(&m_translator);
    m_current = code;
    return true;
}

QStringList LanguageSetup::available()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

} // namespace llmos
