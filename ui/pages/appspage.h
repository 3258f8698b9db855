#pragma once

#include "apps/appcatalog.h"

#include <QFutureWatcher>
#include <QMap>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QVBoxLayout;

namespace llmos {

class ModelLibrary;
class PageHeading;

// The Apps page (issue 9): every app of appCatalog() as a card saying what it does and what
// it runs on (with how many registered models of that kind there are); Open shows the app
// in place, with a way back to the list. Apps are made when first opened.
class AppsPage : public QWidget {
    Q_OBJECT
public:
    AppsPage(AppServices services, ModelLibrary &models, QWidget *parent = nullptr);

    // Shows the app with this id (false when there is none); for tests and screenshots.
    bool openApp(const QString &id);
    void showCatalog();
    // The app's widget once it has been opened, else null.
    QWidget *app(const QString &id) const { return m_opened.value(id); }
    // Registered models by kind, as of the last count (-1 until counted).
    // The registered models an app needing `kind` runs on (appRunsOn); -1 until counted.
    int modelCount(AppModelKind kind) const;

    // For --screenshot: the chat playground and the arena, each with an exchange on the
    // demo models.
    Q_INVOKABLE QStringList screenshotVariants() const;
    Q_INVOKABLE void showScreenshotVariant(const QString &variant);

Q_SIGNALS:
    void modelsCounted();

protected:
    void changeEvent(QEvent *event) override;

private:
    void countModels();
    void retranslate();

    AppServices m_services;
    PageHeading *m_title = nullptr;
    QLabel *m_intro = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_catalog = nullptr;
    QWidget *m_appFrame = nullptr;
    QPushButton *m_back = nullptr;
    QLabel *m_appTitle = nullptr;
    QStackedWidget *m_apps = nullptr;
    struct Card {
        QLabel *title;
        QLabel *description;
        QLabel *needs;
        QPushButton *open;
    };
    std::vector<Card> m_cards; // in appCatalog() order
    QMap<QString, QWidget *> m_opened;
    QString m_current;
    QMap<int, int> m_counts;
    bool m_counted = false;
    QFutureWatcher<QMap<int, int>> m_counter;
};

} // namespace llmos
