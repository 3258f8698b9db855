#include "apps/classify/classifierapp.h"

#include "apps/registeredmodelbox.h"
#include "apps/classify/classifiedrowsmodel.h"
#include "apps/classify/probabilitybars.h"
#include "text/privatedatamasker.h"
#include "training/classificationmetrics.h"
#include "widgets/noticebar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace llmos {

namespace {

constexpr int kMaxRows = 100000; // a batch holds its texts in memory

} // namespace

ClassifierApp::ClassifierApp(AppServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_notice = new NoticeBar(this);
    layout->addWidget(m_notice);
    auto *top = new QHBoxLayout;
    m_modelLabel = new QLabel;
    m_model = new RegisteredModelBox(services.home, AppModelKind::Classifier);
    m_model->setObjectName(QStringLiteral("classifierModel"));
    m_thresholdLabel = new QLabel;
    m_threshold = new QDoubleSpinBox;
    m_threshold->setObjectName(QStringLiteral("classifierThreshold"));
    m_threshold->setRange(0, 1);
    m_threshold->setSingleStep(0.05);
    m_threshold->setValue(0.5);
    top->addWidget(m_modelLabel);
    top->addWidget(m_model);
    top->addSpacing(16);
    top->addWidget(m_thresholdLabel);
    top->addWidget(m_threshold);
    top->addStretch(1);
    layout->addLayout(top);
    m_tabs = new QTabWidget;
    m_tabs->addTab(buildSingle(), QString());
    m_tabs->addTab(buildBatch(), QString());
    layout->addWidget(m_tabs, 1);

    connect(m_threshold, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        m_bars->setThreshold(value);
        showDecision();
    });
    connect(m_model, &RegisteredModelBox::loaded, this, [this](int count) {
        if (count == 0)
            m_notice->showInfo(tr("No classifier is registered yet. Import one on the Models page (or make the demo "
                                  "models with 'llmos demo')."));
        updateButtons();
    });

    auto &inference = services.inference;
    connect(&inference, &AppInference::classifyProgress, this, [this](quint64 turn, int done, int total) {
        if (turn == m_turn && m_batchTurn) {
            m_progress->setMaximum(total);
            m_progress->setValue(done);
        }
    });
    connect(&inference, &AppInference::classifyFinished, this,
            [this](quint64 turn, const QStringList &labels, const std::vector<ClassifiedText> &results) {
                if (turn != m_turn)
                    return;
                m_turn = 0;
                if (m_batchTurn) {
                    showBatchResults(labels, results);
                    updateButtons();
                    Q_EMIT batchEnded();
                    return;
                }
                m_labels = labels;
                m_single = results.at(0).probabilities;
                m_bars->setProbabilities(labels, m_single);
                showDecision();
                updateButtons();
                Q_EMIT textClassified();
            });
    connect(&inference, &AppInference::turnFailed, this, [this](quint64 turn, const QString &reason) {
        if (turn != m_turn)
            return;
        m_turn = 0;
        m_notice->showError(m_batchTurn ? tr("The file was not classified: %1").arg(reason)
                                        : tr("The text was not classified: %1").arg(reason));
        updateButtons();
        Q_EMIT(m_batchTurn ? batchEnded() : textClassified());
    });
    connect(&m_reading, &QFutureWatcher<TextTable>::finished, this, [this] {
        m_table = m_reading.result();
        m_textColumn->clear();
        m_labelColumn->clear();
        if (!m_table.error.isEmpty()) {
            m_notice->showError(tr("The file could not be read: %1").arg(m_table.error));
        } else {
            m_textColumn->addItems(m_table.columns);
            m_labelColumn->addItem(tr("(none)"));
            m_labelColumn->addItems(m_table.columns);
            // Guess the usual names.
            for (const auto &name : {QStringLiteral("text"), QStringLiteral("sentence"), QStringLiteral("content")})
                if (const int i = m_textColumn->findText(name); i >= 0)
                    m_textColumn->setCurrentIndex(i);
            for (const auto &name : {QStringLiteral("label"), QStringLiteral("topic"), QStringLiteral("category")})
                if (const int i = m_labelColumn->findText(name); i >= 0)
                    m_labelColumn->setCurrentIndex(i);
            QString note = tr("%n row(s) read", nullptr, static_cast<int>(m_table.rows.size()));
            if (m_table.badRows > 0)
                note += QStringLiteral(" \u00b7 ") + tr("%n unreadable row(s) left out", nullptr, m_table.badRows);
            if (m_table.truncated)
                note += QStringLiteral(" \u00b7 ") + tr("only the first %1 rows are used").arg(kMaxRows);
            m_metrics->setText(note);
        }
        updateButtons();
        Q_EMIT tableLoaded();
    });
    connect(&m_writing, &QFutureWatcher<QString>::finished, this, [this] {
        const auto error = m_writing.result();
        if (error.isEmpty())
            m_notice->showInfo(tr("The results were exported."));
        else
            m_notice->showError(tr("The results were not exported: %1").arg(error));
        Q_EMIT exported(error);
    });
    retranslate();
    updateButtons();
}

