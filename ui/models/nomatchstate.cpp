#include "models/nomatchstate.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace llmos {

NoMatchState::NoMatchState(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("modelsNoMatch"));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("noMatchText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setStyleSheet(QStringLiteral("font-size: 13pt;"));
    layout->addWidget(m_text);
    m_clear = new QPushButton(this);
    m_clear->setObjectName(QStringLiteral("clearFilters"));
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_clear);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
    connect(m_clear, &QPushButton::clicked, this, &NoMatchState::clearRequested);
    retranslate();
}

void NoMatchState::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void NoMatchState::retranslate()
{
    m_text->setText(tr("No model matches these filters"));
    m_clear->setText(tr("Clear filters"));
}

} // namespace llmos
