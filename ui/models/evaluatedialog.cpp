#include "models/evaluatedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace llmos {

EvaluateDialog::EvaluateDialog(const ModelRecord &model, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Evaluate %1").arg(QString::fromStdString(model.name)));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    auto *dataRow = new QHBoxLayout;
    m_data = new QLineEdit;
    m_data->setObjectName(QStringLiteral("evaluateData"));
    m_data->setPlaceholderText(tr("A text, CSV, TSV or JSON Lines file"));
    auto *choose = new QPushButton(tr("Choose…"));
    dataRow->addWidget(m_data, 1);
    dataRow->addWidget(choose);
    form->addRow(tr("Data"), dataRow);
    m_task = new QComboBox;
    m_task->setObjectName(QStringLiteral("evaluateTask"));
    m_task->addItem(tr("Perplexity (how well it predicts the text)"), int(EvaluationTask::Perplexity));
    m_task->addItem(tr("Classification (accuracy, F1, confusion matrix)"), int(EvaluationTask::Classification));
    m_task->addItem(tr("Generation (BLEU and ROUGE-L against reference answers)"), int(EvaluationTask::Generation));
    if (model.architecture.find("ForSequenceClassification") != std::string::npos)
        m_task->setCurrentIndex(1);
    form->addRow(tr("Measure"), m_task);
    m_taskHelp = new QLabel;
    m_taskHelp->setWordWrap(true);
    form->addRow(QString(), m_taskHelp);
    m_textField = new QLineEdit(QStringLiteral("text"));
    m_labelField = new QLineEdit(QStringLiteral("label"));
    form->addRow(tr("Text column"), m_textField);
    form->addRow(tr("Label column"), m_labelField);
    m_limit = new QSpinBox;
    m_limit->setRange(0, 10000000);
    m_limit->setSpecialValueText(tr("every row"));
    form->addRow(tr("At most"), m_limit);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_evaluate = buttons->addButton(tr("Evaluate"), QDialogButtonBox::AcceptRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(choose, &QPushButton::clicked, this, [this] {
        const auto path = QFileDialog::getOpenFileName(this, tr("Data to evaluate on"), QString(),
                                                       tr("Data (*.txt *.csv *.tsv *.jsonl *.json);;All files (*)"));
        if (!path.isEmpty())
            m_data->setText(path);
    });
    connect(m_data, &QLineEdit::textChanged, this, &EvaluateDialog::update);
    connect(m_task, &QComboBox::currentIndexChanged, this, &EvaluateDialog::update);
    update();
}

void EvaluateDialog::update()
{
    const auto task = EvaluationTask(m_task->currentData().toInt());
    const bool classification = task == EvaluationTask::Classification;
    m_textField->setEnabled(classification);
    m_labelField->setEnabled(classification);
    switch (task) {
    case EvaluationTask::Perplexity:
        m_taskHelp->setText(tr("Plain text: lower is better. Use text the model did not train on."));
        break;
    case EvaluationTask::Classification:
        m_taskHelp->setText(tr("Rows with a text and a label the model knows (a classifier)."));
        break;
    case EvaluationTask::Generation:
        m_taskHelp->setText(tr("Instruction or chat rows whose last answer is the reference; answers are greedy."));
        break;
    }
    m_evaluate->setEnabled(!m_data->text().trimmed().isEmpty());
}

EvaluationRequest EvaluateDialog::request() const
{
    return {m_data->text().trimmed(), EvaluationTask(m_task->currentData().toInt()), m_textField->text().trimmed(),
            m_labelField->text().trimmed(), m_limit->value()};
}

} // namespace llmos