QWidget *ClassifierApp::buildSingle()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    m_text = new QPlainTextEdit;
    m_text->setObjectName(QStringLiteral("classifierText"));
    m_text->setMaximumHeight(110);
    auto *row = new QHBoxLayout;
    m_classify = new QPushButton;
    m_classify->setObjectName(QStringLiteral("classifierClassify"));
    m_decision = new QLabel;
    m_decision->setObjectName(QStringLiteral("classifierDecision"));
    QFont bold = m_decision->font();
    bold.setBold(true);
    m_decision->setFont(bold);
    row->addWidget(m_decision, 1);
    row->addWidget(m_classify);
    m_bars = new ProbabilityBars;
    layout->addWidget(m_text);
    layout->addLayout(row);
    layout->addWidget(m_bars);
    layout->addStretch(1);
    connect(m_classify, &QPushButton::clicked, this, &ClassifierApp::classifyText);
    return page;
}

QWidget *ClassifierApp::buildBatch()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *fileRow = new QHBoxLayout;
    m_path = new QLineEdit;
    m_path->setReadOnly(true);
    m_choose = new QPushButton;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(m_choose);
    layout->addLayout(fileRow);
    auto *columns = new QHBoxLayout;
    m_textColumnLabel = new QLabel;
    m_textColumn = new QComboBox;
    m_textColumn->setObjectName(QStringLiteral("classifierTextColumn"));
    m_labelColumnLabel = new QLabel;
    m_labelColumn = new QComboBox;
    m_labelColumn->setObjectName(QStringLiteral("classifierLabelColumn"));
    m_run = new QPushButton;
    m_run->setObjectName(QStringLiteral("classifierRun"));
    m_cancel = new QPushButton;
    m_cancel->setObjectName(QStringLiteral("classifierCancel"));
    m_progress = new QProgressBar;
    columns->addWidget(m_textColumnLabel);
    columns->addWidget(m_textColumn);
    columns->addWidget(m_labelColumnLabel);
    columns->addWidget(m_labelColumn);
    columns->addWidget(m_progress, 1);
    columns->addWidget(m_run);
    columns->addWidget(m_cancel);
    layout->addLayout(columns);
    auto *split = new QSplitter(Qt::Horizontal);
    m_resultRows = new ClassifiedRowsModel(this);
    m_results = new QTableView;
    m_results->setObjectName(QStringLiteral("classifierResults"));
    m_results->setModel(m_resultRows);
    m_results->horizontalHeader()->setStretchLastSection(true);
    auto *side = new QWidget;
    auto *sideLayout = new QVBoxLayout(side);
    m_metrics = new QLabel;
    m_metrics->setObjectName(QStringLiteral("classifierMetrics"));
    m_metrics->setWordWrap(true);
    m_confusion = new QTableWidget;
    m_confusion->setObjectName(QStringLiteral("classifierConfusion"));
    m_confusion->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mask = new QCheckBox;
    m_mask->setObjectName(QStringLiteral("classifierMask"));
    m_export = new QPushButton;
    sideLayout->addWidget(m_metrics);
    sideLayout->addWidget(m_confusion, 1);
    sideLayout->addWidget(m_mask);
    sideLayout->addWidget(m_export);
    split->addWidget(m_results);
    split->addWidget(side);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    connect(m_choose, &QPushButton::clicked, this, [this] {
        const auto path = QFileDialog::getOpenFileName(this, tr("A file of texts"), QString(),
                                                       tr("Tables (*.csv *.tsv *.jsonl *.json)"));
        if (!path.isEmpty())
            openTable(path);
    });
    connect(m_run, &QPushButton::clicked, this, &ClassifierApp::runBatch);
    connect(m_cancel, &QPushButton::clicked, this, &ClassifierApp::cancelBatch);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const auto path = QFileDialog::getSaveFileName(this, tr("Export the results"), QStringLiteral("results.csv"),
                                                       tr("CSV (*.csv)"));
        if (!path.isEmpty())
            exportResults(path);
    });
    return page;
}

