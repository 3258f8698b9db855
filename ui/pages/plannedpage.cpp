#include "pages/plannedpage.h"

#include "widgets/pageheading.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace llmos {

PlannedPage::PlannedPage(const char *title, const char *description, const char *meanwhile, QWidget *parent)
    : QWidget(parent)
    , m_titleSource(title)
    , m_descriptionSource(description)
    , m_meanwhileSource(meanwhile)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(40, 32, 40, 32);
    layout->setSpacing(14);

    m_title = new PageHeading(this);
    layout->addWidget(m_title);

    m_description = new QLabel(this);
    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::PlainText);
    m_description->setStyleSheet(QStringLiteral("font-size: 11pt;"));
    layout->addWidget(m_description);

    m_status = new QLabel(this);
    m_status->setStyleSheet(QStringLiteral("color: palette(mid); font-style: italic;"));
    layout->addWidget(m_status);

    if (m_meanwhileSource) {
        m_meanwhile = new QLabel(this);
        m_meanwhile->setTextFormat(Qt::PlainText);
        m_meanwhile->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_meanwhile->setStyleSheet(QStringLiteral("font-family: monospace; padding: 10px; border-radius: 6px;"
                                                  "background: palette(alternate-base);"));
        layout->addWidget(m_meanwhile);
    }
    layout->addStretch(1);
    retranslate();
}

void PlannedPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PlannedPage::retranslate()
{
    m_title->setText(tr(m_titleSource));
    m_description->setText(tr(m_descriptionSource));
    m_status->setText(tr("This page is not built yet."));
    if (m_meanwhile)
        m_meanwhile->setText(tr(m_meanwhileSource));
}

} // namespace llmos
