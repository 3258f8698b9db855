#include "models/modeltensorlist.h"

#include "model/modelinspection.h"
#include "models/modeltext.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace llmos {

namespace {

// [4096, 11008]: the order and brackets PyTorch prints, which data scientists compare against.
QString shapeText(const std::vector<std::uint64_t> &shape)
{
    QStringList dims;
    for (const auto dim : shape)
        dims << QString::number(dim);
    return QLatin1Char('[') + dims.join(QStringLiteral(", ")) + QLatin1Char(']');
}

} // namespace

ModelTensorList::ModelTensorList(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("modelTensors"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("tensorSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setContentsMargins(8, 0, 8, 0);
    layout->addWidget(m_summary);
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(4);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true); // thousands of tensors lay out without measuring each
    m_tree->setAlternatingRowColors(true);
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(Name, QHeaderView::Stretch);
    for (const int column : {Type, Shape, Size})
        m_tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    layout->addWidget(m_tree, 1);
    retranslate();
}

void ModelTensorList::showTensors(const ModelInspection *inspection, const QString &error)
{
    m_inspection = inspection;
    m_error = error;
    m_tree->clear();
    m_tree->setVisible(inspection != nullptr);
    if (inspection) {
        const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        QList<QTreeWidgetItem *> items;
        items.reserve(static_cast<qsizetype>(inspection->tensors.size()));
        for (const auto &tensor : inspection->tensors) {
            auto *item = new QTreeWidgetItem;
            item->setText(Name, QString::fromStdString(tensor.name));
            item->setToolTip(Name, tensor.file.empty() ? item->text(Name)
                                                       : tr("%1 (in %2)").arg(item->text(Name),
                                                                              QString::fromStdString(tensor.file)));
            item->setText(Type, QString::fromStdString(tensor.dtype));
            item->setText(Shape, shapeText(tensor.shape));
            item->setFont(Shape, fixed);
            item->setText(Size, ModelText::size(tensor.bytes));
            item->setTextAlignment(Size, Qt::AlignRight | Qt::AlignVCenter);
            items << item;
        }
        m_tree->addTopLevelItems(items);
    }
    retranslate();
}

QString ModelTensorList::summary() const
{
    return m_summary->text();
}

void ModelTensorList::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ModelTensorList::retranslate()
{
    m_tree->setHeaderLabels({tr("Tensor"), tr("Type"), tr("Shape"), tr("Size")});
    if (!m_inspection) {
        m_summary->setText(m_error.isEmpty() ? QString() : tr("The tensors could not be read: %1").arg(m_error));
        return;
    }
    QStringList types;
    for (const auto &[dtype, count] : m_inspection->dtypeCounts)
        types << tr("%1 × %2").arg(QString::fromStdString(dtype)).arg(count);
    m_summary->setText(tr("%n tensor(s) · %1 parameters · %2 · %3", "", int(m_inspection->tensors.size()))
                           .arg(QLocale().toString(static_cast<qulonglong>(m_inspection->parameterCount)),
                                ModelText::size(m_inspection->tensorBytes), types.join(QStringLiteral(", "))));
}

} // namespace llmos
