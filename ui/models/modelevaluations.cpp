#include "models/modelevaluations.h"

#include "models/comparereportsdialog.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace llmos {

QString evaluationTime(const EvaluationReport &report)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(report.createdMs), QLocale::ShortFormat);
}

ModelEvaluations::ModelEvaluations(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_hint = new QLabel;
    m_hint->setWordWrap(true);
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_compare = new QPushButton;
    m_compare->setObjectName(QStringLiteral("compareEvaluations"));
    top->addWidget(m_hint, 1);
    top->addWidget(m_compare, 0, Qt::AlignTop);
    m_table = new QTableWidget;
    m_table->setObjectName(QStringLiteral("modelEvaluations"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    connect(m_compare, &QPushButton::clicked, this, &ModelEvaluations::compareSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ModelEvaluations::updateCompare);
    retranslate();
    updateCompare();
}

void ModelEvaluations::showReports(const std::vector<EvaluationReport> &reports, const QString &modelName)
{
    // The rows are about to stand for other reports (a new one comes first): a selection
    // kept would compare the wrong one.
    m_table->clearSelection();
    m_reports = reports;
    m_modelName = modelName;
    m_table->setRowCount(static_cast<int>(reports.size()));
    for (int row = 0; row < static_cast<int>(reports.size()); ++row) {
        const auto &r = reports[static_cast<std::size_t>(row)];
        const QStringList cells{evaluationTime(r), QString::fromLatin1(evaluationTaskName(r.task)), QString::fromStdString(r.dataset),
                                QString::number(r.examples),
                                QString::fromStdString(metricsSummary(r, " \u00b7 "))};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setToolTip(QString::fromStdString(r.id));
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    retranslate();
}

int ModelEvaluations::rowCount() const
{
    return m_table->rowCount();
}

void ModelEvaluations::setRegistryHome(std::string home)
{
    m_home = std::move(home);
    updateCompare();
}

void ModelEvaluations::compareSelected()
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || m_home.empty())
        return;
    auto *dialog = new CompareReportsDialog(m_reports.at(static_cast<std::size_t>(rows.first().row())), m_home, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show(); // not modal: it may stay open while the window is used
}

void ModelEvaluations::updateCompare()
{
    m_compare->setEnabled(!m_home.empty() && m_table->selectionModel()->hasSelection());
}

void ModelEvaluations::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ModelEvaluations::retranslate()
{
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels({tr("When"), tr("Task"), tr("Data"), tr("Examples"), tr("Figures")});
    const auto name = m_modelName.isEmpty() ? QStringLiteral("MODEL") : m_modelName;
    m_hint->setText(m_reports.empty()
                        ? tr("No evaluation yet. From a terminal: llmos eval --model \"%1\" --data FILE "
                             "[--task perplexity|classification|generation]")
                              .arg(name)
                        : tr("Select a report and press Compare… to set it beside other models' reports on the "
                             "same data. Its id, for llmos eval compare, is in its tooltip."));
    m_compare->setText(tr("Compare…"));
    m_compare->setToolTip(tr("The selected report and every registered model's report on the same data, side by side"));
    m_table->setVisible(!m_reports.empty());
    m_compare->setVisible(!m_reports.empty());
}

} // namespace llmos
