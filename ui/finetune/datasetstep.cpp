#include "finetune/datasetstep.h"

#include "finetune/datasetreporttext.h"
#include "finetune/runplanning.h"
#include "registry/modelregistry.h"
#include "tasks/onworker.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <filesystem>
#include <set>

namespace llmos {

namespace {

constexpr int kCellCharacters = 160;

QString cellText(const nlohmann::ordered_json &value)
{
    QString text = value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString::fromStdString(value.dump());
    text.replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
    return text.size() > kCellCharacters ? text.left(kCellCharacters) + QStringLiteral("…") : text;
}

} // namespace

DatasetStep::DatasetStep(std::string registryHome, QWidget *parent)
    : QWidget(parent)
    , m_home(std::move(registryHome))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);
    auto *row = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("datasetPath"));
    m_path->setReadOnly(true);
    m_choose = new QPushButton(this);
    m_known = new QComboBox(this);
    m_known->setObjectName(QStringLiteral("knownDatasets"));
    m_known->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_known->setMinimumContentsLength(16);
    m_known->setVisible(false);
    row->addWidget(m_path, 1);
    row->addWidget(m_choose);
    row->addWidget(m_known);
    layout->addLayout(row);
    m_preview = new QTableWidget(this);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setAlternatingRowColors(true);
    m_preview->verticalHeader()->setDefaultSectionSize(24);
    m_preview->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_preview, 1);
    m_report = new QLabel(this);
    m_report->setObjectName(QStringLiteral("datasetReport"));
    m_report->setWordWrap(true);
    m_report->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_report->setTextFormat(Qt::PlainText);
    layout->addWidget(m_report);
    connect(m_choose, &QPushButton::clicked, this, &DatasetStep::chooseFile);
    connect(m_known, &QComboBox::activated, this, [this](int index) {
        const QString path = m_known->itemData(index).toString();
        m_known->setCurrentIndex(0); // the placeholder again: the path field shows the choice
        if (!path.isEmpty())
            setPath(path);
    });
    connect(&m_watcher, &QFutureWatcher<DatasetInspection>::finished, this, [this] {
        m_inspection.reset();
        m_error.clear();
        try {
            m_inspection = m_watcher.result();
        } catch (const std::exception &e) {
            m_error = workerErrorText(e);
        }
        showInspection();
        Q_EMIT inspected();
    });
    retranslate();
}

DatasetStep::~DatasetStep()
{
    if (m_stop)
        m_stop->request_stop();
    m_watcher.waitForFinished();
}

void DatasetStep::setPath(const QString &path)
{
    m_path->setText(path);
    Q_EMIT pathChosen(path);
}

QString DatasetStep::path() const
{
    return m_path->text();
}

void DatasetStep::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose training data"), QString(),
        tr("Training data (*.csv *.tsv *.jsonl *.ndjson *.json *.txt);;All files (*)"));
    if (!path.isEmpty())
        setPath(path);
}

void DatasetStep::refreshKnownDatasets()
{
    onWorker<std::vector<DatasetRecord>>(
        this,
        [home = m_home] {
            std::vector<DatasetRecord> present;
            std::set<std::string> seen;
            for (auto &record : ModelRegistry(home).datasets()) {
                std::error_code ec;
                if (std::filesystem::is_regular_file(record.sourcePath, ec) && seen.insert(record.sourcePath).second)
                    present.push_back(std::move(record));
            }
            return present;
        },
        [this](const std::vector<DatasetRecord> &datasets, const QString &) {
            // Without a readable registry the file chooser is all there is: no message.
            showKnownDatasets(datasets);
        });
}

void DatasetStep::showKnownDatasets(const std::vector<DatasetRecord> &datasets)
{
    m_known->clear();
    m_known->addItem(tr("Used before…"));
    for (const auto &record : datasets) {
        const QString path = QString::fromStdString(record.sourcePath);
        m_known->addItem(tr("%1 (%2)").arg(QString::fromStdString(record.name), QString::fromStdString(record.format)),
                         path);
        m_known->setItemData(m_known->count() - 1, QDir::toNativeSeparators(path), Qt::ToolTipRole);
    }
    m_known->setVisible(!datasets.empty());
}

QStringList DatasetStep::knownDatasetPaths() const
{
    QStringList paths; // item 0 is the "Used before…" placeholder
    for (int i = 1; i < m_known->count(); ++i)
        paths << m_known->itemData(i).toString();
    return paths;
}

void DatasetStep::showEvent(QShowEvent *event)
{
    refreshKnownDatasets();
    QWidget::showEvent(event);
}

void DatasetStep::inspect(const TrainingRecipe &recipe)
{
    if (m_stop)
        m_stop->request_stop();
    m_stop = std::make_shared<std::stop_source>();
    m_inspection.reset();
    m_error.clear();
    m_report->setText(tr("Reading the file…"));
    m_watcher.setFuture(QtConcurrent::run([home = m_home, recipe, stop = m_stop] {
        return inspectDataset(home, recipe, kPreviewRows, stop->get_token());
    }));
}

void DatasetStep::showInspection()
{
    m_preview->clear();
    if (!m_inspection) {
        m_preview->setRowCount(0);
        m_preview->setColumnCount(0);
        m_report->setText(m_error.isEmpty() ? QString() : tr("The file could not be read: %1").arg(m_error));
        return;
    }
    QStringList columns;
    for (const SourceRow &row : m_inspection->preview)
        if (row.value.is_object())
            for (const auto &item : row.value.items())
                if (const QString key = QString::fromStdString(item.key()); !columns.contains(key))
                    columns << key;
    m_preview->setColumnCount(int(columns.size()));
    m_preview->setHorizontalHeaderLabels(columns);
    m_preview->setRowCount(int(m_inspection->preview.size()));
    QStringList lineNumbers;
    for (int r = 0; r < int(m_inspection->preview.size()); ++r) {
        const SourceRow &row = m_inspection->preview[std::size_t(r)];
        lineNumbers << QString::number(row.line);
        for (int c = 0; c < int(columns.size()); ++c) {
            const std::string key = columns[c].toStdString();
            if (row.value.is_object() && row.value.contains(key))
                m_preview->setItem(r, c, new QTableWidgetItem(cellText(row.value.at(key))));
        }
    }
    m_preview->setVerticalHeaderLabels(lineNumbers);
    m_report->setText(DatasetReportText::describe(m_inspection->report, m_inspection->rejected).join(QLatin1Char('\n')));
}

void DatasetStep::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (m_inspection || !m_error.isEmpty())
            showInspection();
    }
    QWidget::changeEvent(event);
}

void DatasetStep::retranslate()
{
    m_hint->setText(tr("Choose the examples to learn from: a CSV or TSV table, JSON Lines, a JSON list, or plain "
                       "text. The first rows are shown below, and the whole file is checked before anything runs."));
    m_path->setPlaceholderText(tr("No file chosen"));
    m_choose->setText(tr("Choose file…"));
    m_known->setToolTip(tr("Data files that earlier fine-tunes trained on."));
    if (m_known->count() > 0)
        m_known->setItemText(0, tr("Used before…"));
}

} // namespace llmos
