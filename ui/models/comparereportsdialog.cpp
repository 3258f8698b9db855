#include "models/comparereportsdialog.h"

#include "models/modelevaluations.h"
#include "tasks/onworker.h"

#include "registry/modelregistry.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <filesystem>

namespace llmos {

namespace {

// On a worker: the reports comparable with `selected`, of the registry's models only.
std::vector<EvaluationReport> reportsToCompare(const std::string &home, const EvaluationReport &selected)
{
    auto reports = EvaluationStore((std::filesystem::path(home) / "evaluations").string())
                       .reportsOnData(selected.datasetSha256, selected.task);
    // A deleted model's reports stay on disk, and a folder outside the registry keeps its
    // own under "unregistered": neither is a model the window can show.
    const ModelRegistry registry(home);
    std::vector<EvaluationReport> registered;
    for (auto &report : reports) {
        if (report.modelId.empty())
            continue;
        if (const auto model = registry.find(report.modelId)) {
            report.modelName = model->name; // its name now, should it have been renamed since
            registered.push_back(std::move(report));
        }
    }
    // The selected report is the one the others are read against: first.
    std::stable_partition(registered.begin(), registered.end(),
                          [&](const EvaluationReport &report) { return report.id == selected.id; });
    return registered;
}

} // namespace

CompareReportsDialog::CompareReportsDialog(const EvaluationReport &selected, std::string home, QWidget *parent)
    : QDialog(parent)
    , m_selected(selected)
{
    setObjectName(QStringLiteral("compareReportsDialog"));
    auto *layout = new QVBoxLayout(this);
    m_note = new QLabel;
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_table = new QTableWidget;
    m_table->setObjectName(QStringLiteral("comparedReports"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_note);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(640, 360);
    retranslate();

    onWorker<std::vector<EvaluationReport>>(
        this, [home = std::move(home), selected] { return reportsToCompare(home, selected); },
        [this](std::vector<EvaluationReport> reports, const QString &error) { showReports(std::move(reports), error); });
}

void CompareReportsDialog::showReports(std::vector<EvaluationReport> reports, const QString &error)
{
    m_loading = false;
    m_error = error;
    m_reports = std::move(reports);
    const auto rows = compareMetrics(m_reports);
    m_table->setColumnCount(static_cast<int>(m_reports.size()));
    m_table->setRowCount(static_cast<int>(rows.size()));
    QStringList headers;
    for (const auto &report : m_reports)
        headers << QString::fromStdString(report.modelName) + QLatin1Char('\n') + evaluationTime(report);
    m_table->setHorizontalHeaderLabels(headers);
    QStringList metrics;
    for (int row = 0; row < static_cast<int>(rows.size()); ++row) {
        const auto &comparison = rows[static_cast<std::size_t>(row)];
        metrics << QString::fromStdString(comparison.metric);
        for (int column = 0; column < static_cast<int>(m_reports.size()); ++column) {
            const auto &value = comparison.values[static_cast<std::size_t>(column)];
            auto *item = new QTableWidgetItem(value ? QString::fromStdString(formatMetric(comparison.metric, *value))
                                                    : QStringLiteral("—"));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (comparison.best[static_cast<std::size_t>(column)]) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            m_table->setItem(row, column, item);
        }
    }
    m_table->setVerticalHeaderLabels(metrics);
    for (int column = 0; column < static_cast<int>(m_reports.size()); ++column)
        m_table->horizontalHeaderItem(column)->setToolTip(QString::fromStdString(m_reports[static_cast<std::size_t>(column)].id));
    retranslate();
}

void CompareReportsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void CompareReportsDialog::retranslate()
{
    const auto dataset = QString::fromStdString(m_selected.dataset);
    const auto task = QString::fromLatin1(evaluationTaskName(m_selected.task));
    setWindowTitle(tr("Compare evaluations on %1").arg(dataset));
    if (m_loading)
        m_note->setText(tr("Reading the kept reports…"));
    else if (!m_error.isEmpty())
        m_note->setText(tr("The reports could not be read: %1").arg(m_error));
    else if (m_reports.size() < 2)
        m_note->setText(tr("No other model has a %1 report on this data (%2) yet. Evaluate another model on the same "
                           "file to compare them here.")
                            .arg(task, dataset));
    else
        m_note->setText(tr("%n %1 report(s) on the same data (%2). Bold: the best of each row.", "",
                           static_cast<int>(m_reports.size()))
                            .arg(task, dataset));
    m_table->setVisible(!m_loading && m_error.isEmpty());
}

} // namespace llmos
