#pragma once

#include <QCoreApplication>
#include <QString>
#include <QTranslator>

namespace llmos {

// Installs the interface translation: the language saved in settings, else the
// system's, else English. Switching language swaps the QTranslator; widgets
// re-translate on QEvent::LanguageChange.
class LanguageSetup {
public:
    explicit LanguageSetup(QCoreApplication &app);
    ~LanguageSetup();

    // Code such as "en" or "zh_CN". Returns false when no translation exists for it.
    bool apply(const QString &code);
    QString current() const { return m_current; }
    static QStringList available();

private:
    QCoreApplication &m_app;
    QTranslator m_translator;
    QString m_current;
};

} // namespace llmos
