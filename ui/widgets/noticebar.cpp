#include "widgets/noticebar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace llmos {

NoticeBar::NoticeBar(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("noticeBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 6, 6);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("noticeText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_text, 1);
    m_remedy = new QToolButton(this);
    m_remedy->setObjectName(QStringLiteral("noticeRemedy"));
    m_remedy->hide();
    layout->addWidget(m_remedy, 0, Qt::AlignTop);
    m_close = new QToolButton(this);
    m_close->setText(QStringLiteral("×"));
    m_close->setAutoRaise(true);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void NoticeBar::showInfo(const QString &text)
{
    m_error = false;
    m_remedy->hide();
    m_text->setText(text);
    applyStyle();
    show();
}

void NoticeBar::showError(const QString &text, QAction *remedy)
{
    m_error = true;
    if (remedy)
        m_remedy->setDefaultAction(remedy);
    m_remedy->setVisible(remedy != nullptr);
    m_text->setText(text);
    applyStyle();
    show();
}

QString NoticeBar::text() const
{
    return isVisibleTo(parentWidget()) ? m_text->text() : QString();
}

void NoticeBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_close->setToolTip(tr("Dismiss"));
    QFrame::changeEvent(event);
}

void NoticeBar::applyStyle()
{
    m_close->setToolTip(tr("Dismiss"));
    // A red border that reads on the light and the dark theme alike.
    const QString border = m_error ? QStringLiteral("#e5534b") : QStringLiteral("palette(mid)");
    setStyleSheet(QStringLiteral("QFrame#noticeBar { background: palette(alternate-base); border: 1px solid %1;"
                                 " border-radius: 6px; }")
                      .arg(border));
}

} // namespace llmos