int ClassifierApp::modelChoices() const
{
    return m_model->count();
}

QString ClassifierApp::decisionText() const
{
    return m_decision->text();
}

QString ClassifierApp::metricsText() const
{
    return m_metrics->text();
}

int ClassifierApp::resultRows() const
{
    return m_resultRows->rowCount();
}

void ClassifierApp::classifyText()
{
    const auto text = m_text->toPlainText().trimmed();
    if (text.isEmpty() || running() || modelChoices() == 0)
        return;
    m_notice->hide();
    m_batchTurn = false;
    m_turn = m_services.inference.startClassification({m_model->currentText(), {text.toStdString()}});
    updateButtons();
}

void ClassifierApp::showDecision()
{
    if (m_single.empty()) {
        m_decision->clear();
        return;
    }
    const auto best = std::max_element(m_single.begin(), m_single.end()) - m_single.begin();
    const auto p = m_single[static_cast<std::size_t>(best)];
    const auto label = m_labels.value(static_cast<int>(best));
    m_decision->setText(p >= m_threshold->value()
                            ? tr("%1 (%2%)").arg(label).arg(p * 100, 0, 'f', 1)
                            : tr("Not sure: the most likely label, %1, has %2%, below the threshold")
                                  .arg(label)
                                  .arg(p * 100, 0, 'f', 1));
}

void ClassifierApp::openTable(const QString &path)
{
    if (m_reading.isRunning() || running())
        return;
    m_path->setText(path);
    m_reading.setFuture(QtConcurrent::run([path] { return readTextTable(path, kMaxRows); }));
}

void ClassifierApp::runBatch()
{
    const int column = m_textColumn->currentIndex();
    if (running() || column < 0 || m_table.rows.empty() || modelChoices() == 0)
        return;
    ClassifyRequest request{m_model->currentText(), {}};
    for (const auto &row : m_table.rows)
        request.texts.push_back(row.value(column).toStdString());
    m_notice->hide();
    m_batchTurn = true;
    m_progress->setMaximum(static_cast<int>(request.texts.size()));
    m_progress->setValue(0);
    m_turn = m_services.inference.startClassification(std::move(request));
    updateButtons();
}

void ClassifierApp::cancelBatch()
{
    if (running())
        m_services.inference.cancel(m_turn);
}

