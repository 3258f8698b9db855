#include "models/modelevaluations.h"

#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace llmos {


ModelEvaluations::ModelEvaluations(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_hint = new QLabel;
    m_hint->setWordWrap(true);
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table = new QTableWidget;
    m_table->setObjectName(QStringLiteral("modelEvaluations"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_hint);
    layout->addWidget(m_table, 1);
    retranslate();
}

void ModelEvaluations::showReports(const std::vector<EvaluationReport> &reports, const QString &modelName)
{
    m_reports = reports;
    m_modelName = modelName;
    m_table->setRowCount(static_cast<int>(reports.size()));
    for (int row = 0; row < static_cast<int>(reports.size()); ++row) {
        const auto &r = reports[static_cast<std::size_t>(row)];
        const QStringList cells{QLocale().toString(QDateTime::fromMSecsSinceEpoch(r.createdMs), QLocale::ShortFormat),
                                QString::fromLatin1(evaluationTaskName(r.task)), QString::fromStdString(r.dataset),
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
                        : tr("Compare two reports with: llmos eval compare ID ID (each report's id is in its tooltip)"));
    m_table->setVisible(!m_reports.empty());
}

} // namespace llmos
