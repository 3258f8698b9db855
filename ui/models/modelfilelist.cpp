#include "models/modelfilelist.h"

#include "models/modeltext.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>

#include <algorithm>

namespace llmos {

ModelFileList::ModelFileList(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("modelFiles"));
    setColumnCount(4);
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    // A hash cut in the middle keeps both ends to compare; the tooltip and Copy give all.
    setTextElideMode(Qt::ElideMiddle);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(File, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(Size, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(Check, QHeaderView::ResizeToContents);
    setColumnHidden(Check, true);

    m_copy = new QAction(this);
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetShortcut);
    connect(m_copy, &QAction::triggered, this, &ModelFileList::copySelection);
    m_copyHash = new QAction(this);
    connect(m_copyHash, &QAction::triggered, this, &ModelFileList::copyHash);
    addAction(m_copy);
    addAction(m_copyHash);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    retranslate();
}

void ModelFileList::showFiles(const std::vector<ModelFile> &files)
{
    clear();
    m_check.reset();
    setColumnHidden(Check, true);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QList<QTreeWidgetItem *> items;
    for (const ModelFile &file : files) {
        auto *item = new QTreeWidgetItem;
        item->setText(File, QString::fromStdString(file.path));
        item->setText(Size, ModelText::size(file.size));
        item->setTextAlignment(Size, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(Sha256, QString::fromStdString(file.sha256));
        item->setFont(Sha256, fixed);
        item->setToolTip(Sha256, item->text(Sha256));
        item->setData(Size, Qt::UserRole, QVariant::fromValue(file.size));
        if (!file.sourcePath.empty())
            item->setToolTip(File, tr("Used in place: %1").arg(QString::fromStdString(file.sourcePath)));
        items << item;
    }
    addTopLevelItems(items);
}

void ModelFileList::showCheck(const FileCheck &check)
{
    m_check = check;
    applyCheck();
}

void ModelFileList::applyCheck()
{
    if (!m_check)
        return;
    auto holds = [](const std::vector<std::string> &paths, const QString &path) {
        return std::find(paths.begin(), paths.end(), path.toStdString()) != paths.end();
    };
    setColumnHidden(Check, false);
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = topLevelItem(i);
        const QString path = item->text(File);
        const bool missing = holds(m_check->missing, path);
        const bool changed = holds(m_check->changed, path);
        item->setText(Check, missing   ? tr("missing")
                             : changed ? tr("changed")
                                       : tr("as registered"));
        // Red reads as "look here" on the light and the dark theme alike.
        const QBrush brush = missing || changed ? QBrush(QColor(0xe5, 0x53, 0x4b)) : QBrush();
        for (int column = 0; column < columnCount(); ++column)
            item->setForeground(column, brush);
    }
}

QString ModelFileList::selectedText() const
{
    QStringList lines;
    for (int i = 0; i < topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = topLevelItem(i);
        if (item->isSelected())
            lines << QStringLiteral("%1  %2  %3")
                         .arg(item->text(Sha256), QString::number(item->data(Size, Qt::UserRole).toULongLong()),
                              item->text(File));
    }
    return lines.join(QLatin1Char('\n'));
}

void ModelFileList::copySelection()
{
    if (const QString text = selectedText(); !text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void ModelFileList::copyHash()
{
    if (const QTreeWidgetItem *item = currentItem())
        QApplication::clipboard()->setText(item->text(Sha256));
}

void ModelFileList::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTreeWidget::changeEvent(event);
}

void ModelFileList::retranslate()
{
    setHeaderLabels({tr("File"), tr("Size"), tr("Check"), tr("SHA-256")});
    applyCheck();
    m_copy->setText(tr("Copy"));
    m_copyHash->setText(tr("Copy SHA-256"));
}

} // namespace llmos
