#include "models/tageditor.h"

#include "widgets/flowlayout.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace llmos {

TagEditor::TagEditor(QWidget *parent)
    : QWidget(parent)
{
    m_flow = new FlowLayout(this, 6);
    m_add = new QLineEdit(this);
    m_add->setObjectName(QStringLiteral("addTag"));
    m_add->setFixedWidth(130);
    m_flow->addWidget(m_add);
    connect(m_add, &QLineEdit::returnPressed, this, [this] {
        const QString tag = m_add->text().trimmed();
        if (tag.isEmpty())
            return;
        m_add->clear();
        Q_EMIT addRequested(tag);
    });
    retranslate();
}

void TagEditor::setTags(const QStringList &tags)
{
    if (tags == m_tags && m_chips.size() == tags.size())
        return;
    m_tags = tags;
    // Later, not now: this may run inside a chip's own click.
    for (QWidget *chip : std::as_const(m_chips)) {
        m_flow->removeWidget(chip);
        chip->hide();
        chip->deleteLater();
    }
    m_chips.clear();
    // Chips go before the add field, which stays last.
    m_flow->removeWidget(m_add);
    for (const QString &tag : tags) {
        QWidget *chip = makeChip(tag);
        m_chips << chip;
        m_flow->addWidget(chip);
    }
    m_flow->addWidget(m_add);
    updateGeometry();
}

QWidget *TagEditor::chip(const QString &tag) const
{
    for (QWidget *chip : m_chips)
        if (chip->property("tag").toString() == tag)
            return chip;
    return nullptr;
}

QWidget *TagEditor::makeChip(const QString &tag)
{
    auto *chip = new QFrame(this);
    chip->setObjectName(QStringLiteral("tagChip"));
    chip->setProperty("tag", tag);
    chip->setStyleSheet(QStringLiteral("QFrame#tagChip { background: palette(alternate-base);"
                                       " border: 1px solid palette(mid); border-radius: 11px; }"));
    auto *layout = new QHBoxLayout(chip);
    layout->setContentsMargins(10, 1, 3, 1);
    layout->setSpacing(2);
    auto *label = new QLabel(tag, chip);
    label->setTextFormat(Qt::PlainText);
    layout->addWidget(label);
    auto *remove = new QToolButton(chip);
    remove->setObjectName(QStringLiteral("removeTag"));
    remove->setText(QStringLiteral("×"));
    remove->setAutoRaise(true);
    remove->setToolTip(tr("Remove the tag %1").arg(tag));
    remove->setStyleSheet(QStringLiteral("QToolButton { border: none; padding: 0 3px; }"));
    layout->addWidget(remove);
    connect(remove, &QToolButton::clicked, this, [this, tag] { Q_EMIT removeRequested(tag); });
    return chip;
}

void TagEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TagEditor::retranslate()
{
    m_add->setPlaceholderText(tr("Add a tag…"));
    m_add->setToolTip(tr("Type a tag and press Enter"));
    for (QWidget *chip : m_chips) {
        const QString tag = chip->property("tag").toString();
        if (auto *remove = chip->findChild<QToolButton *>(QStringLiteral("removeTag")))
            remove->setToolTip(tr("Remove the tag %1").arg(tag));
    }
}

} // namespace llmos