void ClassifierApp::showBatchResults(const QStringList &labels, const std::vector<ClassifiedText> &results)
{
    // The results keep the rows and columns they were made from: loading another file or
    // picking other columns later changes neither the table nor the export.
    m_batchLabels = labels;
    m_batch = results;
    m_batchRows = m_table.rows;
    m_batchTextColumn = m_textColumn->currentIndex();
    m_batchLabelColumn = m_labelColumn->currentIndex() - 1; // index 0 is "(none)"
    const int labelColumn = m_batchLabelColumn;
    m_resultRows->show(&m_batchRows, m_batchTextColumn, labelColumn, labels, &m_batch);
    ClassificationMetrics metrics(labels.size());
    int unknown = 0;
    for (std::size_t row = 0; row < results.size(); ++row) {
        const auto &r = results[row];
        if (labelColumn >= 0) {
            const auto actual = m_batchRows[row].value(labelColumn);
            if (const int index = labels.indexOf(actual); index >= 0)
                metrics.add(index, r.best);
            else
                ++unknown;
        }
    }
    m_confusion->clear();
    if (labelColumn < 0 || metrics.total() == 0) {
        m_metrics->setText(tr("%n text(s) classified", nullptr, static_cast<int>(results.size())));
        m_confusion->setRowCount(0);
        m_confusion->setColumnCount(0);
        return;
    }
    QString text = tr("Accuracy %1% \u00b7 macro-F1 %2 over %n labelled text(s)", nullptr, static_cast<int>(metrics.total()))
                       .arg(metrics.accuracy() * 100, 0, 'f', 1)
                       .arg(metrics.macroF1(), 0, 'f', 3);
    if (unknown > 0)
        text += QStringLiteral(" \u00b7 ") + tr("%n row(s) with a label the model does not have left out", nullptr, unknown);
    m_metrics->setText(text);
    // Rows: actual; columns: predicted.
    m_confusion->setRowCount(labels.size());
    m_confusion->setColumnCount(labels.size());
    m_confusion->setHorizontalHeaderLabels(labels);
    m_confusion->setVerticalHeaderLabels(labels);
    const auto &counts = metrics.confusion();
    for (int a = 0; a < labels.size(); ++a)
        for (int p = 0; p < labels.size(); ++p)
            m_confusion->setItem(a, p, new QTableWidgetItem(QString::number(counts[a][p])));
    m_confusion->setToolTip(tr("Rows: the actual label; columns: the predicted one"));
}

void ClassifierApp::exportResults(const QString &path)
{
    if (m_batch.empty() || m_writing.isRunning())
        return;
    m_writing.setFuture(QtConcurrent::run([path, rows = m_batchRows, labels = m_batchLabels, batch = m_batch,
                                           textColumn = m_batchTextColumn, labelColumn = m_batchLabelColumn,
                                           mask = m_mask->isChecked()]() -> QString {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return file.errorString();
        QStringList header{QStringLiteral("text"), QStringLiteral("label")};
        for (const auto &label : labels)
            header << QStringLiteral("p_") + label;
        if (labelColumn >= 0)
            header << QStringLiteral("actual");
        file.write(csvLine(header).toUtf8());
        for (std::size_t row = 0; row < batch.size(); ++row) {
            const auto &cells = rows[row];
            auto text = cells.value(textColumn);
            if (mask) // e-mail addresses, phone, card and ID numbers become [EMAIL], [PHONE], ...
                text = QString::fromStdString(maskPrivateData(text.toStdString()).text);
            QStringList line{text, labels.value(batch[row].best)};
            for (const auto p : batch[row].probabilities)
                line << QString::number(p, 'g', 6);
            if (labelColumn >= 0)
                line << cells.value(labelColumn);
            file.write(csvLine(line).toUtf8());
        }
        return file.commit() ? QString() : file.errorString();
    }));
}

void ClassifierApp::updateButtons()
{
    const bool haveModel = modelChoices() > 0;
    m_classify->setEnabled(!running() && haveModel);
    m_run->setEnabled(!running() && haveModel && !m_table.rows.empty());
    m_cancel->setEnabled(running() && m_batchTurn);
    m_choose->setEnabled(!running());
    m_model->setEnabled(!running());
    m_export->setEnabled(!running() && !m_batch.empty());
}

void ClassifierApp::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ClassifierApp::retranslate()
{
    m_modelLabel->setText(tr("Classifier:"));
    m_thresholdLabel->setText(tr("Decide above:"));
    m_threshold->setToolTip(tr("Below this probability the answer is \"not sure\""));
    m_tabs->setTabText(0, tr("One text"));
    m_tabs->setTabText(1, tr("A file of texts"));
    m_text->setPlaceholderText(tr("A text to classify"));
    m_classify->setText(tr("Classify"));
    m_path->setPlaceholderText(tr("A CSV, TSV or JSON Lines file"));
    m_choose->setText(tr("Choose\u2026"));
    m_textColumnLabel->setText(tr("Text column:"));
    m_labelColumnLabel->setText(tr("Label column:"));
    m_run->setText(tr("Classify all"));
    m_cancel->setText(tr("Cancel"));
    m_mask->setText(tr("Mask e-mail addresses, phone, card and ID numbers in the export"));
    m_export->setText(tr("Export as CSV\u2026"));
    showDecision();
}

} // namespace llmos
