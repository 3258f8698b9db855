#include "pages/plannedpage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace llmos {

PlannedPage::PlannedPage(const QString &title, const QString &description, const QString &meanwhile, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(40, 32, 40, 32);
    layout->setSpacing(14);

    auto *heading = new QLabel(title, this);
    heading->setStyleSheet(QStringLiteral("font-size: 20pt; font-weight: 600;"));
    layout->addWidget(heading);

    auto *text = new QLabel(description, this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    text->setStyleSheet(QStringLiteral("font-size: 11pt;"));
    layout->addWidget(text);

    auto *status = new QLabel(tr("This page is not built yet."), this);
    status->setStyleSheet(QStringLiteral("color: palette(mid); font-style: italic;"));
    layout->addWidget(status);

    if (!meanwhile.isEmpty()) {
        auto *hint = new QLabel(meanwhile, this);
        hint->setTextFormat(Qt::PlainText);
        hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
        hint->setStyleSheet(QStringLiteral("font-family: monospace; padding: 10px; border-radius: 6px;"
                                           "background: palette(alternate-base);"));
        layout->addWidget(hint);
    }
    layout->addStretch(1);
}

} // namespace llmos
