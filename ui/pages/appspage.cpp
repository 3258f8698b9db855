#include "pages/appspage.h"

#include "apps/appmodels.h"
#include "apps/search/searchapp.h"
#include "apps/arena/arenaapp.h"
#include "apps/chat/chatplayground.h"
#include "models/modellibrary.h"
#include "registry/modelregistry.h"
#include "widgets/pageheading.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace llmos {


AppsPage::AppsPage(AppServices services, ModelLibrary &models, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    auto *layout = new QVBoxLayout(this);
    m_stack = new QStackedWidget;
    layout->addWidget(m_stack);

    // The catalog: a heading, a line of introduction and one card per app.
    m_catalog = new QWidget;
    auto *catalogLayout = new QVBoxLayout(m_catalog);
    catalogLayout->setContentsMargins(0, 0, 0, 0);
    m_title = new PageHeading;
    catalogLayout->addWidget(m_title);
    m_intro = new QLabel;
    m_intro->setWordWrap(true);
    catalogLayout->addWidget(m_intro);
    auto *cards = new QWidget;
    auto *cardsLayout = new QVBoxLayout(cards);
    for (const auto &app : appCatalog()) {
        auto *frame = new QFrame;
        frame->setFrameShape(QFrame::StyledPanel);
        frame->setObjectName(QStringLiteral("appCard-") + app.id);
        auto *row = new QHBoxLayout(frame);
        auto *text = new QVBoxLayout;
        Card card{new QLabel, new QLabel, new QLabel, new QPushButton};
        QFont bold = card.title->font();
        bold.setBold(true);
        bold.setPointSizeF(bold.pointSizeF() * 1.15);
        card.title->setFont(bold);
        card.description->setWordWrap(true);
        card.needs->setEnabled(false); // a quieter colour
        text->addWidget(card.title);
        text->addWidget(card.description);
        text->addWidget(card.needs);
        row->addLayout(text, 1);
        row->addWidget(card.open, 0, Qt::AlignVCenter);
        connect(card.open, &QPushButton::clicked, this, [this, id = app.id] { openApp(id); });
        cardsLayout->addWidget(frame);
        m_cards.push_back(card);
    }
    cardsLayout->addStretch(1);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(cards);
    catalogLayout->addWidget(scroll, 1);
    m_stack->addWidget(m_catalog);

    // An open app, under a row with the way back.
    m_appFrame = new QWidget;
    auto *frameLayout = new QVBoxLayout(m_appFrame);
    frameLayout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    m_back = new QPushButton;
    m_back->setObjectName(QStringLiteral("backToApps"));
    m_appTitle = new PageHeading;
    top->addWidget(m_back);
    top->addWidget(m_appTitle, 1);
    frameLayout->addLayout(top);
    m_apps = new QStackedWidget;
    frameLayout->addWidget(m_apps, 1);
    m_stack->addWidget(m_appFrame);
    connect(m_back, &QPushButton::clicked, this, &AppsPage::showCatalog);

    connect(&m_counter, &QFutureWatcher<QMap<int, int>>::finished, this, [this] {
        m_counts = m_counter.result();
        m_counted = true;
        retranslate();
        Q_EMIT modelsCounted();
    });
    connect(&models, &ModelLibrary::modelsChanged, this, &AppsPage::countModels);
    countModels();
    retranslate();
}

void AppsPage::countModels()
{
    if (m_counter.isRunning())
        return; // the running count sees the registry as it is by the time it reads
    m_counter.setFuture(QtConcurrent::run([home = m_services.home] {
        QMap<int, int> counts;
        try {
            ModelRegistry registry(home);
            for (const auto &model : registry.list())
                if (const auto kind = appModelKind(model))
                    counts[int(*kind)] += 1;
        } catch (const std::exception &) {
            // No registry yet, or a damaged one (the Models page says so): nothing counted.
        }
        return counts;
    }));
}

int AppsPage::modelCount(AppModelKind kind) const
{
    if (!m_counted)
        return -1;
    int count = 0;
    for (const auto model : {AppModelKind::Generative, AppModelKind::Classifier, AppModelKind::Embedding})
        if (appRunsOn(kind, model))
            count += m_counts.value(int(model), 0);
    return count;
}

bool AppsPage::openApp(const QString &id)
{
    for (const auto &app : appCatalog()) {
        if (app.id != id)
            continue;
        if (!m_opened.contains(id)) {
            auto *widget = app.create(m_services, m_apps);
            m_apps->addWidget(widget);
            m_opened.insert(id, widget);
        }
        m_current = id;
        m_apps->setCurrentWidget(m_opened.value(id));
        m_stack->setCurrentWidget(m_appFrame);
        retranslate();
        return true;
    }
    return false;
}

QStringList AppsPage::screenshotVariants() const
{
    return {QStringLiteral("chat"), QStringLiteral("arena"), QStringLiteral("search")};
}

void AppsPage::showScreenshotVariant(const QString &variant)
{
    if (variant.isEmpty()) {
        showCatalog();
        return;
    }
    openApp(variant);
    if (auto *chat = qobject_cast<ChatPlayground *>(app(variant)))
        chat->showDemoExchange();
    else if (auto *arena = qobject_cast<ArenaApp *>(app(variant)))
        arena->showDemoRound();
    else if (auto *search = qobject_cast<SearchApp *>(app(variant)))
        search->showDemoSearch();
}

void AppsPage::showCatalog()
{
    m_current.clear();
    m_stack->setCurrentWidget(m_catalog);
}

void AppsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void AppsPage::retranslate()
{
    m_title->setText(tr("Apps"));
    m_intro->setText(tr("Small applications on the models in your library. They run on this computer, "
                        "through the same engine as the API server, and need no network."));
    m_back->setText(tr("\u2190 All apps"));
    const auto &apps = appCatalog();
    for (std::size_t i = 0; i < apps.size(); ++i) {
        const auto &app = apps[i];
        auto &card = m_cards[i];
        card.title->setText(QCoreApplication::translate("llmos::AppCatalog", app.title));
        card.description->setText(QCoreApplication::translate("llmos::AppCatalog", app.description));
        const int count = modelCount(app.needs);
        QString needs = modelKindText(app.needs);
        if (count == 0)
            needs += QStringLiteral(" \u00b7 ") + tr("none registered yet: import one on the Models page");
        else if (count > 0)
            needs += QStringLiteral(" \u00b7 ") + tr("%n registered", nullptr, count);
        card.needs->setText(needs);
        card.open->setText(tr("Open"));
        if (app.id == m_current)
            m_appTitle->setText(QCoreApplication::translate("llmos::AppCatalog", app.title));
    }
}

} // namespace llmos
