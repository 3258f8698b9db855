#include "models/deletemodeldialog.h"

#include "models/modeltext.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace llmos {

DeleteModelDialog::DeleteModelDialog(const ModelRecord &model, const ModelLineage &lineage, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("deleteModelDialog"));
    const QString name = QString::fromStdString(model.name);
    setWindowTitle(tr("Delete %1").arg(name));
    setMinimumWidth(460);
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);

    auto *question = new QLabel(tr("Delete %1 from the registry?").arg(name), this);
    question->setTextFormat(Qt::PlainText);
    question->setStyleSheet(QStringLiteral("font-size: 12pt; font-weight: 600;"));
    layout->addWidget(question);
    auto *what = new QLabel(model.inPlace ? tr("The model is used in place: its files stay where they are; only the "
                                               "registry's record of it goes.")
                                          : tr("Its files (%1) are deleted, except those another model shares.")
                                                .arg(ModelText::size(model.sizeBytes)),
                            this);
    what->setWordWrap(true);
    layout->addWidget(what);

    auto *buttons = new QDialogButtonBox(this);
    m_delete = buttons->addButton(tr("Delete"), QDialogButtonBox::DestructiveRole);
    m_delete->setObjectName(QStringLiteral("confirmDelete"));
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_delete, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (!lineage.descendants.empty()) {
        auto *warning = new QLabel(tr("%n model(s) were made from it. They stay; those made directly from it "
                                      "lose their link to it, and their lineage keeps only its name:",
                                      "", int(lineage.descendants.size())),
                                   this);
        warning->setWordWrap(true);
        layout->addWidget(warning);
        auto *list = new QListWidget(this);
        list->setObjectName(QStringLiteral("orphanedModels"));
        for (const LineageEdge &e : lineage.descendants)
            list->addItem(tr("%1 (%2 of %3)")
                              .arg(QString::fromStdString(e.toName), ModelText::lineageKind(e.kind),
                                   QString::fromStdString(e.fromName)));
        list->setMaximumHeight(120);
        layout->addWidget(list);
        m_confirm = new QCheckBox(tr("Delete it anyway"), this);
        m_confirm->setObjectName(QStringLiteral("confirmOrphans"));
        layout->addWidget(m_confirm);
        m_delete->setEnabled(false);
        connect(m_confirm, &QCheckBox::toggled, m_delete, &QPushButton::setEnabled);
    }
    layout->addWidget(buttons);
}

bool DeleteModelDialog::force() const
{
    return m_confirm && m_confirm->isChecked();
}

} // namespace llmos
